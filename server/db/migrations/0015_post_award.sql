CREATE TABLE "catalogue_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"document_no" text NOT NULL,
	"published_on" text NOT NULL,
	"evaluation_round_id" uuid,
	"entries" jsonb NOT NULL,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"public_id" text NOT NULL,
	"expert_id" uuid NOT NULL,
	"state" text NOT NULL,
	"fit" real DEFAULT 0 NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"score_state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"campaign_id" uuid NOT NULL,
	"list_campaign_ids" jsonb NOT NULL,
	"rubric" jsonb NOT NULL,
	"reviews_per_solution" integer NOT NULL,
	"max_load" integer NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"bands" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "lifecycle_actions" (
	"key" text PRIMARY KEY NOT NULL,
	"public_id" text NOT NULL,
	"kind" text NOT NULL,
	"day" text NOT NULL,
	"done_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_award_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"public_id" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"state" text NOT NULL,
	"data" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"return_comment" text,
	"review_comment" text,
	"submitted_at" timestamp with time zone,
	"forwarded_at" timestamp with time zone,
	"forwarded_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "post_award_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"campaign_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"list_campaign_ids" jsonb NOT NULL,
	"form_revision" integer NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "post_award_unit_summaries" (
	"round_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"stamped_by" uuid NOT NULL,
	"stamped_at" timestamp with time zone NOT NULL,
	CONSTRAINT "post_award_unit_summaries_round_id_unit_id_pk" PRIMARY KEY("round_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "spot_check_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"spot_check_id" uuid NOT NULL,
	"public_id" text NOT NULL,
	"expert_id" uuid NOT NULL,
	"method" text NOT NULL,
	"state" text NOT NULL,
	"overridden_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"override_reason" text,
	"conclusion" text,
	"finding" text,
	"evidence_id" uuid,
	"recorded_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spot_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"list_campaign_ids" jsonb NOT NULL,
	"sizes" jsonb NOT NULL,
	"seed_hash" text NOT NULL,
	"seed_source" text NOT NULL,
	"seed" text,
	"committed_by" uuid NOT NULL,
	"committed_at" timestamp with time zone NOT NULL,
	"population" jsonb,
	"population_digest" text,
	"sample" jsonb,
	"drawn_by" uuid,
	"drawn_at" timestamp with time zone,
	"state" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"public_id" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"amount_yuan" integer,
	"day" text NOT NULL,
	"document_no" text DEFAULT '' NOT NULL,
	"document_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text
);
--> statement-breakpoint
ALTER TABLE "published_solution_events" ADD COLUMN "reason_code" text;--> statement-breakpoint
ALTER TABLE "published_solution_events" ADD COLUMN "evidence_id" uuid;--> statement-breakpoint
ALTER TABLE "published_solution_events" ADD COLUMN "actor_id" uuid;--> statement-breakpoint
ALTER TABLE "catalogue_versions" ADD CONSTRAINT "catalogue_versions_evaluation_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("evaluation_round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_versions" ADD CONSTRAINT "catalogue_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_assignments" ADD CONSTRAINT "evaluation_assignments_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_assignments" ADD CONSTRAINT "evaluation_assignments_public_id_published_solutions_public_id_fk" FOREIGN KEY ("public_id") REFERENCES "public"."published_solutions"("public_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_assignments" ADD CONSTRAINT "evaluation_assignments_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_actions" ADD CONSTRAINT "lifecycle_actions_public_id_published_solutions_public_id_fk" FOREIGN KEY ("public_id") REFERENCES "public"."published_solutions"("public_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_award_reports" ADD CONSTRAINT "post_award_reports_round_id_post_award_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."post_award_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_award_reports" ADD CONSTRAINT "post_award_reports_public_id_published_solutions_public_id_fk" FOREIGN KEY ("public_id") REFERENCES "public"."published_solutions"("public_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_award_reports" ADD CONSTRAINT "post_award_reports_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_award_reports" ADD CONSTRAINT "post_award_reports_unit_id_recommender_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."recommender_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_award_reports" ADD CONSTRAINT "post_award_reports_forwarded_by_users_id_fk" FOREIGN KEY ("forwarded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_award_rounds" ADD CONSTRAINT "post_award_rounds_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_award_rounds" ADD CONSTRAINT "post_award_rounds_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_award_unit_summaries" ADD CONSTRAINT "post_award_unit_summaries_round_id_post_award_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."post_award_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_award_unit_summaries" ADD CONSTRAINT "post_award_unit_summaries_unit_id_recommender_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."recommender_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_award_unit_summaries" ADD CONSTRAINT "post_award_unit_summaries_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_award_unit_summaries" ADD CONSTRAINT "post_award_unit_summaries_stamped_by_users_id_fk" FOREIGN KEY ("stamped_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_tasks" ADD CONSTRAINT "spot_check_tasks_spot_check_id_spot_checks_id_fk" FOREIGN KEY ("spot_check_id") REFERENCES "public"."spot_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_tasks" ADD CONSTRAINT "spot_check_tasks_public_id_published_solutions_public_id_fk" FOREIGN KEY ("public_id") REFERENCES "public"."published_solutions"("public_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_tasks" ADD CONSTRAINT "spot_check_tasks_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_tasks" ADD CONSTRAINT "spot_check_tasks_evidence_id_documents_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_tasks" ADD CONSTRAINT "spot_check_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD CONSTRAINT "spot_checks_committed_by_users_id_fk" FOREIGN KEY ("committed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD CONSTRAINT "spot_checks_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_records" ADD CONSTRAINT "support_records_public_id_published_solutions_public_id_fk" FOREIGN KEY ("public_id") REFERENCES "public"."published_solutions"("public_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_records" ADD CONSTRAINT "support_records_unit_id_recommender_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."recommender_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_records" ADD CONSTRAINT "support_records_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_records" ADD CONSTRAINT "support_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_assignments_pair" ON "evaluation_assignments" USING btree ("round_id","public_id","expert_id");--> statement-breakpoint
CREATE INDEX "evaluation_assignments_expert" ON "evaluation_assignments" USING btree ("expert_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "post_award_reports_solution" ON "post_award_reports" USING btree ("round_id","public_id");--> statement-breakpoint
CREATE INDEX "post_award_reports_unit" ON "post_award_reports" USING btree ("round_id","unit_id");--> statement-breakpoint
CREATE INDEX "post_award_reports_enterprise" ON "post_award_reports" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "post_award_rounds_kind_year" ON "post_award_rounds" USING btree ("kind","year");--> statement-breakpoint
CREATE UNIQUE INDEX "spot_check_tasks_pair" ON "spot_check_tasks" USING btree ("spot_check_id","public_id","expert_id");--> statement-breakpoint
CREATE INDEX "spot_check_tasks_expert" ON "spot_check_tasks" USING btree ("expert_id","state");--> statement-breakpoint
CREATE INDEX "support_records_solution" ON "support_records" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "support_records_unit" ON "support_records" USING btree ("unit_id");--> statement-breakpoint
ALTER TABLE "published_solution_events" ADD CONSTRAINT "published_solution_events_evidence_id_documents_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_solution_events" ADD CONSTRAINT "published_solution_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;