// A campaign's forms, read from campaign_forms and kept per process by (campaign, kind, revision):
// every configuration change bumps the campaign's config_revision, so each process sees a change
// on its next read of the campaign row, whichever process made it.
import type { z } from 'zod';
import { applicationDataSchema, type FormDeclaration, type FormMode } from '../../../domain/form';
import type { FormKind } from '../../../domain/form-declaration';
import { formContextOf } from '../../../domain/forms';
import type { CampaignSettings } from '../../../domain/campaign';
import type { Db } from '../../db/client';
import * as repo from './repository';

export interface CampaignRef {
  id: string;
  configRevision: number;
  settings: CampaignSettings;
}

const forms = new Map<string, FormDeclaration>();
const schemas = new Map<string, z.ZodType>();

function remember<T>(cache: Map<string, T>, key: string, value: T) {
  if (cache.size > 200) cache.clear();
  cache.set(key, value);
}

/** The campaign's current form of a kind. A campaign always has its application form. */
export async function formOfCampaign(
  db: Db,
  campaign: CampaignRef,
  kind: FormKind = 'application',
): Promise<FormDeclaration> {
  const key = `${campaign.id}:${kind}:${campaign.configRevision}`;
  const cached = forms.get(key);
  if (cached) return cached;
  const row = await repo.findCurrentForm(db, campaign.id, kind);
  if (!row) throw new Error(`campaign ${campaign.id} has no ${kind} form`);
  remember(forms, key, row.declaration);
  return row.declaration;
}

/**
 * The form and schema at a configuration revision read with something else (a draft save reads
 * it joined to the application): the campaign row is read only when this process has not built
 * that revision's schema yet.
 */
export async function dataSchemaAtRevision(
  db: Db,
  campaignId: string,
  configRevision: number,
  mode: FormMode,
): Promise<{ form: FormDeclaration; schema: z.ZodType }> {
  const form = forms.get(`${campaignId}:application:${configRevision}`);
  const schema = schemas.get(`${campaignId}:${configRevision}:${mode}`);
  if (form && schema) return { form, schema };
  const campaign = await repo.findCampaign(db, campaignId);
  if (!campaign) throw new Error(`campaign ${campaignId} does not exist`);
  return dataSchemaOf(db, campaign, mode);
}

/**
 * The zod schema of the campaign's application data in a mode. Building it costs milliseconds,
 * so it is built once per (campaign, revision, mode).
 */
export async function dataSchemaOf(
  db: Db,
  campaign: CampaignRef,
  mode: FormMode,
): Promise<{ form: FormDeclaration; schema: z.ZodType }> {
  const form = await formOfCampaign(db, campaign);
  const key = `${campaign.id}:${campaign.configRevision}:${mode}`;
  let schema = schemas.get(key);
  if (!schema) {
    schema = applicationDataSchema(form, formContextOf(campaign.settings), mode);
    remember(schemas, key, schema);
  }
  return { form, schema };
}
