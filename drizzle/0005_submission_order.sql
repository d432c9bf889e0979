ALTER TABLE "inspections" ADD COLUMN "submitted_device_id" uuid;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "submitted_device_seq" bigint;--> statement-breakpoint
-- Inspections submitted before the order was recorded: the device of the last change applied to
-- each (the submission, as a submitted inspection takes no further change). Its sequence stays
-- unknown, so that device may still add the children the earlier lock refused (submissionLock.ts).
UPDATE "inspections" AS i SET "submitted_device_id" = (
	SELECT m."device_id" FROM "applied_mutations" AS m
	WHERE m."entity" = 'inspection' AND m."record_id" = i."id"
	ORDER BY m."applied_at" DESC LIMIT 1
) WHERE i."status" = 'submitted';
