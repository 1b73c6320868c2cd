import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** Anyone may see the active units (enterprises choose their channel); only organizers change them. */
export function authorizeManageUnits(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
