import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/**
 * Publishing a 目录清单 (and its preview and import) is the organizer's alone. Reading it is
 * public: what is public is decided by what the repository selects (published versions only).
 */
export function authorizeCatalogue(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
