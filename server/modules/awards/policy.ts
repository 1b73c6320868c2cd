import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** The registry of past awards is kept by organizers. */
export function authorizeManageAwards(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
