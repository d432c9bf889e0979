-- The monthly layer of the coverage rollups (src/lib/server/coverage/months.ts): each day table has a
-- twin with the same cells summed per calendar month, `day` being the month's first day, rebuilt with
-- its days in the same transaction. A year's report then reads twelve months of rows, not 365 days'.
-- Filled here from the day tables as they stand; days still noted in coverage_dirty are rebuilt, with
-- their months, by the next refresh.
CREATE TABLE "coverage_monthly" (LIKE "coverage_daily");--> statement-breakpoint
CREATE INDEX "coverage_monthly_day_idx" ON "coverage_monthly" USING btree ("day");--> statement-breakpoint
INSERT INTO "coverage_monthly" ("day", "municipality_id", "kind", "inspections", "with_indicators", "screened_persons", "possible_victims", "referrals", "premises_closed")
	SELECT date_trunc('month', "day")::date, "municipality_id", "kind", sum("inspections")::int, sum("with_indicators")::int, sum("screened_persons")::int, sum("possible_victims")::int, sum("referrals")::int, sum("premises_closed")::int FROM "coverage_daily" GROUP BY 1, "municipality_id", "kind";--> statement-breakpoint
CREATE TABLE "coverage_operations_monthly" (LIKE "coverage_operations_daily");--> statement-breakpoint
CREATE INDEX "coverage_operations_monthly_day_idx" ON "coverage_operations_monthly" USING btree ("day");--> statement-breakpoint
INSERT INTO "coverage_operations_monthly" ("day", "operation_id", "plan_id", "municipality_id", "kind")
	SELECT date_trunc('month', "day")::date, "operation_id", "plan_id", "municipality_id", "kind" FROM "coverage_operations_daily" GROUP BY 1, "operation_id", "plan_id", "municipality_id", "kind";--> statement-breakpoint
CREATE TABLE "coverage_victims_monthly" (LIKE "coverage_victims_daily");--> statement-breakpoint
CREATE INDEX "coverage_victims_monthly_day_idx" ON "coverage_victims_monthly" USING btree ("day");--> statement-breakpoint
INSERT INTO "coverage_victims_monthly" ("day", "municipality_id", "kind", "age_band", "sex", "nationality", "education", "recruitment", "exploitation_form", "victims")
	SELECT date_trunc('month', "day")::date, "municipality_id", "kind", "age_band", "sex", "nationality", "education", "recruitment", "exploitation_form", sum("victims")::int FROM "coverage_victims_daily" GROUP BY 1, "municipality_id", "kind", "age_band", "sex", "nationality", "education", "recruitment", "exploitation_form";--> statement-breakpoint
CREATE TABLE "coverage_referrals_monthly" (LIKE "coverage_referrals_daily");--> statement-breakpoint
CREATE INDEX "coverage_referrals_monthly_day_idx" ON "coverage_referrals_monthly" USING btree ("day");--> statement-breakpoint
INSERT INTO "coverage_referrals_monthly" ("day", "municipality_id", "kind", "target", "status", "referrals")
	SELECT date_trunc('month', "day")::date, "municipality_id", "kind", "target", "status", sum("referrals")::int FROM "coverage_referrals_daily" GROUP BY 1, "municipality_id", "kind", "target", "status";--> statement-breakpoint
CREATE TABLE "coverage_criminal_monthly" (LIKE "coverage_criminal_daily");--> statement-breakpoint
CREATE INDEX "coverage_criminal_monthly_day_idx" ON "coverage_criminal_monthly" USING btree ("day");--> statement-breakpoint
INSERT INTO "coverage_criminal_monthly" ("day", "municipality_id", "kind", "offence", "year", "reports", "arrests", "detentions")
	SELECT date_trunc('month', "day")::date, "municipality_id", "kind", "offence", "year", sum("reports")::int, sum("arrests")::int, sum("detentions")::int FROM "coverage_criminal_daily" GROUP BY 1, "municipality_id", "kind", "offence", "year";--> statement-breakpoint
