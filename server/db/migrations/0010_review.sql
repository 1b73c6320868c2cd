CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"employer_name" text NOT NULL,
	"employer_uscc" text,
	"title" text DEFAULT '' NOT NULL,
	"region_code" text NOT NULL,
	"categories" jsonb NOT NULL,
	"industries" jsonb NOT NULL,
	"focus_areas" jsonb NOT NULL,
	"conflict_enterprises" jsonb NOT NULL,
	"conflict_unit_ids" jsonb NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "formal_checks" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"result" text NOT NULL,
	"items" jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"checked_by" uuid NOT NULL,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"application_id" uuid,
	"version_no" integer,
	"code" text,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"received_on" text NOT NULL,
	"postmarked_on" text,
	"late" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"received_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "paper_receipts_kind" CHECK (("paper_receipts"."kind" = 'application' and "paper_receipts"."application_id" is not null and "paper_receipts"."version_no" is not null and "paper_receipts"."code" is not null) or ("paper_receipts"."kind" = 'summary_table' and "paper_receipts"."application_id" is null))
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"panel_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"state" text NOT NULL,
	"source" text NOT NULL,
	"fit" real NOT NULL,
	"overridden_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"override_reason" text,
	"decline_reason" text,
	"declined_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_panels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"name" text NOT NULL,
	"categories" jsonb NOT NULL,
	"expert_ids" jsonb NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"name" text NOT NULL,
	"reviews_per_application" integer NOT NULL,
	"max_load" integer NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"anonymous" boolean NOT NULL,
	"avoid_same_region" boolean NOT NULL,
	"state" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"assignment_id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"recommendation" text,
	"comment" text DEFAULT '' NOT NULL,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"reopened_at" timestamp with time zone,
	"reopen_reason" text
);
--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formal_checks" ADD CONSTRAINT "formal_checks_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formal_checks" ADD CONSTRAINT "formal_checks_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formal_checks" ADD CONSTRAINT "formal_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_receipts" ADD CONSTRAINT "paper_receipts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_receipts" ADD CONSTRAINT "paper_receipts_unit_id_recommender_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."recommender_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_receipts" ADD CONSTRAINT "paper_receipts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_receipts" ADD CONSTRAINT "paper_receipts_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_panel_id_review_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."review_panels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_panels" ADD CONSTRAINT "review_panels_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_assignment_id_review_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."review_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "experts_user" ON "experts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "paper_receipts_application" ON "paper_receipts" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE INDEX "paper_receipts_campaign" ON "paper_receipts" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "paper_receipts_unit" ON "paper_receipts" USING btree ("campaign_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_pair" ON "review_assignments" USING btree ("round_id","application_id","expert_id");--> statement-breakpoint
CREATE INDEX "review_assignments_expert" ON "review_assignments" USING btree ("expert_id","state");--> statement-breakpoint
CREATE INDEX "review_assignments_application" ON "review_assignments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "review_panels_round" ON "review_panels" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "review_rounds_campaign" ON "review_rounds" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "reviews_round" ON "reviews" USING btree ("round_id","state");--> statement-breakpoint
CREATE INDEX "reviews_expert" ON "reviews" USING btree ("expert_id");--> statement-breakpoint
CREATE FUNCTION paper_receipts_are_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'paper_receipts are never changed: % refused', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER paper_receipts_kept BEFORE UPDATE OR DELETE ON paper_receipts
  FOR EACH ROW EXECUTE FUNCTION paper_receipts_are_kept();
