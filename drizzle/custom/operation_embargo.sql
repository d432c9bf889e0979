-- The operation embargo (issue 17): operations planned before it existed were already on the team
-- members' phones, so they count as released (and their release as sent), not as newly secret.
UPDATE "operations" SET "released_at" = "created_at", "release_sent_at" = "created_at" WHERE "released_at" IS NULL;
