-- From drizzle/custom/national_rollups.sql: the rollups of the national tables (issue 16).
-- The national tables' rollups (issue 16): what the counted inspections of one Kosovo calendar day led
-- to after the visit (and the aggravating circumstances found at it), per venue municipality and kind, kept like the coverage rollups of migration 0004
-- by src/lib/server/coverage/rollup.ts (the same days noted in coverage_dirty are rebuilt from the same
-- SQL that counts from the records: src/lib/server/coverage/national/rows.ts). `day` is always the
-- inspection's day, so the period selects these rows as it selects every coverage figure.
CREATE TABLE "coverage_criminal_daily" (
	"day" date NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"offence" text NOT NULL,
	-- The year the report was filed: the national tables' column.
	"year" integer NOT NULL,
	"reports" integer NOT NULL,
	"arrests" integer NOT NULL,
	"detentions" integer NOT NULL
);--> statement-breakpoint
CREATE INDEX "coverage_criminal_daily_day_idx" ON "coverage_criminal_daily" USING btree ("day");--> statement-breakpoint
CREATE TABLE "coverage_violations_daily" (
	"day" date NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"violation_kind_id" uuid NOT NULL,
	"violations" integer NOT NULL
);--> statement-breakpoint
CREATE INDEX "coverage_violations_daily_day_idx" ON "coverage_violations_daily" USING btree ("day");--> statement-breakpoint
-- One row per distinct amount, so the median fine can be read back from the counts.
CREATE TABLE "coverage_decisions_daily" (
	"day" date NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"decision_kind" text NOT NULL,
	"appeal" text NOT NULL,
	"amount_eur" integer,
	"decisions" integer NOT NULL
);--> statement-breakpoint
CREATE INDEX "coverage_decisions_daily_day_idx" ON "coverage_decisions_daily" USING btree ("day");--> statement-breakpoint
-- Overdue is judged on the reader's day, so the due date is kept rather than a state.
CREATE TABLE "coverage_controls_daily" (
	"day" date NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"due_on" date NOT NULL,
	"controls" integer NOT NULL
);--> statement-breakpoint
CREATE INDEX "coverage_controls_daily_day_idx" ON "coverage_controls_daily" USING btree ("day");--> statement-breakpoint
CREATE TABLE "coverage_workers_daily" (
	"day" date NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"agency" text NOT NULL,
	"workers" integer NOT NULL,
	"minors" integer NOT NULL,
	"without_contract" integer NOT NULL,
	"undeclared" integer NOT NULL
);--> statement-breakpoint
CREATE INDEX "coverage_workers_daily_day_idx" ON "coverage_workers_daily" USING btree ("day");--> statement-breakpoint
-- The aggravating circumstances (src/lib/server/coverage/aggravatingRows.ts), which counted from the
-- inspections took most of a year's report; the inspections' and persons' triggers already note them.
CREATE TABLE "coverage_aggravating_daily" (
	"day" date NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"inspections_near_children" integer NOT NULL,
	"victims_under_18" integer NOT NULL,
	"victims_near_children" integer NOT NULL
);--> statement-breakpoint
CREATE INDEX "coverage_aggravating_daily_day_idx" ON "coverage_aggravating_daily" USING btree ("day");--> statement-breakpoint
-- Records kept per inspection count with their inspection's day and venue (function of migration 0004).
CREATE TRIGGER "coverage_criminal_reports_insert" AFTER INSERT ON "criminal_reports" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
CREATE TRIGGER "coverage_criminal_reports_update" AFTER UPDATE ON "criminal_reports" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
CREATE TRIGGER "coverage_criminal_reports_delete" AFTER DELETE ON "criminal_reports" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
CREATE TRIGGER "coverage_violations_insert" AFTER INSERT ON "violations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
CREATE TRIGGER "coverage_violations_update" AFTER UPDATE ON "violations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
CREATE TRIGGER "coverage_violations_delete" AFTER DELETE ON "violations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
CREATE TRIGGER "coverage_decisions_insert" AFTER INSERT ON "decisions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
CREATE TRIGGER "coverage_decisions_update" AFTER UPDATE ON "decisions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
CREATE TRIGGER "coverage_decisions_delete" AFTER DELETE ON "decisions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
CREATE TRIGGER "coverage_checked_workers_insert" AFTER INSERT ON "checked_workers" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
CREATE TRIGGER "coverage_checked_workers_update" AFTER UPDATE ON "checked_workers" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
CREATE TRIGGER "coverage_checked_workers_delete" AFTER DELETE ON "checked_workers" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
-- A control inspection counts with the inspection whose deadline made it.
CREATE FUNCTION "coverage_mark_controls"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO coverage_dirty (day, location_id)
		SELECT DISTINCT (i.started_at AT TIME ZONE 'Europe/Belgrade')::date, i.location_id
		FROM new_rows n JOIN inspections i ON i.id = n.source_inspection_id WHERE i.status = 'submitted';
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		INSERT INTO coverage_dirty (day, location_id)
		SELECT DISTINCT (i.started_at AT TIME ZONE 'Europe/Belgrade')::date, i.location_id
		FROM old_rows p JOIN inspections i ON i.id = p.source_inspection_id WHERE i.status = 'submitted';
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "coverage_controls_insert" AFTER INSERT ON "control_inspections" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_controls();--> statement-breakpoint
CREATE TRIGGER "coverage_controls_update" AFTER UPDATE ON "control_inspections" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_controls();--> statement-breakpoint
CREATE TRIGGER "coverage_controls_delete" AFTER DELETE ON "control_inspections" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_controls();--> statement-breakpoint
-- Every day with a counted inspection is rebuilt at the first coverage query after this migration
-- (the aggravating circumstances are in every day's rollup), as after migration 0004.
INSERT INTO "coverage_dirty" (day, location_id)
SELECT DISTINCT (started_at AT TIME ZONE 'Europe/Belgrade')::date, location_id FROM inspections WHERE status = 'submitted';
