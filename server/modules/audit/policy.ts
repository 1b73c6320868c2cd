import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** The audit log is the organizers' to read; nobody writes it but the services. */
export function authorizeReadAudit(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
