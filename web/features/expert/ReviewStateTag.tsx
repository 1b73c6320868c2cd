import { Tag } from 'antd';
import type { ReviewState } from '../../../domain/review-scoring';
import { useI18n } from '../../lib/i18n';

const COLORS: Record<ReviewState, string | undefined> = {
  not_started: undefined,
  draft: 'processing',
  submitted: 'success',
};

/** 未开始 / 评分中 / 已提交 */
export function ReviewStateTag({ state }: { state: ReviewState }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[state]} data-testid="review-state">
      {t(`expert.state.${state}`)}
    </Tag>
  );
}
