import { Typography } from 'antd';
import { Navigate } from 'react-router-dom';
import { ROLE_LABELS } from '../../../domain/roles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/queries';
import type { Me } from '../../lib/types';
import { EnterpriseHome } from './EnterpriseHome';
import { ExpertHome } from './ExpertHome';
import { LandingPage } from './LandingPage';
import { OrganizerHome } from './OrganizerHome';
import { RecommenderHome } from './RecommenderHome';

function RoleHome({ me }: { me: Me }) {
  switch (me.user.role) {
    case 'enterprise':
      return <EnterpriseHome me={me} />;
    case 'recommender':
      return <RecommenderHome me={me} />;
    case 'expert':
      return <ExpertHome />;
    case 'organizer':
      return <OrganizerHome />;
  }
}

/** Anonymous readers see the landing page; signed-in users their role's home. */
export function HomePage() {
  const { t, lang } = useI18n();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <LandingPage />;
  if (me.data.user.mustChangePassword) return <Navigate to="/account/password" replace />;
  const { user } = me.data;
  return (
    <>
      <Typography.Title level={3} data-testid="home-title">
        {t('home.welcome', { name: user.enterpriseName ?? user.recommenderUnitName ?? user.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('home.role', { role: ROLE_LABELS[user.role][lang] })}
      </Typography.Paragraph>
      <RoleHome me={me.data} />
    </>
  );
}
