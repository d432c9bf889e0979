CREATE TABLE "nationality_mappings" (
	"written" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"mapped_by" uuid,
	"mapped_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "nationality_mappings" ADD CONSTRAINT "nationality_mappings_mapped_by_users_id_fk" FOREIGN KEY ("mapped_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;