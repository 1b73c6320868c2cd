CREATE TYPE "public"."application_state" AS ENUM('draft', 'submitted', 'returned', 'recommended', 'rejected_by_recommender', 'forwarded', 'ineligible', 'under_review', 'selected', 'not_selected', 'in_public_notice', 'awarded', 'expired', 'revoked', 'catalogued');--> statement-breakpoint
CREATE TABLE "application_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"data" jsonb NOT NULL,
	"attachments" jsonb NOT NULL,
	"channel_unit_id" uuid NOT NULL,
	"word_count" integer NOT NULL,
	"verification_code" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"channel_unit_id" uuid NOT NULL,
	"state" "application_state" DEFAULT 'draft' NOT NULL,
	"form_id" text NOT NULL,
	"data" jsonb NOT NULL,
	"draft_version" integer DEFAULT 1 NOT NULL,
	"word_count" integer DEFAULT 0 NOT NULL,
	"solution_name" text DEFAULT '' NOT NULL,
	"current_version_no" integer,
	"return_comment" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"kind" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_versions" ADD CONSTRAINT "application_versions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_channel_unit_id_recommender_units_id_fk" FOREIGN KEY ("channel_unit_id") REFERENCES "public"."recommender_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_versions_no" ON "application_versions" USING btree ("application_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "application_versions_code" ON "application_versions" USING btree ("verification_code");--> statement-breakpoint
CREATE INDEX "applications_enterprise" ON "applications" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "applications_channel_state" ON "applications" USING btree ("channel_unit_id","state");--> statement-breakpoint
CREATE INDEX "applications_campaign" ON "applications" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "attachments_application" ON "attachments" USING btree ("application_id");--> statement-breakpoint
CREATE FUNCTION application_versions_are_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'application_versions are frozen: % refused', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER application_versions_frozen BEFORE UPDATE OR DELETE ON application_versions
  FOR EACH ROW EXECUTE FUNCTION application_versions_are_frozen();
