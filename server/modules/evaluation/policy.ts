// Who may do what in 系统评价. Rounds, pairs, results and bands are the organizers'; an expert reads
// and scores only its own published pairs (another's, a proposed one or none: "not found").
import type { SignedInUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';

export function authorizeManageEvaluation(user: SignedInUser) {
  if (user.role !== 'organizer') throw new AppError('FORBIDDEN');
}

export function authorizeEvaluate(user: SignedInUser) {
  if (user.role !== 'expert') throw new AppError('FORBIDDEN');
}

export const EVALUATION_NOT_FOUND = '未找到该评价任务';

export function checkOwnEvaluation(
  expertId: string | undefined,
  a: { expertId: string; state: string } | undefined,
) {
  if (!expertId || !a || a.expertId !== expertId || a.state !== 'published')
    throw new AppError('NOT_FOUND', { message: EVALUATION_NOT_FOUND });
}
