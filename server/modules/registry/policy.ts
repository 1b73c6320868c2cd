import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/**
 * 申报项目库 and 纸质材料签收 are the ministry's: every unit's applications side by side. No
 * recommender, enterprise or expert reads them (a recommender has its own unit's desk).
 */
export function authorizeRegistry(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
