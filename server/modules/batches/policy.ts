import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

const ownUnit = (user: SignedInUser, unitId: string) =>
  user.role === 'recommender' && !!user.recommenderUnitId && user.recommenderUnitId === unitId;

/** A unit's batch and its 附件3: the unit itself and the organizers. */
export function authorizeReadBatch(user: SignedInUser, unitId: string) {
  if (user.role === 'organizer' || ownUnit(user, unitId)) return;
  throw new AppError('FORBIDDEN');
}

/** Ranking, the stamped scan and the sign-off are the unit's own acts. */
export function authorizeActOnBatch(user: SignedInUser, unitId: string) {
  if (!ownUnit(user, unitId)) throw new AppError('FORBIDDEN');
}

/** Only the organizer reopens a signed-off batch. */
export function authorizeReopenBatch(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
