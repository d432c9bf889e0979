-- The two agencies of the joint teams exist in every deployment (a first admin needs one), so
-- they ship with the schema rather than with the demo data.
INSERT INTO "agencies" ("code", "name") VALUES
	('police', '{"en":"Kosovo Police","sq":"Policia e Kosovës","sr":"Kosovska policija"}'),
	('labour', '{"en":"Labour Inspectorate","sq":"Inspektorati i Punës","sr":"Inspektorat rada"}')
ON CONFLICT ("code") DO NOTHING;
