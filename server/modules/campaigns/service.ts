import { campaignPhase } from '../../../domain/campaign';
import type { CopyCampaignInput } from '../../../domain/campaign-copy';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError, isUniqueViolation } from '../../lib/errors';
import { recordAudit } from '../audit/service';
import * as repo from './repository';

export function campaignView(c: repo.CampaignRow, now: Date) {
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

export async function listCampaigns(deps: Pick<Deps, 'db' | 'clock'>) {
  const now = deps.clock.now();
  return (await repo.listCampaignRows(deps.db)).map((c) => campaignView(c, now));
}

export async function getCampaign(deps: Pick<Deps, 'db' | 'clock'>, idOrCode: string) {
  const c = await repo.findCampaign(deps.db, idOrCode);
  if (!c)
    throw new AppError('NOT_FOUND', { message: '未找到该征集活动', messageEn: 'No such campaign' });
  return campaignView(c, deps.clock.now());
}

export async function copyCampaign(
  deps: Pick<Deps, 'db' | 'clock'>,
  sourceIdOrCode: string,
  input: CopyCampaignInput,
  actor: Actor,
) {
  const source = await repo.findCampaign(deps.db, sourceIdOrCode);
  if (!source)
    throw new AppError('NOT_FOUND', {
      message: '未找到要复制的征集活动',
      messageEn: 'No such campaign',
    });
  try {
    const created = await deps.db.transaction(async (tx) => {
      const row = await repo.insertCampaign(tx, {
        code: input.code,
        year: input.year,
        title: input.title,
        docNumber: input.docNumber,
        issuer: source.issuer,
        publishedOn: input.opensAt.slice(0, 10),
        opensAt: new Date(input.opensAt),
        onlineDeadline: new Date(input.onlineDeadline),
        paperDeadline: new Date(input.paperDeadline),
        isDemo: input.isDemo,
        copiedFromId: source.id,
        settings: source.settings,
      });
      await recordAudit(tx, deps.clock, actor, {
        action: 'campaign.copy',
        targetType: 'campaign',
        targetId: row.id,
        after: {
          code: row.code,
          year: row.year,
          copiedFrom: source.code,
          onlineDeadline: input.onlineDeadline,
        },
      });
      return row;
    });
    return campaignView(created, deps.clock.now());
  } catch (e) {
    if (isUniqueViolation(e, 'campaigns_code')) throw new AppError('CAMPAIGN_CODE_TAKEN');
    throw e;
  }
}
