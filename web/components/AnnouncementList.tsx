import { Collapse, Empty, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDate } from '../lib/format';
import { useI18n } from '../lib/i18n';

export interface AnnouncementItem {
  id: string;
  title: string;
  body: string;
  createdAt: string;
}

/**
 * Announcements as date + title, each opening to its text. The text is plain: shown with its line
 * breaks, never as HTML.
 */
export function AnnouncementList<T extends AnnouncementItem>(props: {
  items: T[];
  /** opened at first (e.g. the one a message links to) */
  openId?: string | null;
  /** more about an item, under its text (organizers: whom it reached) */
  extra?: (item: T) => ReactNode;
}) {
  const { t, lang } = useI18n();
  if (props.items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ann.empty')} />;
  return (
    <Collapse
      defaultActiveKey={props.openId ? [props.openId] : []}
      items={props.items.map((a) => ({
        key: a.id,
        label: (
          <Flex gap={12} wrap>
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {formatDate(a.createdAt, lang)}
            </Typography.Text>
            <Typography.Text strong>{a.title}</Typography.Text>
          </Flex>
        ),
        children: (
          <>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {a.body}
            </Typography.Paragraph>
            {props.extra?.(a)}
          </>
        ),
      }))}
    />
  );
}
