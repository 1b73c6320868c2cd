import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/**
 * The objections and their objectors' names and contacts are the organizer's alone: not the
 * enterprise objected to, not its recommender, not an expert, never the public.
 */
export function authorizeObjections(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
