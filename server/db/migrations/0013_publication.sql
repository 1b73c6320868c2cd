CREATE TABLE "objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference_no" text NOT NULL,
	"campaign_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"name" text NOT NULL,
	"organisation" text NOT NULL,
	"phone" text NOT NULL,
	"email" text,
	"reasons" text NOT NULL,
	"attachment_id" uuid,
	"state" text NOT NULL,
	"resolution" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "published_lists" (
	"campaign_id" uuid PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"document_no" text NOT NULL,
	"published_on" text NOT NULL,
	"valid_until" text NOT NULL,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "published_solution_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"public_id" text NOT NULL,
	"kind" text NOT NULL,
	"day" text NOT NULL,
	"note" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "published_solutions" (
	"public_id" text PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"solution_name" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"uscc" text NOT NULL,
	"category" text NOT NULL,
	"category_name" text NOT NULL,
	"region_code" text,
	"region_name" text NOT NULL,
	"industries" jsonb NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_name" text NOT NULL,
	"summary" text NOT NULL,
	"apps" jsonb NOT NULL,
	"valid_from" text NOT NULL,
	"valid_until" text NOT NULL,
	"status" text NOT NULL,
	"status_changed_at" timestamp with time zone NOT NULL,
	"certificate_code" text NOT NULL,
	"award_id" uuid
);
--> statement-breakpoint
CREATE TABLE "showcase_entries" (
	"public_id" text PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"image_ids" jsonb NOT NULL,
	"state" text NOT NULL,
	"review_note" text,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"approved_text" text,
	"approved_image_ids" jsonb,
	"approved_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_attachment_id_documents_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_lists" ADD CONSTRAINT "published_lists_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_lists" ADD CONSTRAINT "published_lists_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_solution_events" ADD CONSTRAINT "published_solution_events_public_id_published_solutions_public_id_fk" FOREIGN KEY ("public_id") REFERENCES "public"."published_solutions"("public_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_solutions" ADD CONSTRAINT "published_solutions_campaign_id_published_lists_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."published_lists"("campaign_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_solutions" ADD CONSTRAINT "published_solutions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_solutions" ADD CONSTRAINT "published_solutions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_solutions" ADD CONSTRAINT "published_solutions_unit_id_recommender_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."recommender_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_solutions" ADD CONSTRAINT "published_solutions_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcase_entries" ADD CONSTRAINT "showcase_entries_public_id_published_solutions_public_id_fk" FOREIGN KEY ("public_id") REFERENCES "public"."published_solutions"("public_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "showcase_entries" ADD CONSTRAINT "showcase_entries_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "objections_reference" ON "objections" USING btree ("reference_no");--> statement-breakpoint
CREATE INDEX "objections_campaign" ON "objections" USING btree ("campaign_id","state");--> statement-breakpoint
CREATE INDEX "published_solution_events_solution" ON "published_solution_events" USING btree ("public_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "published_solutions_application" ON "published_solutions" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "published_solutions_certificate" ON "published_solutions" USING btree ("certificate_code");--> statement-breakpoint
CREATE UNIQUE INDEX "published_solutions_seq" ON "published_solutions" USING btree ("campaign_id","seq");--> statement-breakpoint
CREATE INDEX "published_solutions_enterprise" ON "published_solutions" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "published_solutions_unit" ON "published_solutions" USING btree ("unit_id");