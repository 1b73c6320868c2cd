// Who may do what with reviews. An expert reads and scores only what is assigned to them (another
// expert's assignment is "not found", never "forbidden"); results and reopening are the organizer's.
import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

export function authorizeExpert(user: SignedInUser) {
  if (user.role !== 'expert') throw new AppError('FORBIDDEN');
}

export function authorizeOrganizer(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}

export const ASSIGNMENT_NOT_FOUND = '未找到该评审任务';

/**
 * The expert's own assignment once published. Another expert's, a merely proposed one or none at
 * all look the same: 404. The expert's own declined or withdrawn one says so (409).
 */
export function checkOwnAssignment(
  expertId: string | undefined,
  a: { expertId: string; state: string } | undefined,
) {
  if (!expertId || !a || a.expertId !== expertId || a.state === 'proposed')
    throw new AppError('NOT_FOUND', { message: ASSIGNMENT_NOT_FOUND });
  if (a.state !== 'published') throw new AppError('ASSIGNMENT_INACTIVE');
}
