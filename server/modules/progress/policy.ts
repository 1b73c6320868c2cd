import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** How far every unit has got is the organizers' overview. */
export function authorizeReadProgress(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
