import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Modal,
  Table,
  Tag,
  Typography,
} from 'antd';
import { FileExcelOutlined, FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RECOMMENDER_UNIT_TYPE_LABELS } from '../../../domain/recommender-units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { api } from '../../lib/api';
import { formatSize } from '../../lib/applications';
import { batchKey, batchPath, useBatch, type BatchView, type SummaryRow } from '../../lib/desk';
import { embeddedComment, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

const REASON_MAX = 500;

/** 重新开放: an organizer unlocks a signed-off batch, with a reason the unit will see. */
function ReopenModal(props: {
  open: boolean;
  batch: BatchView;
  onClose: () => void;
  onDone: (b: BatchView) => void;
}) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const reopen = useMutation({
    mutationFn: (reason: string) =>
      api<BatchView>(`${batchPath(props.batch.campaignId, props.batch.unitId)}/reopen`, {
        method: 'POST',
        body: { reason },
      }),
    onSuccess: (b) => {
      form.resetFields();
      props.onDone(b);
    },
  });
  return (
    <Modal
      open={props.open}
      title={t('progress.reopenTitle', { unit: props.batch.unitName })}
      okText={t('progress.reopen')}
      okButtonProps={{ danger: true, loading: reopen.isPending }}
      cancelText={t('common.cancel')}
      onCancel={props.onClose}
      onOk={() =>
        form.validateFields().then(
          (v) => reopen.mutate(v.reason.trim()),
          () => undefined, // the messages are on the field
        )
      }
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('progress.reopenHint')}</Typography.Paragraph>
      {reopen.error != null && (
        <Alert type="error" showIcon title={errorText(reopen.error)} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" name="reopen">
        <Form.Item
          name="reason"
          label={t('progress.reopenReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('progress.reopenReasonRequired'),
            },
            { min: 2, message: t('progress.reopenReasonRequired') },
            { max: REASON_MAX },
          ]}
        >
          <Input.TextArea
            rows={4}
            maxLength={REASON_MAX}
            showCount
            data-testid="reopen-reason"
            placeholder={t('progress.reopenPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 附件3 rows in rank order. */
export function SummaryRows({ rows }: { rows: SummaryRow[] }) {
  const { t } = useI18n();
  return (
    <Table<SummaryRow>
      size="small"
      rowKey="applicationId"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1300 }}
      locale={{ emptyText: t('progress.noRows') }}
      columns={[
        { title: t('progress.rank'), dataIndex: 'rank', width: 60, fixed: 'left' },
        { title: t('progress.solution'), dataIndex: 'solutionName', width: 200 },
        { title: t('progress.category'), dataIndex: 'category', width: 120 },
        { title: t('progress.applicant'), dataIndex: 'applicantName', width: 180 },
        { title: t('progress.uscc'), dataIndex: 'uscc', width: 170 },
        { title: t('progress.region'), dataIndex: 'region', width: 110 },
        { title: t('progress.industry'), dataIndex: 'industry', width: 160 },
        { title: t('progress.appCount'), dataIndex: 'appCount', width: 80 },
        { title: t('progress.platform'), dataIndex: 'platform', width: 140 },
        { title: t('progress.contact'), dataIndex: 'contactName', width: 90 },
        { title: t('progress.phone'), dataIndex: 'phone', width: 120 },
      ]}
    />
  );
}

/** 查看报送: one unit's batch — 附件3 rows, the stamped scan, downloads, and 重新开放. */
export function BatchDrawer(props: {
  campaignId: string;
  unitId: string | null;
  unitName?: string;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const batch = useBatch(props.campaignId, props.unitId ?? undefined);
  const [reopening, setReopening] = useState(false);
  const b = batch.data;
  const base = props.unitId ? `/api/v1${batchPath(props.campaignId, props.unitId)}` : '';
  return (
    <Drawer
      open={!!props.unitId}
      onClose={props.onClose}
      size={1000}
      title={t('progress.batchTitle', { unit: b?.unitName ?? props.unitName ?? '' })}
      data-testid="batch-drawer"
      extra={
        b?.state === 'signed_off' && (
          <Button danger onClick={() => setReopening(true)} data-testid="reopen">
            {t('progress.reopen')}
          </Button>
        )
      }
    >
      {batch.isPending && props.unitId && <Loading />}
      <ErrorAlert error={batch.error} onRetry={() => void batch.refetch()} />
      {b && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t('progress.unit')}>{b.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('progress.type')}>
              {RECOMMENDER_UNIT_TYPE_LABELS[b.unitType]?.[lang] ?? b.unitType}
            </Descriptions.Item>
            <Descriptions.Item label={t('progress.batchState')}>
              {b.state === 'signed_off' ? (
                <Tag color="green">
                  {t('progress.signedOffAt', { at: formatDateTime(b.signedOffAt) })}
                </Tag>
              ) : (
                <Tag>{t('progress.state.open')}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('progress.recommendedOfQuota')}>
              {b.recommended} / {b.quota}
            </Descriptions.Item>
            <Descriptions.Item label={t('progress.stampedScan')}>
              {b.stampedScan ? (
                <a href={`${base}/stamped-scan`} data-testid="stamped-scan">
                  <PaperClipOutlined /> {b.stampedScan.filename}（{formatSize(b.stampedScan.size)}，
                  {formatDateTime(b.stampedScan.createdAt)}）
                </a>
              ) : (
                <Typography.Text type="secondary">{t('progress.noScan')}</Typography.Text>
              )}
            </Descriptions.Item>
            {b.reopenedAt && (
              <Descriptions.Item label={t('progress.reopenedAt')}>
                {formatDateTime(b.reopenedAt)}
                {b.reopenReason && `（${embeddedComment(b.reopenReason)}）`}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Flex gap={8} wrap>
            <Button icon={<FileExcelOutlined />} href={`${base}/summary-table.xlsx`}>
              {t('progress.downloadXlsx')}
            </Button>
            <Button icon={<FilePdfOutlined />} href={`${base}/summary-table.pdf`}>
              {t('progress.downloadPdf')}
            </Button>
          </Flex>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('progress.rowsTitle')}
          </Typography.Title>
          <SummaryRows rows={b.rows} />
          <ReopenModal
            open={reopening}
            batch={b}
            onClose={() => setReopening(false)}
            onDone={(next) => {
              setReopening(false);
              qc.setQueryData(batchKey(next.campaignId, next.unitId), next);
              void qc.invalidateQueries({ queryKey: ['progress', next.campaignId] });
              message.success(t('progress.reopened', { unit: next.unitName }));
            }}
          />
        </Flex>
      )}
    </Drawer>
  );
}
