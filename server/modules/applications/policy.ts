import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';
import type { ApplicationRow } from './repository';

/** Only the owning enterprise edits, submits, withdraws and uploads. */
export function authorizeEditApplication(
  user: SignedInUser,
  app: Pick<ApplicationRow, 'enterpriseId'>,
) {
  if (user.role !== 'enterprise' || user.enterpriseId !== app.enterpriseId)
    throw new AppError('FORBIDDEN');
}

/**
 * Who may read an application: its enterprise; the recommending unit it was filed through,
 * once submitted; organizers. Experts see only what is assigned to them (later).
 */
export function authorizeViewApplication(
  user: SignedInUser,
  app: Pick<ApplicationRow, 'enterpriseId' | 'channelUnitId' | 'state'>,
) {
  if (user.role === 'organizer') return;
  if (user.role === 'enterprise' && user.enterpriseId === app.enterpriseId) return;
  if (
    user.role === 'recommender' &&
    user.recommenderUnitId === app.channelUnitId &&
    app.state !== 'draft'
  )
    return;
  throw new AppError('FORBIDDEN');
}

export function authorizeCreateApplication(user: SignedInUser) {
  if (user.role !== 'enterprise' || !user.enterpriseId) throw new AppError('FORBIDDEN');
}

/** The list of applications: enterprises (their own) and organizers (all). */
export function authorizeListApplications(user: SignedInUser) {
  if (user.role !== 'enterprise' && user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
