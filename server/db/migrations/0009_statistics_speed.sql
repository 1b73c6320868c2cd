DROP INDEX "applications_campaign";--> statement-breakpoint
DROP INDEX "application_stat_keys_campaign";--> statement-breakpoint
CREATE INDEX "application_stat_keys_key" ON "application_stat_keys" USING btree ("dimension","key","campaign_id","application_id");--> statement-breakpoint
CREATE INDEX "applications_campaign_state" ON "applications" USING btree ("campaign_id","state","submitted_at","channel_unit_id","id");--> statement-breakpoint
CREATE INDEX "enterprises_registered" ON "enterprises" USING btree ("province_code","city_code","created_at") WHERE released_at is null;--> statement-breakpoint
CREATE INDEX "application_stat_keys_campaign" ON "application_stat_keys" USING btree ("campaign_id","dimension","key","application_id");--> statement-breakpoint
-- the planner counts rows per (dimension, key) pair: key values alone mix dimensions
CREATE STATISTICS "application_stat_keys_dimension_key" (mcv) ON "dimension", "key" FROM "application_stat_keys";