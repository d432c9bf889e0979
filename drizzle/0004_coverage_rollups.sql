-- Coverage rollups (issue 7): the supervisors' figures for a year over a million inspections are read
-- from small tables kept by src/lib/server/coverage/rollup.ts instead of from every inspection.
-- Triggers here only note which Kosovo calendar days and venues changed (coverage_dirty); the next
-- coverage query recomputes exactly those with the same SQL that counts inspections, so the rollups
-- can never disagree with the inspections they summarise. Not in schema.ts: no application code
-- writes these tables through drizzle.
CREATE TABLE "coverage_dirty" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"location_id" uuid NOT NULL
);--> statement-breakpoint
-- What the counted inspections of one day found, per venue municipality and kind.
CREATE TABLE "coverage_daily" (
	"day" date NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"inspections" integer NOT NULL,
	"with_indicators" integer NOT NULL,
	"screened_persons" integer NOT NULL,
	"possible_victims" integer NOT NULL,
	"referrals" integer NOT NULL,
	"premises_closed" integer NOT NULL
);--> statement-breakpoint
CREATE INDEX "coverage_daily_day_idx" ON "coverage_daily" USING btree ("day");--> statement-breakpoint
-- The operations (and plans) that inspections were counted under on a day: per venue municipality
-- and kind, and once more with both null for the whole country, so that the unfiltered count of
-- operations reads a handful of rows a day.
CREATE TABLE "coverage_operations_daily" (
	"day" date NOT NULL,
	"operation_id" uuid NOT NULL,
	"plan_id" uuid,
	"municipality_id" uuid,
	"kind" text
);--> statement-breakpoint
CREATE INDEX "coverage_operations_daily_day_idx" ON "coverage_operations_daily" USING btree ("day");--> statement-breakpoint
-- Possible victims of one day by the national report tables' categories (unknowns already named).
CREATE TABLE "coverage_victims_daily" (
	"day" date NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"age_band" text NOT NULL,
	"sex" text NOT NULL,
	"nationality" text NOT NULL,
	"education" text NOT NULL,
	"recruitment" text NOT NULL,
	"exploitation_form" text NOT NULL,
	"victims" integer NOT NULL
);--> statement-breakpoint
CREATE INDEX "coverage_victims_daily_day_idx" ON "coverage_victims_daily" USING btree ("day");--> statement-breakpoint
CREATE TABLE "coverage_referrals_daily" (
	"day" date NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target" text NOT NULL,
	"status" text NOT NULL,
	"referrals" integer NOT NULL
);--> statement-breakpoint
CREATE INDEX "coverage_referrals_daily_day_idx" ON "coverage_referrals_daily" USING btree ("day");--> statement-breakpoint
-- The days of a year on which a venue had a counted inspection: bit n from the right (1-based) is the
-- n-th day of the year; and the months, bit m from the right for month m. Distinct venues inspected
-- in any period, and the last visit before a date, are read from these 50,000-odd rows a year
-- rather than from the inspections.
CREATE TABLE "coverage_venue_days" (
	"location_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"days" bit(366) NOT NULL,
	"months" integer NOT NULL,
	CONSTRAINT "coverage_venue_days_pk" PRIMARY KEY ("location_id", "year")
);--> statement-breakpoint
CREATE FUNCTION "coverage_mark_inspections"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	-- Only submitted inspections count; a correction also changes what its original counts for.
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO coverage_dirty (day, location_id)
		SELECT DISTINCT (n.started_at AT TIME ZONE 'Europe/Belgrade')::date, n.location_id FROM new_rows n WHERE n.status = 'submitted'
		UNION
		SELECT DISTINCT (o.started_at AT TIME ZONE 'Europe/Belgrade')::date, o.location_id
		FROM new_rows n JOIN inspections o ON o.id = n.correction_of WHERE n.status = 'submitted';
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		INSERT INTO coverage_dirty (day, location_id)
		SELECT DISTINCT (p.started_at AT TIME ZONE 'Europe/Belgrade')::date, p.location_id FROM old_rows p WHERE p.status = 'submitted'
		UNION
		SELECT DISTINCT (o.started_at AT TIME ZONE 'Europe/Belgrade')::date, o.location_id
		FROM old_rows p JOIN inspections o ON o.id = p.correction_of WHERE p.status = 'submitted';
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "coverage_inspections_insert" AFTER INSERT ON "inspections" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspections();--> statement-breakpoint
CREATE TRIGGER "coverage_inspections_update" AFTER UPDATE ON "inspections" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspections();--> statement-breakpoint
CREATE TRIGGER "coverage_inspections_delete" AFTER DELETE ON "inspections" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspections();--> statement-breakpoint
-- Screened persons and referrals count with their inspection's day and venue.
CREATE FUNCTION "coverage_mark_inspection_children"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO coverage_dirty (day, location_id)
		SELECT DISTINCT (i.started_at AT TIME ZONE 'Europe/Belgrade')::date, i.location_id
		FROM new_rows n JOIN inspections i ON i.id = n.inspection_id WHERE i.status = 'submitted';
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		INSERT INTO coverage_dirty (day, location_id)
		SELECT DISTINCT (i.started_at AT TIME ZONE 'Europe/Belgrade')::date, i.location_id
		FROM old_rows p JOIN inspections i ON i.id = p.inspection_id WHERE i.status = 'submitted';
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "coverage_persons_insert" AFTER INSERT ON "screened_persons" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
CREATE TRIGGER "coverage_persons_update" AFTER UPDATE ON "screened_persons" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
CREATE TRIGGER "coverage_persons_delete" AFTER DELETE ON "screened_persons" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
CREATE TRIGGER "coverage_referrals_insert" AFTER INSERT ON "referrals" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
CREATE TRIGGER "coverage_referrals_update" AFTER UPDATE ON "referrals" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
CREATE TRIGGER "coverage_referrals_delete" AFTER DELETE ON "referrals" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_inspection_children();--> statement-breakpoint
-- A venue moved to another municipality or kind moves every figure it was counted in.
CREATE FUNCTION "coverage_mark_locations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO coverage_dirty (day, location_id)
	SELECT DISTINCT (i.started_at AT TIME ZONE 'Europe/Belgrade')::date, i.location_id
	FROM new_rows n JOIN old_rows p ON p.id = n.id JOIN inspections i ON i.location_id = n.id
	WHERE (n.municipality_id, n.kind) IS DISTINCT FROM (p.municipality_id, p.kind) AND i.status = 'submitted';
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "coverage_locations_update" AFTER UPDATE ON "locations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_locations();--> statement-breakpoint
-- An inspection belongs to an operation (and its plan) through its team or its assignment.
CREATE FUNCTION "coverage_mark_operations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_TABLE_NAME = 'teams' THEN
		INSERT INTO coverage_dirty (day, location_id)
		SELECT DISTINCT (i.started_at AT TIME ZONE 'Europe/Belgrade')::date, i.location_id
		FROM new_rows n JOIN old_rows p ON p.id = n.id JOIN inspections i ON i.team_id = n.id
		WHERE n.operation_id IS DISTINCT FROM p.operation_id AND i.status = 'submitted';
	ELSIF TG_TABLE_NAME = 'assignments' THEN
		INSERT INTO coverage_dirty (day, location_id)
		SELECT DISTINCT (i.started_at AT TIME ZONE 'Europe/Belgrade')::date, i.location_id
		FROM new_rows n JOIN old_rows p ON p.id = n.id JOIN inspections i ON i.assignment_id = n.id
		WHERE n.operation_id IS DISTINCT FROM p.operation_id AND i.status = 'submitted';
	ELSE
		INSERT INTO coverage_dirty (day, location_id)
		SELECT DISTINCT (i.started_at AT TIME ZONE 'Europe/Belgrade')::date, i.location_id
		FROM new_rows n JOIN old_rows p ON p.id = n.id
		JOIN inspections i ON i.team_id IN (SELECT t.id FROM teams t WHERE t.operation_id = n.id)
			OR i.assignment_id IN (SELECT a.id FROM assignments a WHERE a.operation_id = n.id)
		WHERE n.plan_id IS DISTINCT FROM p.plan_id AND i.status = 'submitted';
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "coverage_teams_update" AFTER UPDATE ON "teams" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_operations();--> statement-breakpoint
CREATE TRIGGER "coverage_assignments_update" AFTER UPDATE ON "assignments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_operations();--> statement-breakpoint
CREATE TRIGGER "coverage_operations_update" AFTER UPDATE ON "operations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_mark_operations();--> statement-breakpoint
-- Inspections already stored are counted at the first coverage query after this migration.
INSERT INTO "coverage_dirty" (day, location_id)
SELECT DISTINCT (started_at AT TIME ZONE 'Europe/Belgrade')::date, location_id FROM inspections WHERE status = 'submitted';
