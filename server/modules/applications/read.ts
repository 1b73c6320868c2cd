// What the application routes read, each in one call: found (404), authorized (403), then read.
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { findCampaign, formOfCampaign } from '../campaigns';
import { formalCheckOutcomeOf } from '../formal-check';
import { publicationOfApplication } from '../publication';
import { applicationHeadOf, viewableApplication } from './load';
import { authorizeListApplications, authorizeViewApplication } from './policy';
import * as repo from './repository';

/** A campaign's application form (public) and its word limit. */
export async function applicationFormOf(deps: Pick<Deps, 'db'>, idOrCode: string) {
  const campaign = await findCampaign(deps.db, idOrCode);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
  return { form: await formOfCampaign(deps.db, campaign), wordLimit: campaign.settings.wordLimit };
}

/** The applications the caller sees: an enterprise its own, organizers all. */
export async function listApplicationsFor(
  deps: Pick<Deps, 'db'>,
  user: SignedInUser,
  campaignId: string | undefined,
) {
  authorizeListApplications(user);
  return repo.listApplicationSummaries(deps.db, {
    campaignId,
    enterpriseId: user.role === 'enterprise' ? user.enterpriseId! : undefined,
  });
}

/** The application with its frozen versions, its attachments and, once published, its result. */
export async function applicationDetailOf(
  deps: Pick<Deps, 'db' | 'clock'>,
  user: SignedInUser,
  id: string,
) {
  const found = await viewableApplication(deps, user, id);
  const [versions, files, formalCheck, publication] = await Promise.all([
    repo.listVersions(deps.db, found.id),
    repo.listAttachments(deps.db, found.id),
    formalCheckOutcomeOf(deps.db, found.id),
    publicationOfApplication(deps, found.id),
  ]);
  return { application: found, versions, attachments: files, formalCheck, publication };
}

/** One frozen version of the application. */
export async function applicationVersionOf(
  deps: Pick<Deps, 'db'>,
  user: SignedInUser,
  id: string,
  versionNo: number,
) {
  const found = await viewableApplication(deps, user, id);
  const v = await repo.findVersion(deps.db, found.id, versionNo);
  if (!v) throw new AppError('NOT_FOUND', { message: `未找到第${versionNo}版` });
  return v;
}

/** The application's history, from the audit log. */
export async function applicationHistoryOf(deps: Pick<Deps, 'db'>, user: SignedInUser, id: string) {
  const found = await applicationHeadOf(deps, id);
  authorizeViewApplication(user, found);
  return repo.listApplicationHistory(deps.db, found.id);
}
