// 成果展示's pieces shared by the enterprise's editor and the organizer's review page: the state's
// tag and what the public page shows now (read-only; text rendered as text, never as HTML).
import { Card, Flex, Image, Space, Tag, Typography } from 'antd';
import type { ShowcaseState } from '../../domain/showcase';
import { formatDateTime } from '../lib/format';
import { useI18n } from '../lib/i18n';
import type { ShowcaseView } from '../lib/showcase';

export const SHOWCASE_STATE_COLORS: Record<ShowcaseState, string> = {
  draft: 'default',
  pending: 'processing',
  approved: 'success',
  rejected: 'warning',
};

export function ShowcaseStateTag({ state }: { state: ShowcaseState | null }) {
  const { t } = useI18n();
  return (
    <Tag color={state ? SHOWCASE_STATE_COLORS[state] : 'default'} data-testid="showcase-state">
      {t(state ? `showcase.state.${state}` : 'showcase.state.none')}
    </Tag>
  );
}

/** What the public page shows now, read-only. */
export function PublicNow({ view }: { view: ShowcaseView }) {
  const { t } = useI18n();
  const p = view.public;
  return (
    <Card
      title={t('showcase.public.title')}
      extra={
        p && (
          <Typography.Text type="secondary">
            {t('showcase.public.since', { at: formatDateTime(p.approvedAt) })}
          </Typography.Text>
        )
      }
      data-testid="showcase-public"
    >
      {!p ? (
        <Typography.Text type="secondary">{t('showcase.public.none')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap' }}
            data-testid="showcase-public-text"
          >
            {p.text}
          </Typography.Paragraph>
          <Image.PreviewGroup>
            <Flex gap={12} wrap>
              {p.images.map((img) => (
                <Image
                  key={img.id}
                  src={img.url}
                  alt={img.filename}
                  width={160}
                  height={110}
                  style={{ objectFit: 'cover' }}
                />
              ))}
            </Flex>
          </Image.PreviewGroup>
        </Space>
      )}
    </Card>
  );
}
