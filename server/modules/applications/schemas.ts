import type { z } from 'zod';
import type { CampaignSettings } from '../../../domain/campaign';
import { applicationDataSchema, type FormMode } from '../../../domain/form';
import { formContextOf, formOf } from '../../../domain/forms';

// Building the whole form's schema costs milliseconds; a campaign's settings never change once
// seeded or copied, so each (campaign, mode) is built once per process.
const cache = new Map<string, z.ZodType>();

export function dataSchemaOf(
  campaign: { id: string; settings: CampaignSettings },
  mode: FormMode,
): z.ZodType {
  const key = `${campaign.id}:${mode}`;
  let schema = cache.get(key);
  if (!schema) {
    schema = applicationDataSchema(
      formOf(campaign.settings),
      formContextOf(campaign.settings),
      mode,
    );
    if (cache.size > 200) cache.clear();
    cache.set(key, schema);
  }
  return schema;
}
