DROP INDEX "locations_municipality_idx";--> statement-breakpoint
CREATE INDEX "inspections_counted_started_idx" ON "inspections" USING btree ("started_at","location_id") WHERE status = 'submitted' and deleted_at is null;--> statement-breakpoint
CREATE INDEX "inspections_correction_of_idx" ON "inspections" USING btree ("correction_of") WHERE correction_of is not null;--> statement-breakpoint
CREATE INDEX "locations_municipality_kind_idx" ON "locations" USING btree ("municipality_id","kind");--> statement-breakpoint
CREATE INDEX "screened_persons_possible_victim_idx" ON "screened_persons" USING btree ("inspection_id") WHERE result = 'possible_victim' and deleted_at is null;