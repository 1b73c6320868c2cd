// Finding an application a request names, and checking the caller may see or edit it.
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { authorizeEditApplication, authorizeViewApplication } from './policy';
import * as repo from './repository';

const NOT_FOUND = '未找到该申报书';

/** The application with its working copy (404 when there is none). */
export async function applicationOf(deps: Pick<Deps, 'db'>, id: string) {
  const app = await repo.findApplication(deps.db, id);
  if (!app) throw new AppError('NOT_FOUND', { message: NOT_FOUND });
  return app;
}

/** The application without its data (404 when there is none). */
export async function applicationHeadOf(deps: Pick<Deps, 'db'>, id: string) {
  const app = await repo.findApplicationHead(deps.db, id);
  if (!app) throw new AppError('NOT_FOUND', { message: NOT_FOUND });
  return app;
}

/** The application, if the caller may read it. */
export async function viewableApplication(deps: Pick<Deps, 'db'>, user: SignedInUser, id: string) {
  const app = await applicationOf(deps, id);
  authorizeViewApplication(user, app);
  return app;
}

/** The application, if the caller may edit it. */
export async function editableApplication(deps: Pick<Deps, 'db'>, user: SignedInUser, id: string) {
  const app = await applicationOf(deps, id);
  authorizeEditApplication(user, app);
  return app;
}

/**
 * What a draft save needs (head, campaign revision, the enterprise's name and code) in one read,
 * if the caller may edit it: saves are the busiest request of deadline day.
 */
export async function draftSaveTargetOf(deps: Pick<Deps, 'db'>, user: SignedInUser, id: string) {
  const target = await repo.findDraftSaveTarget(deps.db, id);
  if (!target) throw new AppError('NOT_FOUND', { message: NOT_FOUND });
  authorizeEditApplication(user, target.head);
  return target;
}
