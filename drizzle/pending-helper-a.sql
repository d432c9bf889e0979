-- helper-a (issue 13, finding 8): sign-in throttling as one locked counter row per key; the old
-- one-row-per-failure table goes.
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"username" text,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone,
	"refused" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sign_in_throttle_username_idx" ON "sign_in_throttle" USING btree ("username");
--> statement-breakpoint
DROP TABLE "login_failures";
