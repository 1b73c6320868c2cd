import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

/** Committing, drawing, assigning and closing are the organizer's alone. */
export function authorizeOrganizer(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}

/** An expert's own tasks: experts only (whose tasks they are is checked on each task). */
export function authorizeExpert(user: SignedInUser) {
  if (user.role !== 'expert') throw new AppError('FORBIDDEN');
}

export const TASK_NOT_FOUND = '未找到该核查任务';

/** A task is the expert's own, and not removed; otherwise it does not exist for them. */
export function checkOwnTask(
  expertId: string | undefined,
  task: { expertId: string; state: string } | undefined,
) {
  if (!expertId || !task || task.expertId !== expertId || task.state === 'removed')
    throw new AppError('NOT_FOUND', { message: TASK_NOT_FOUND });
}
