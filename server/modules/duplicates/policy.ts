import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/**
 * An application's findings: organizers; the unit it was filed through, once filed; its
 * enterprise (award findings only, see the route). Never another unit's application.
 */
export function authorizeReadFindings(
  user: SignedInUser,
  app: { enterpriseId: string; channelUnitId: string; state: string },
) {
  if (user.role === 'organizer') return;
  if (user.role === 'enterprise' && user.enterpriseId === app.enterpriseId) return;
  if (
    user.role === 'recommender' &&
    !!user.recommenderUnitId &&
    user.recommenderUnitId === app.channelUnitId &&
    app.state !== 'draft'
  )
    return;
  throw new AppError('FORBIDDEN');
}

/** Only the enterprise checks its own working copy before submitting. */
export function authorizeCheckDuplicates(user: SignedInUser, app: { enterpriseId: string }) {
  if (user.role !== 'enterprise' || user.enterpriseId !== app.enterpriseId)
    throw new AppError('FORBIDDEN');
}

/** The campaign-wide list, the sweep and the decisions are the organizer's. */
export function authorizeManageFindings(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
