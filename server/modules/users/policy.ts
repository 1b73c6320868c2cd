import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** Accounts are administered by organizers only. */
export function authorizeAdministerUsers(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
