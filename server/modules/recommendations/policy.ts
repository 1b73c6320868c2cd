import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** A recommender acts only on what was filed through its own unit. */
export function authorizeDecide(user: SignedInUser, app: { channelUnitId: string }) {
  if (
    user.role !== 'recommender' ||
    !user.recommenderUnitId ||
    user.recommenderUnitId !== app.channelUnitId
  ) {
    throw new AppError('FORBIDDEN');
  }
}

export function authorizeInbox(user: SignedInUser): string {
  if (user.role !== 'recommender' || !user.recommenderUnitId) throw new AppError('FORBIDDEN');
  return user.recommenderUnitId;
}
