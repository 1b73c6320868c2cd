import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** 形式审查 is the organizer's: reading the checklist, recording, bulk pass, the campaign's list. */
export function authorizeFormalCheck(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
