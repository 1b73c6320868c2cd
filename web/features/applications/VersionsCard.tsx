import { Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { pdfUrl, type Application, type VersionSummary } from '../../lib/applications';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

/** The submitted versions, each with its verification code and print-outs. */
export function VersionsCard({ app, versions }: { app: Application; versions: VersionSummary[] }) {
  const { t } = useI18n();
  if (!versions.length) return null;
  return (
    <Card title={t('editor.versions')} data-testid="versions">
      <Table
        size="small"
        rowKey="versionNo"
        pagination={false}
        dataSource={[...versions].sort((a, b) => b.versionNo - a.versionNo)}
        columns={[
          {
            title: t('editor.version'),
            dataIndex: 'versionNo',
            render: (n: number) => (
              <Flex gap={6}>
                {t('editor.versionN', { n })}
                {n === app.currentVersionNo && app.state !== 'draft' && (
                  <Tag color="green">{t('editor.current')}</Tag>
                )}
              </Flex>
            ),
          },
          {
            title: t('editor.verificationCode'),
            dataIndex: 'verificationCode',
            render: (c: string) => (
              <Typography.Text code copyable data-testid="verification-code">
                {c}
              </Typography.Text>
            ),
          },
          {
            title: t('editor.submittedAt'),
            dataIndex: 'submittedAt',
            render: (at: string) => formatDateTime(at),
          },
          { title: t('apps.words'), dataIndex: 'wordCount' },
          {
            title: t('editor.print'),
            key: 'print',
            render: (_: unknown, v: VersionSummary) => (
              <Space>
                <a href={pdfUrl(app.id, v.versionNo, 'pdf')}>PDF</a>
                <a href={pdfUrl(app.id, v.versionNo, 'docx')}>Word</a>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
