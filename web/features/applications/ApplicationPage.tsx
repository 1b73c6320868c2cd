import { useState } from 'react';
import { Result } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { api, ApiError } from '../../lib/api';
import { useApplication, useApplicationForm, useRecommenderUnits } from '../../lib/applications';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/queries';
import type { Campaign } from '../../lib/types';
import { ApplicationEditor } from './ApplicationEditor';

/** /applications/:id — loads the application, its campaign and its form declaration. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const detail = useApplication(id);
  const campaignId = detail.data?.application.campaignId;
  const campaign = useQuery({
    queryKey: ['campaigns', campaignId],
    queryFn: () => api<Campaign>(`/campaigns/${encodeURIComponent(campaignId ?? '')}`),
    enabled: !!campaignId,
  });
  const form = useApplicationForm(campaignId);
  const units = useRecommenderUnits();
  // a new generation re-creates the form from the server's (and this browser's) latest data
  const [generation, setGeneration] = useState(0);

  if (
    detail.error instanceof ApiError &&
    (detail.error.status === 404 || detail.error.status === 400)
  )
    return <Result status="404" title={t('editor.notFound')} />;
  const error = detail.error ?? campaign.error ?? form.error;
  if (error) return <ErrorAlert error={error} onRetry={() => void detail.refetch()} />;
  if (!detail.data || !campaign.data || !form.data || !me.data) return <Loading />;
  const channelName =
    units.data?.find((u) => u.id === detail.data.application.channelUnitId)?.name ?? '—';
  return (
    <ApplicationEditor
      key={`${id}:${generation}`}
      detail={detail.data}
      campaign={campaign.data}
      form={form.data.form}
      me={me.data}
      channelName={channelName}
      reload={async () => {
        await detail.refetch();
        setGeneration((g) => g + 1);
      }}
    />
  );
}
