CREATE TABLE "application_stat_keys" (
	"campaign_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"section" text DEFAULT '' NOT NULL,
	CONSTRAINT "application_stat_keys_application_id_dimension_key_section_pk" PRIMARY KEY("application_id","dimension","key","section")
);
--> statement-breakpoint
ALTER TABLE "application_stat_keys" ADD CONSTRAINT "application_stat_keys_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_stat_keys_campaign" ON "application_stat_keys" USING btree ("campaign_id","dimension","key");