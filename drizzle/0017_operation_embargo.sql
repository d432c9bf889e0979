CREATE TABLE "operation_commanders" (
	"operation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "operation_commanders_operation_id_user_id_pk" PRIMARY KEY("operation_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "persons_off_devices_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "release_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "release_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "expired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "operation_commanders" ADD CONSTRAINT "operation_commanders_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_commanders" ADD CONSTRAINT "operation_commanders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "operation_commanders_user_idx" ON "operation_commanders" USING btree ("user_id");--> statement-breakpoint
UPDATE "operations" SET "released_at" = "created_at", "release_sent_at" = "created_at" WHERE "released_at" IS NULL;
