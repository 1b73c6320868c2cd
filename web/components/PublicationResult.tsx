// 入选: an application's place in the published list as its enterprise and its recommender read it —
// the public id, the list and its 文号, the validity and today's status; the enterprise downloads
// its 入选证明 here. Nothing before the list naming it is published.
import { Alert, Button, Descriptions, Flex, Tag } from 'antd';
import { PictureOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { formatPlainDate } from '../lib/format';
import { useI18n } from '../lib/i18n';
import {
  certificateUrl,
  PUBLISHED_STATUS_ALERTS,
  PUBLISHED_STATUS_COLORS,
  type ApplicationPublication,
  type PublishedStatus,
} from '../lib/publication';

export function PublishedStatusTag({ status }: { status: PublishedStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={PUBLISHED_STATUS_COLORS[status]} data-testid="published-status">
      {t(`publication.status.${status}`)}
    </Tag>
  );
}

export function PublicationResult(props: {
  applicationId: string;
  publication: ApplicationPublication | null | undefined;
  /** the owning enterprise: offered the 入选证明 */
  canDownload: boolean;
  /** its recommender: the 成果展示 to read (the enterprise always has it) */
  canViewShowcase?: boolean;
}) {
  const { t, lang } = useI18n();
  const p = props.publication;
  if (!p) return null;
  const validity = t('publication.validity', {
    from: formatPlainDate(p.validFrom, lang),
    until: formatPlainDate(p.validUntil, lang),
  });
  return (
    <Alert
      type={PUBLISHED_STATUS_ALERTS[p.status]}
      showIcon
      icon={<SafetyCertificateOutlined />}
      data-testid="publication-result"
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t('publication.awarded', { title: p.listTitle })}</span>
          <PublishedStatusTag status={p.status} />
        </Flex>
      }
      description={
        <Flex vertical gap={8}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('publication.publicId')}>
              <span data-testid="publication-public-id">{p.publicId}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('publication.documentNo')}>
              {p.documentNo}
            </Descriptions.Item>
            <Descriptions.Item label={t('publication.validityLabel')}>
              <span data-testid="publication-validity">{validity}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('publication.code')}>
              <span style={{ fontFamily: 'monospace' }}>{p.certificateCode}</span>
            </Descriptions.Item>
          </Descriptions>
          {p.history.length > 1 && (
            <div data-testid="publication-history">
              <strong>{t('lifecycle.historyOnApplication')}</strong>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {p.history.map((e, i) => (
                  <li key={i}>{`${formatPlainDate(e.day, lang)} ${e.kindLabel}：${e.note}`}</li>
                ))}
              </ul>
            </div>
          )}
          {(props.canDownload || props.canViewShowcase) && (
            <Flex gap={8} wrap>
              {props.canDownload && (
                <Button
                  type="primary"
                  icon={<SafetyCertificateOutlined />}
                  href={certificateUrl(props.applicationId)}
                  data-testid="download-certificate"
                >
                  {t('publication.download')}
                </Button>
              )}
              <Link to={`/showcase/${encodeURIComponent(p.publicId)}`}>
                <Button icon={<PictureOutlined />} data-testid="publication-showcase">
                  {t('publication.showcase')}
                </Button>
              </Link>
            </Flex>
          )}
        </Flex>
      }
    />
  );
}
