CREATE TYPE "public"."duplicate_finding_state" AS ENUM('open', 'confirmed', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."duplicate_kind" AS ENUM('award', 'application');--> statement-breakpoint
CREATE TABLE "duplicate_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" "duplicate_kind" NOT NULL,
	"match_award_id" uuid,
	"match_application_id" uuid,
	"score" real NOT NULL,
	"reasons" jsonb NOT NULL,
	"signals" jsonb NOT NULL,
	"evidence" jsonb NOT NULL,
	"application_text_hash" text NOT NULL,
	"state" "duplicate_finding_state" DEFAULT 'open' NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "duplicate_findings" ADD CONSTRAINT "duplicate_findings_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_findings" ADD CONSTRAINT "duplicate_findings_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_findings" ADD CONSTRAINT "duplicate_findings_match_award_id_awards_id_fk" FOREIGN KEY ("match_award_id") REFERENCES "public"."awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_findings" ADD CONSTRAINT "duplicate_findings_match_application_id_applications_id_fk" FOREIGN KEY ("match_application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "duplicate_findings_award" ON "duplicate_findings" USING btree ("application_id","match_award_id");--> statement-breakpoint
CREATE UNIQUE INDEX "duplicate_findings_application" ON "duplicate_findings" USING btree ("application_id","match_application_id");--> statement-breakpoint
CREATE INDEX "duplicate_findings_campaign" ON "duplicate_findings" USING btree ("campaign_id","state");--> statement-breakpoint
CREATE INDEX "duplicate_findings_match" ON "duplicate_findings" USING btree ("match_application_id");