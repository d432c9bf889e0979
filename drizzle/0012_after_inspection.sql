CREATE TABLE "checked_workers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"sex" text NOT NULL,
	"is_minor" boolean NOT NULL,
	"foreign" boolean NOT NULL,
	"contract_before_work" text NOT NULL,
	"declared_to_tax" text NOT NULL,
	"pension_contributions" text NOT NULL,
	"wage_at_least_minimum" text NOT NULL,
	"working_time_respected" text NOT NULL,
	"work_permit" text NOT NULL,
	"residence_permit" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "control_inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"location_id" uuid NOT NULL,
	"source_inspection_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"violations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"assignment_id" uuid,
	"team_id" uuid,
	"done_inspection_id" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "criminal_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"offence" text NOT NULL,
	"other_offence" text DEFAULT '' NOT NULL,
	"filed_on" date NOT NULL,
	"police_case_no" text DEFAULT '' NOT NULL,
	"prosecutor_case_no" text DEFAULT '' NOT NULL,
	"arrests" integer DEFAULT 0 NOT NULL,
	"detentions" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "custody_transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"evidence_item_id" uuid NOT NULL,
	"handed_by" uuid NOT NULL,
	"received_by" text NOT NULL,
	"received_unit" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"violation_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"decided_on" date NOT NULL,
	"amount_eur" integer,
	"legal_basis" text DEFAULT '' NOT NULL,
	"until" date,
	"appeal" text DEFAULT 'none' NOT NULL,
	"appeal_decided_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evidence_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"where_found" text DEFAULT '' NOT NULL,
	"found_by" uuid NOT NULL,
	"found_at" timestamp with time zone NOT NULL,
	"attachment_id" uuid,
	"seal_no" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "labour_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"employer_name" text DEFAULT '' NOT NULL,
	"business_reg_no" text DEFAULT '' NOT NULL,
	"fiscal_no" text DEFAULT '' NOT NULL,
	"registered_activity" text DEFAULT '' NOT NULL,
	"activity_found" text DEFAULT '' NOT NULL,
	"licence" text,
	"licensed_hours" text DEFAULT '' NOT NULL,
	"hours_found" text DEFAULT '' NOT NULL,
	"minutes_no" text DEFAULT '' NOT NULL,
	"minutes_signature" text,
	"minutes_copy_left" boolean,
	"hand_over_to" text,
	"hand_over_reference" text DEFAULT '' NOT NULL,
	"hand_over_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "violation_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"control_inspection_id" uuid NOT NULL,
	"violation_id" uuid NOT NULL,
	"result" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "violation_kinds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title_sq" text NOT NULL,
	"title_sr" text NOT NULL,
	"title_en" text NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"severity" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "violation_kinds_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "violations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"kind_id" uuid NOT NULL,
	"worker_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"remedy_deadline" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "checked_workers" ADD CONSTRAINT "checked_workers_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_inspections" ADD CONSTRAINT "control_inspections_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_inspections" ADD CONSTRAINT "control_inspections_source_inspection_id_inspections_id_fk" FOREIGN KEY ("source_inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_inspections" ADD CONSTRAINT "control_inspections_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_inspections" ADD CONSTRAINT "control_inspections_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_inspections" ADD CONSTRAINT "control_inspections_done_inspection_id_inspections_id_fk" FOREIGN KEY ("done_inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criminal_reports" ADD CONSTRAINT "criminal_reports_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_transfers" ADD CONSTRAINT "custody_transfers_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_transfers" ADD CONSTRAINT "custody_transfers_evidence_item_id_evidence_items_id_fk" FOREIGN KEY ("evidence_item_id") REFERENCES "public"."evidence_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_transfers" ADD CONSTRAINT "custody_transfers_handed_by_users_id_fk" FOREIGN KEY ("handed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_found_by_users_id_fk" FOREIGN KEY ("found_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labour_records" ADD CONSTRAINT "labour_records_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violation_checks" ADD CONSTRAINT "violation_checks_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violation_checks" ADD CONSTRAINT "violation_checks_control_inspection_id_control_inspections_id_fk" FOREIGN KEY ("control_inspection_id") REFERENCES "public"."control_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violation_checks" ADD CONSTRAINT "violation_checks_violation_id_violations_id_fk" FOREIGN KEY ("violation_id") REFERENCES "public"."violations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violations" ADD CONSTRAINT "violations_kind_id_violation_kinds_id_fk" FOREIGN KEY ("kind_id") REFERENCES "public"."violation_kinds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checked_workers_inspection_idx" ON "checked_workers" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "control_inspections_due_idx" ON "control_inspections" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "control_inspections_location_idx" ON "control_inspections" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "control_inspections_source_idx" ON "control_inspections" USING btree ("source_inspection_id");--> statement-breakpoint
CREATE INDEX "criminal_reports_inspection_idx" ON "criminal_reports" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "criminal_reports_filed_idx" ON "criminal_reports" USING btree ("filed_on");--> statement-breakpoint
CREATE INDEX "custody_transfers_item_idx" ON "custody_transfers" USING btree ("evidence_item_id","at");--> statement-breakpoint
CREATE INDEX "decisions_inspection_idx" ON "decisions" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "evidence_items_inspection_idx" ON "evidence_items" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "labour_records_inspection_idx" ON "labour_records" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "violation_checks_control_idx" ON "violation_checks" USING btree ("control_inspection_id");--> statement-breakpoint
CREATE INDEX "violation_checks_inspection_idx" ON "violation_checks" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "violations_inspection_idx" ON "violations" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "violations_kind_idx" ON "violations" USING btree ("kind_id");