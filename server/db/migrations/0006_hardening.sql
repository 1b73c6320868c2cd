CREATE TYPE "public"."uscc_claim_state" AS ENUM('open', 'upheld', 'dismissed');--> statement-breakpoint
CREATE TABLE "sign_in_failures" (
	"account" text NOT NULL,
	"ip" text NOT NULL,
	"user_id" uuid,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failed_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "sign_in_failures_account_ip_pk" PRIMARY KEY("account","ip")
);
--> statement-breakpoint
CREATE TABLE "uscc_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uscc" text NOT NULL,
	"enterprise_name" text NOT NULL,
	"province_code" text NOT NULL,
	"city_code" text NOT NULL,
	"contact_name" text NOT NULL,
	"phone" text NOT NULL,
	"email" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"licence_document_id" uuid NOT NULL,
	"holder_enterprise_id" uuid,
	"state" "uscc_claim_state" DEFAULT 'open' NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"moved_to_enterprise_id" uuid,
	"ip" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "enterprises_uscc";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "owner_enterprise_id" uuid;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "verification_status" text DEFAULT 'unsubmitted' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "filer_is_legal_rep" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "licence_document_id" uuid;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "authorisation_document_id" uuid;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "verified_by" uuid;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "verified_by_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "verification_reason" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sign_in_failures" ADD CONSTRAINT "sign_in_failures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uscc_claims" ADD CONSTRAINT "uscc_claims_licence_document_id_documents_id_fk" FOREIGN KEY ("licence_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uscc_claims" ADD CONSTRAINT "uscc_claims_holder_enterprise_id_enterprises_id_fk" FOREIGN KEY ("holder_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uscc_claims" ADD CONSTRAINT "uscc_claims_moved_to_enterprise_id_enterprises_id_fk" FOREIGN KEY ("moved_to_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sign_in_failures_user" ON "sign_in_failures" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sign_in_failures_last" ON "sign_in_failures" USING btree ("last_failed_at");--> statement-breakpoint
CREATE INDEX "uscc_claims_state" ON "uscc_claims" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "uscc_claims_uscc" ON "uscc_claims" USING btree ("uscc");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_enterprise_id_enterprises_id_fk" FOREIGN KEY ("owner_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_uscc" ON "enterprises" USING btree ("uscc") WHERE released_at is null;--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "failed_sign_ins";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";