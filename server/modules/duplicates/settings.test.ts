// A campaign's own thresholds are the ones its checks use; absent ones are the detector's defaults.
import { describe, expect, test } from 'vitest';
import { campaignSettingsSchema } from '../../../domain/campaign';
import { MIIT_2021 } from '../../../domain/campaigns/miit-2021';
import { defaultDuplicateSettings } from '../../../domain/duplicate-settings';
import type { CampaignRow } from '../campaigns/repository';
import { settingsOf } from './service';

const campaignWith = (duplicates: unknown) =>
  ({
    settings: campaignSettingsSchema.parse({ ...MIIT_2021.settings, duplicates }),
  }) as CampaignRow;

describe('duplicate thresholds in the campaign settings', () => {
  test('a campaign without its own thresholds uses the defaults', () => {
    expect(settingsOf(campaignWith(undefined))).toEqual(defaultDuplicateSettings);
  });

  test('a campaign’s own threshold is used, the rest keep their defaults', () => {
    const s = settingsOf(campaignWith({ sameEnterprise: { text: 0.6 } }));
    expect(s.sameEnterprise.text).toBe(0.6);
    expect(s.sameEnterprise.name).toBe(defaultDuplicateSettings.sameEnterprise.name);
    expect(s.otherEnterprise).toEqual(defaultDuplicateSettings.otherEnterprise);
  });

  test('a threshold outside 0–1 is refused with the campaign settings', () => {
    expect(() =>
      campaignSettingsSchema.parse({
        ...MIIT_2021.settings,
        duplicates: { otherEnterprise: { text: 1.5 } },
      }),
    ).toThrow();
  });
});
