CREATE TABLE "campaign_forms" (
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"revision" integer NOT NULL,
	"declaration" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "facts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "config_revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_forms" ADD CONSTRAINT "campaign_forms_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_forms_pk" ON "campaign_forms" USING btree ("campaign_id","kind","revision");--> statement-breakpoint
CREATE FUNCTION campaign_forms_are_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'campaign_forms revisions are kept: % refused', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER campaign_forms_kept BEFORE UPDATE OR DELETE ON campaign_forms
  FOR EACH ROW EXECUTE FUNCTION campaign_forms_are_kept();
