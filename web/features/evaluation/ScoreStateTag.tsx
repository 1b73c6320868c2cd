import { Tag } from 'antd';
import { useI18n } from '../../lib/i18n';
import type { MyEvaluationItem } from './api';

const COLORS: Record<MyEvaluationItem['scoreState'], string> = {
  none: 'default',
  draft: 'gold',
  submitted: 'green',
};

/** 未开始 / 评分中 / 已提交. */
export function ScoreStateTag({ state }: { state: MyEvaluationItem['scoreState'] }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[state]} data-testid="eval-score-state">
      {t(`eval.score.${state}`)}
    </Tag>
  );
}
