import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** 遴选决定 is the organizer's alone: who is selected is not known to anyone else before 公示. */
export function authorizeSelection(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
