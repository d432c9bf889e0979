ALTER TABLE "referrals" ADD COLUMN "ex_officio" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "consent_by" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "interpreter_language" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "interpreter_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "interpreter_independent" boolean;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "risk_level" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "formal_identification" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "formal_identification_date" date;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "police_case_no" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "prosecutor_case_no" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "social_work_case_no" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "reflection_start" date;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "reflection_end" date;--> statement-breakpoint
CREATE INDEX "referrals_reflection_end_idx" ON "referrals" USING btree ("reflection_end") WHERE reflection_end is not null and deleted_at is null;--> statement-breakpoint
CREATE INDEX "referrals_identified_idx" ON "referrals" USING btree ("person_id") WHERE formal_identification = 'yes' and deleted_at is null;