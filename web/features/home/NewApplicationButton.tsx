import { useMemo, useState } from 'react';
import { Alert, Button, Form, Modal, Radio, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { defaultChannel } from '../../../domain/channels';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { applicationsKey, useRecommenderUnits, type Application } from '../../lib/applications';
import { useI18n } from '../../lib/i18n';
import type { Campaign, Enterprise } from '../../lib/types';

type Kind = 'regional' | 'central_enterprise' | 'association';

/** 新建申报书 on an open campaign, with the channel it goes through. */
export function NewApplicationButton({
  campaign,
  enterprise,
}: {
  campaign: Campaign;
  enterprise: Enterprise;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind>('regional');
  const [unitId, setUnitId] = useState<string>();
  const units = useRecommenderUnits();
  const regional = useMemo(
    () => (units.data ? defaultChannel(units.data, enterprise) : undefined),
    [units.data, enterprise],
  );
  const choices = (units.data ?? []).filter((u) => u.active && u.type === kind);
  const create = useMutation({
    mutationFn: (channelUnitId: string | undefined) =>
      api<Application>('/applications', {
        method: 'POST',
        body: { campaignId: campaign.id, channelUnitId },
      }),
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: applicationsKey });
      navigate(`/applications/${a.id}`);
    },
  });
  const missingUnit = kind !== 'regional' && !unitId;
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setOpen(true)}
        disabled={campaign.phase !== 'open'}
        data-testid={`new-application-${campaign.code}`}
      >
        {t('apps.create')}
      </Button>
      <Modal
        open={open}
        title={t('apps.createTitle')}
        onCancel={() => setOpen(false)}
        okText={t('apps.createOk')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: missingUnit, loading: create.isPending }}
        onOk={() => create.mutate(kind === 'regional' ? regional?.id : unitId)}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>
            {t('apps.createCampaign', { title: campaign.title })}
          </Typography.Text>
          <Typography.Paragraph type="secondary">{t('apps.channelHelp')}</Typography.Paragraph>
          <Form layout="vertical">
            <Form.Item label={t('apps.channelKind')}>
              <Radio.Group
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value as Kind);
                  setUnitId(undefined);
                }}
                options={(['regional', 'central_enterprise', 'association'] as const).map((k) => ({
                  value: k,
                  label: t(`apps.kind.${k}`),
                }))}
              />
            </Form.Item>
            {kind === 'regional' ? (
              regional ? (
                <Alert type="info" title={regional.name} data-testid="default-channel" />
              ) : (
                units.isSuccess && <Alert type="warning" title={t('apps.noRegional')} />
              )
            ) : (
              <Form.Item label={t('apps.unit')} required htmlFor="channel-unit">
                <Select
                  id="channel-unit"
                  showSearch={{ optionFilterProp: 'label' }}
                  value={unitId}
                  onChange={setUnitId}
                  placeholder={t('apps.unitSearch')}
                  options={choices.map((u) => ({ value: u.id, label: u.name }))}
                  loading={units.isPending}
                />
              </Form.Item>
            )}
          </Form>
          <ErrorAlert error={create.error} />
        </Space>
      </Modal>
    </>
  );
}
