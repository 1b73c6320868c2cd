import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Result, Space, Table, Tooltip, Typography } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { deskPath, type SummaryRow } from '../../lib/desk';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { batchFileUrl, useSaveRanking } from './api';
import { DeskFrame, type Desk } from './DeskFrame';
import { SignOffCard } from './SignOffCard';
import { StampedScanCard } from './StampedScanCard';
import { moveItem, orderChanged } from './ranking';

/** A row of 附件3 as getBatch sends it: flagged when it has an open or confirmed duplicate finding. */
type Row = SummaryRow;

function Batch({ desk }: { desk: Desk }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { batch, campaign, unitId, signedOff } = desk;
  const saved = useMemo(() => batch.rows.map((r) => r.applicationId), [batch.rows]);
  // the order on screen until saved; a different saved order from the server replaces it
  const [local, setLocal] = useState<{ base: string[]; order: string[] } | null>(null);
  const order = local && !orderChanged(local.base, saved) ? local.order : saved;
  const setOrder = (next: string[]) => setLocal({ base: saved, order: next });
  const byId = new Map(batch.rows.map((r) => [r.applicationId, r]));
  const rows = order.map((id) => byId.get(id)).filter((r): r is Row => !!r);
  const flagged = rows.filter((r) => r.flagged);
  const dirty = orderChanged(order, saved);
  const ranking = useSaveRanking(campaign.id, unitId);
  const base = deskPath(campaign.id);

  const move = (index: number, delta: number) => setOrder(moveItem(order, index, index + delta));

  return (
    <Flex vertical gap={16}>
      {signedOff && (
        <Result
          status="success"
          data-testid="signed-off"
          title={t('desk.signOff.doneTitle', { at: formatDateTime(batch.signedOffAt) })}
          subTitle={t('desk.signOff.doneText')}
          style={{ padding: 16 }}
        />
      )}
      <Card
        title={t('desk.batch.rowsTitle')}
        extra={
          <Space wrap>
            <Button
              icon={<FileExcelOutlined />}
              href={batchFileUrl(campaign.id, unitId, 'summary-table.xlsx')}
              data-testid="download-xlsx"
              disabled={batch.rows.length === 0}
            >
              {t('desk.batch.downloadXlsx')}
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              href={batchFileUrl(campaign.id, unitId, 'summary-table.pdf')}
              data-testid="download-summary-pdf"
              disabled={batch.rows.length === 0}
            >
              {t('desk.batch.downloadPdf')}
            </Button>
          </Space>
        }
      >
        {dirty && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('desk.ranking.unsaved')}
            data-testid="ranking-unsaved"
          />
        )}
        <ErrorAlert error={ranking.error} />
        <Table<Row>
          rowKey="applicationId"
          onRow={(r) => (r.flagged ? { style: { background: '#fff1f0' } } : {})}
          size="small"
          data-testid="ranking-table"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 1500 }}
          locale={{ emptyText: t('desk.ranking.empty') }}
          columns={[
            {
              title: t('desk.col.rank'),
              key: 'rank',
              width: 64,
              align: 'center',
              render: (_, __, i) => <Typography.Text strong>{i + 1}</Typography.Text>,
            },
            {
              title: t('desk.col.solution'),
              dataIndex: 'solutionName',
              width: 180,
              render: (name: string, r) => (
                <Flex gap={4} wrap align="center">
                  <Link to={`${base}/applications/${r.applicationId}`}>{name}</Link>
                  {r.flagged && (
                    // an icon, not text: the cell keeps the name alone (附件3 is read by name)
                    <Tooltip
                      title={t(
                        r.duplicate === 'confirmed'
                          ? 'dup.batch.confirmedTag'
                          : 'dup.batch.flagged',
                      )}
                    >
                      <WarningFilled
                        style={{ color: '#ff4d4f' }}
                        aria-label={t('dup.batch.flagged')}
                        data-testid="batch-flagged"
                      />
                    </Tooltip>
                  )}
                </Flex>
              ),
            },
            { title: t('desk.col.category'), dataIndex: 'category', width: 120 },
            { title: t('desk.col.applicant'), dataIndex: 'applicantName', width: 180 },
            {
              title: t('field.uscc'),
              dataIndex: 'uscc',
              width: 190,
              onCell: () => ({ style: { whiteSpace: 'nowrap', fontFamily: 'monospace' } }),
            },
            { title: t('desk.col.region'), dataIndex: 'region', width: 110 },
            { title: t('desk.col.industry'), dataIndex: 'industry', width: 140 },
            { title: t('desk.col.appCount'), dataIndex: 'appCount', align: 'center', width: 80 },
            { title: t('desk.col.platform'), dataIndex: 'platform', width: 140 },
            { title: t('field.contactName'), dataIndex: 'contactName', width: 90 },
            { title: t('field.phone'), dataIndex: 'phone', width: 140 },
            ...(signedOff
              ? []
              : [
                  {
                    title: t('desk.ranking.move'),
                    key: 'move',
                    fixed: 'right' as const,
                    width: 110,
                    render: (_: unknown, r: Row, i: number) => (
                      <Space size={4}>
                        <Button
                          size="small"
                          icon={<ArrowUpOutlined />}
                          disabled={i === 0}
                          aria-label={t('desk.ranking.up', { name: r.solutionName })}
                          title={t('desk.ranking.upShort')}
                          onClick={() => move(i, -1)}
                        />
                        <Button
                          size="small"
                          icon={<ArrowDownOutlined />}
                          disabled={i === rows.length - 1}
                          aria-label={t('desk.ranking.down', { name: r.solutionName })}
                          title={t('desk.ranking.downShort')}
                          onClick={() => move(i, 1)}
                        />
                      </Space>
                    ),
                  },
                ]),
          ]}
        />
        {!signedOff && (
          <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
            <Button disabled={!dirty} onClick={() => setOrder(saved)}>
              {t('desk.ranking.undo')}
            </Button>
            <Button
              type="primary"
              disabled={!dirty}
              loading={ranking.isPending}
              data-testid="save-ranking"
              onClick={() =>
                ranking.mutate(order, { onSuccess: () => message.success(t('desk.ranking.saved')) })
              }
            >
              {t('desk.ranking.save')}
            </Button>
          </Flex>
        )}
      </Card>

      <StampedScanCard desk={desk} />

      {!signedOff && (
        <SignOffCard
          desk={desk}
          dirty={dirty}
          flagged={flagged}
          nameOf={(id) => byId.get(id)?.solutionName ?? id}
        />
      )}
    </Flex>
  );
}

/** /desk/:campaignId/batch — 附件3 in rank order, the stamped scan and 确认报送. */
export function BatchPage() {
  const { campaignId = '' } = useParams();
  return (
    <DeskFrame campaignId={campaignId} view="batch">
      {(desk) => <Batch desk={desk} />}
    </DeskFrame>
  );
}
