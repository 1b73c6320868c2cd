import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** 发布 is the organizer's alone. */
export function authorizePublication(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}

/**
 * The 入选证明: whoever may read the application — the owning enterprise, the recommender it was
 * filed through (once filed), organizers.
 */
export function authorizeCertificate(
  user: SignedInUser,
  app: { enterpriseId: string; channelUnitId: string; state: string },
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