CREATE TABLE "coverage_violations_monthly" (LIKE "coverage_violations_daily");--> statement-breakpoint
CREATE INDEX "coverage_violations_monthly_day_idx" ON "coverage_violations_monthly" USING btree ("day");--> statement-breakpoint
INSERT INTO "coverage_violations_monthly" ("day", "municipality_id", "kind", "violation_kind_id", "violations")
	SELECT date_trunc('month', "day")::date, "municipality_id", "kind", "violation_kind_id", sum("violations")::int FROM "coverage_violations_daily" GROUP BY 1, "municipality_id", "kind", "violation_kind_id";--> statement-breakpoint
CREATE TABLE "coverage_decisions_monthly" (LIKE "coverage_decisions_daily");--> statement-breakpoint
CREATE INDEX "coverage_decisions_monthly_day_idx" ON "coverage_decisions_monthly" USING btree ("day");--> statement-breakpoint
INSERT INTO "coverage_decisions_monthly" ("day", "municipality_id", "kind", "decision_kind", "appeal", "amount_eur", "decisions")
	SELECT date_trunc('month', "day")::date, "municipality_id", "kind", "decision_kind", "appeal", "amount_eur", sum("decisions")::int FROM "coverage_decisions_daily" GROUP BY 1, "municipality_id", "kind", "decision_kind", "appeal", "amount_eur";--> statement-breakpoint
CREATE TABLE "coverage_controls_monthly" (LIKE "coverage_controls_daily");--> statement-breakpoint
CREATE INDEX "coverage_controls_monthly_day_idx" ON "coverage_controls_monthly" USING btree ("day");--> statement-breakpoint
INSERT INTO "coverage_controls_monthly" ("day", "municipality_id", "kind", "status", "due_on", "controls")
	SELECT date_trunc('month', "day")::date, "municipality_id", "kind", "status", "due_on", sum("controls")::int FROM "coverage_controls_daily" GROUP BY 1, "municipality_id", "kind", "status", "due_on";--> statement-breakpoint
CREATE TABLE "coverage_workers_monthly" (LIKE "coverage_workers_daily");--> statement-breakpoint
CREATE INDEX "coverage_workers_monthly_day_idx" ON "coverage_workers_monthly" USING btree ("day");--> statement-breakpoint
INSERT INTO "coverage_workers_monthly" ("day", "municipality_id", "kind", "agency", "workers", "minors", "without_contract", "undeclared")
	SELECT date_trunc('month', "day")::date, "municipality_id", "kind", "agency", sum("workers")::int, sum("minors")::int, sum("without_contract")::int, sum("undeclared")::int FROM "coverage_workers_daily" GROUP BY 1, "municipality_id", "kind", "agency";--> statement-breakpoint
CREATE TABLE "coverage_aggravating_monthly" (LIKE "coverage_aggravating_daily");--> statement-breakpoint
CREATE INDEX "coverage_aggravating_monthly_day_idx" ON "coverage_aggravating_monthly" USING btree ("day");--> statement-breakpoint
INSERT INTO "coverage_aggravating_monthly" ("day", "municipality_id", "kind", "inspections_near_children", "victims_under_18", "victims_near_children")
	SELECT date_trunc('month', "day")::date, "municipality_id", "kind", sum("inspections_near_children")::int, sum("victims_under_18")::int, sum("victims_near_children")::int FROM "coverage_aggravating_daily" GROUP BY 1, "municipality_id", "kind";
--> statement-breakpoint
-- Each venue-year's last day with a counted inspection (day n is bit n from the right of `days`): the
-- last visit before a period's end is read from it, and from the mask only when the venue was visited
-- after that end in the same year (src/lib/server/coverage/overdue.ts).
ALTER TABLE "coverage_venue_days" ADD COLUMN "last_day" date;--> statement-breakpoint
UPDATE "coverage_venue_days" SET "last_day" = make_date("year", 1, 1) + (366 - position(B'1' in "days"));--> statement-breakpoint
ALTER TABLE "coverage_venue_days" ALTER COLUMN "last_day" SET NOT NULL;
