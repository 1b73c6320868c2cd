import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** The annual analysis report is the organizers' (the ministry's) document. */
export function authorizeAnalysisReport(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}
