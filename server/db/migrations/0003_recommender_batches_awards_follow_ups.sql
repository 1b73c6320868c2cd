CREATE TYPE "public"."award_source" AS ENUM('imported', 'platform');--> statement-breakpoint
CREATE TYPE "public"."batch_state" AS ENUM('open', 'signed_off');--> statement-breakpoint
CREATE TYPE "public"."follow_up_state" AS ENUM('draft', 'submitted', 'returned');--> statement-breakpoint
CREATE TABLE "awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"solution_name" text NOT NULL,
	"enterprise_name" text NOT NULL,
	"uscc" text NOT NULL,
	"category" text NOT NULL,
	"recommender_name" text NOT NULL,
	"recommender_unit_id" uuid,
	"source" "award_source" NOT NULL,
	"application_id" uuid,
	"text" text,
	"imported_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"owner_unit_id" uuid,
	"campaign_id" uuid,
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
CREATE TABLE "follow_up_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"award_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"state" "follow_up_state" DEFAULT 'draft' NOT NULL,
	"data" jsonb NOT NULL,
	"draft_version" integer DEFAULT 1 NOT NULL,
	"return_comment" text,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "recommendation_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"state" "batch_state" DEFAULT 'open' NOT NULL,
	"stamped_scan_id" uuid,
	"signed_off_at" timestamp with time zone,
	"signed_off_by" uuid,
	"reopened_at" timestamp with time zone,
	"reopened_by" uuid,
	"reopen_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_recommender_unit_id_recommender_units_id_fk" FOREIGN KEY ("recommender_unit_id") REFERENCES "public"."recommender_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_unit_id_recommender_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."recommender_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_reports" ADD CONSTRAINT "follow_up_reports_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_reports" ADD CONSTRAINT "follow_up_reports_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_reports" ADD CONSTRAINT "follow_up_reports_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_batches" ADD CONSTRAINT "recommendation_batches_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_batches" ADD CONSTRAINT "recommendation_batches_unit_id_recommender_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."recommender_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_batches" ADD CONSTRAINT "recommendation_batches_stamped_scan_id_documents_id_fk" FOREIGN KEY ("stamped_scan_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "awards_identity" ON "awards" USING btree ("year","uscc","solution_name");--> statement-breakpoint
CREATE INDEX "awards_uscc" ON "awards" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "awards_recommender" ON "awards" USING btree ("recommender_unit_id");--> statement-breakpoint
CREATE INDEX "documents_owner" ON "documents" USING btree ("owner_unit_id","campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_reports_award" ON "follow_up_reports" USING btree ("campaign_id","award_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendation_batches_unit" ON "recommendation_batches" USING btree ("campaign_id","unit_id");