import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/**
 * Whose published solutions the caller sees in 动态管理: organizers all, a recommender its unit's,
 * an enterprise its own; experts none.
 */
export function lifecycleScopeOf(user: SignedInUser): { unitId?: string; enterpriseId?: string } {
  if (user.role === 'organizer') return {};
  if (user.role === 'recommender' && user.recommenderUnitId)
    return { unitId: user.recommenderUnitId };
  if (user.role === 'enterprise' && user.enterpriseId) return { enterpriseId: user.enterpriseId };
  throw new AppError('FORBIDDEN');
}

/** 撤销, 登记退出 and their evidence are the organizer's alone. */
export function authorizeRevoke(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
