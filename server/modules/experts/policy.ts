import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** The 专家库 is the organizers': names, employers and conflicts are nobody else's to read. */
export function authorizeManageExperts(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
