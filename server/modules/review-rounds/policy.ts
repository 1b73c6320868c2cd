import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** Rounds, panels and pairs name experts: the organizers' alone (never enterprises or recommenders). */
export function authorizeManageReviewRounds(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}

/** An expert declines only its own pairs (the service finds only those). */
export function authorizeDecline(user: SignedInUser) {
  if (user.role !== 'expert') throw new AppError('FORBIDDEN');
}
