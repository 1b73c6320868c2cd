import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** Whose records the caller reads: organizers all, a recommender its unit's, an enterprise its own. */
export function supportScopeOf(user: SignedInUser): { unitId?: string; enterpriseId?: string } {
  if (user.role === 'organizer') return {};
  if (user.role === 'recommender' && user.recommenderUnitId)
    return { unitId: user.recommenderUnitId };
  if (user.role === 'enterprise' && user.enterpriseId) return { enterpriseId: user.enterpriseId };
  throw new AppError('FORBIDDEN');
}

/** Only a recommender records support, and only for its own unit's solutions; returns the unit. */
export function authorizeRecord(user: SignedInUser, solutionUnitId?: string): string {
  if (user.role !== 'recommender' || !user.recommenderUnitId) throw new AppError('FORBIDDEN');
  if (solutionUnitId !== undefined && solutionUnitId !== user.recommenderUnitId)
    throw new AppError('FORBIDDEN', {
      message: '只能为本单位推荐入选的解决方案登记配套支持',
      messageEn: 'Only the recommending unit records support for a solution',
    });
  return user.recommenderUnitId;
}

/** The totals per unit are the organizer's. */
export function authorizeTotals(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
