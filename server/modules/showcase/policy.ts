import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/**
 * 成果展示: the published solution's own enterprise writes it; organizers review it; the
 * recommender it was filed through may read it. Another enterprise and experts see nothing.
 */
export function authorizeEnterprise(user: SignedInUser) {
  if (user.role !== 'enterprise' || !user.enterpriseId) throw new AppError('FORBIDDEN');
  return user.enterpriseId;
}

export function authorizeOwner(user: SignedInUser, solution: { enterpriseId: string }) {
  if (user.role !== 'enterprise' || user.enterpriseId !== solution.enterpriseId)
    throw new AppError('FORBIDDEN');
}

/** Before the solution is looked up: the roles that may read some showcase. */
export function authorizeReaderRole(user: SignedInUser) {
  if (user.role === 'expert') throw new AppError('FORBIDDEN');
}

export function authorizeRead(
  user: SignedInUser,
  solution: { enterpriseId: string; unitId: string },
) {
  if (user.role === 'organizer') return;
  if (user.role === 'enterprise' && user.enterpriseId === solution.enterpriseId) return;
  if (user.role === 'recommender' && user.recommenderUnitId === solution.unitId) return;
  throw new AppError('FORBIDDEN');
}

export function authorizeReview(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
