ALTER TABLE "inspections" ADD COLUMN "child_protection_reason" text;--> statement-breakpoint
ALTER TABLE "screened_persons" ADD COLUMN "catalogue_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "screened_persons" ADD COLUMN "list_results" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- Persons screened before catalogue version 2 keep version 1: one list, adults × labour, with the
-- result and dimensions they were stored with.
UPDATE "screened_persons" SET "list_results" = jsonb_build_array(jsonb_build_object(
	'list', 'adult_labour', 'result', "result", 'dimensionsPresent', "dimensions_present"
)) WHERE "list_results" = '[]'::jsonb;
