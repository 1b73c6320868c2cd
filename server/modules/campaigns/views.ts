import { campaignPhase } from '../../../domain/campaign';
import type { CampaignRow } from './repository';

export function campaignView(c: CampaignRow, now: Date) {
  return {
    id: c.id,
    code: c.code,
    year: c.year,
    title: c.title,
    docNumber: c.docNumber,
    issuer: c.issuer,
    publishedOn: c.publishedOn,
    opensAt: c.opensAt.toISOString(),
    onlineDeadline: c.onlineDeadline.toISOString(),
    paperDeadline: c.paperDeadline.toISOString(),
    isDemo: c.isDemo,
    copiedFromId: c.copiedFromId,
    phase: campaignPhase(c, now),
    settings: c.settings,
  };
}
export type CampaignView = ReturnType<typeof campaignView>;
