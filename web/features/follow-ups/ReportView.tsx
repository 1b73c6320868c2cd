import { Flex, Typography } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormView } from '../../components/form/FormView';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../lib/i18n';
import { useCampaign } from '../../lib/queries';
import { useFollowUpForm, type FollowUpData } from './api';

/** A 附件4 report, read-only, through the campaign's declaration. */
export function ReportView(props: { campaignId: string; data: FollowUpData }) {
  const { t } = useI18n();
  const declaration = useFollowUpForm(props.campaignId);
  const campaign = useCampaign(props.campaignId);
  if (declaration.error || campaign.error)
    return (
      <ErrorAlert
        error={declaration.error ?? campaign.error}
        onRetry={() => void declaration.refetch()}
      />
    );
  if (!declaration.data || !campaign.data) return <Loading />;
  return (
    <Flex vertical gap={16}>
      <FormView
        decl={declaration.data.form}
        data={props.data}
        settings={campaign.data.settings}
        testId="follow-up-view"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('followUp.viewNote')}
      </Typography.Text>
    </Flex>
  );
}
