import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** An enterprise sees only itself; organizers see all. */
export function authorizeViewEnterprise(user: SignedInUser, enterpriseId: string) {
  if (user.role === 'organizer') return;
  if (user.role === 'enterprise' && user.enterpriseId === enterpriseId) return;
  throw new AppError('FORBIDDEN');
}

export function authorizeListEnterprises(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}

/** Only organizers may register a company whose code fails the check digit. */
export function authorizeRegisterForOthers(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
