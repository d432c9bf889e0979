-- Persons screened before catalogue version 2 keep version 1: one list, adults × labour, with the
-- result and dimensions they were stored with.
UPDATE "screened_persons" SET "list_results" = jsonb_build_array(jsonb_build_object(
	'list', 'adult_labour', 'result', "result", 'dimensionsPresent', "dimensions_present"
)) WHERE "list_results" = '[]'::jsonb;
