import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** An enterprise uploads its own documents and says who files; organizers may upload for it. */
export function authorizeEditVerification(user: SignedInUser, enterpriseId: string) {
  if (user.role === 'organizer') return;
  if (user.role === 'enterprise' && user.enterpriseId === enterpriseId) return;
  throw new AppError('FORBIDDEN');
}

/**
 * Who sees an enterprise's documents and decides on them: an organizer always; a recommender
 * when the enterprise filed through its unit or holds an award the unit recommended
 * (`related`); the enterprise itself sees them but never decides.
 */
export function verificationAccessOf(
  user: SignedInUser,
  enterpriseId: string,
  related: boolean,
): { mayDecide: boolean } {
  if (user.role === 'organizer') return { mayDecide: true };
  if (user.role === 'recommender' && user.recommenderUnitId && related) return { mayDecide: true };
  if (user.role === 'enterprise' && user.enterpriseId === enterpriseId) return { mayDecide: false };
  throw new AppError('FORBIDDEN');
}

export function authorizeDecideVerification(access: { mayDecide: boolean }) {
  if (!access.mayDecide) throw new AppError('FORBIDDEN');
}

export function authorizeClaims(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
