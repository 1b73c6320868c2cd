import type { CopyCampaignInput } from '../../../domain/campaign-copy';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { createCampaign } from './config';
import * as repo from './repository';
import { campaignView } from './views';

export { campaignView };

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

/** Another year's call from an existing one: its settings and forms, new dates and titles. */
export async function copyCampaign(
  deps: Pick<Deps, 'db' | 'clock'>,
  sourceIdOrCode: string,
  input: CopyCampaignInput,
  actor: Actor,
) {
  const created = await createCampaign(
    deps,
    { ...input, from: { kind: 'campaign', idOrCode: sourceIdOrCode }, issuer: '' },
    actor,
  );
  return created.campaign;
}
