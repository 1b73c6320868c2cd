// Who sees which figures: an organizer all of them; a recommender its own unit's (a `unitId` of
// another unit is refused); every other role none. The public page needs no sign-in.
import type { StatFilters } from '../../../domain/statistics';
import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';
import type { StatScope } from './service';

/** The scope the user may analyse with these filters, or 403. */
export function authorizeStatistics(user: SignedInUser, filters: StatFilters): StatScope {
  if (user.role === 'organizer') return { kind: 'all' };
  if (user.role === 'recommender' && user.recommenderUnitId) {
    if (filters.unitId && filters.unitId !== user.recommenderUnitId)
      throw new AppError('FORBIDDEN', {
        message: '只能查看本单位的统计数据',
        messageEn: 'Only your own unit’s figures can be seen',
      });
    return { kind: 'unit', unitId: user.recommenderUnitId };
  }
  throw new AppError('FORBIDDEN');
}
