import { Tag } from 'antd';
import type { ApplicationState } from '../../../domain/application-states';
import { useI18n } from '../../lib/i18n';
import { DESK_STATES, type DeskState } from './api';

const COLORS: Record<DeskState, string> = {
  submitted: 'blue',
  returned: 'orange',
  recommended: 'green',
  rejected_by_recommender: 'red',
  forwarded: 'purple',
};

export function isDeskState(s: ApplicationState): s is DeskState {
  return (DESK_STATES as readonly string[]).includes(s);
}

/** The state as the recommender reads it (待审核, 已推荐, 不予推荐…). */
export function DeskStateTag({ state }: { state: ApplicationState }) {
  const { t } = useI18n();
  if (!isDeskState(state)) return <Tag>{t(`appState.${state}`)}</Tag>;
  return (
    <Tag color={COLORS[state]} data-testid="state-tag">
      {t(`desk.state.${state}`)}
    </Tag>
  );
}
