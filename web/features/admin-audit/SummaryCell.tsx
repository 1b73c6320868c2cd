import { Typography } from 'antd';
import type { AuditEvent } from '../../lib/types';

/** An audit row's changes as plain lines: 字段: before → after, by label (the key in a tooltip). */
export function SummaryCell({ event }: { event: AuditEvent }) {
  const { changes, note } = event;
  if (!changes.length && !note) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div style={{ fontSize: 12, lineHeight: 1.6 }}>
      {changes.map((c) => (
        <div key={c.key}>
          <Typography.Text type="secondary" title={c.key}>
            {c.label}：
          </Typography.Text>
          {c.before !== null && (
            <>
              <Typography.Text delete>{c.before}</Typography.Text> →{' '}
            </>
          )}
          <Typography.Text>{c.after ?? '—'}</Typography.Text>
        </div>
      ))}
      {note && <div style={{ whiteSpace: 'pre-wrap' }}>{note}</div>}
    </div>
  );
}
