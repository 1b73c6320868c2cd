import { Typography } from 'antd';

const show = (v: unknown) =>
  v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** An audit row's summary as plain text lines: field: before → after. */
export function SummaryCell({ summary }: { summary: Record<string, unknown> }) {
  const before = asRecord(summary.before);
  const after = asRecord(summary.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const other = Object.entries(summary).filter(([k]) => k !== 'before' && k !== 'after');
  if (!fields.length && !other.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div style={{ fontSize: 12, lineHeight: 1.6 }}>
      {fields.map((f) => (
        <div key={f}>
          <Typography.Text type="secondary">{f}: </Typography.Text>
          {f in before && (
            <>
              <Typography.Text delete>{show(before[f])}</Typography.Text> →{' '}
            </>
          )}
          <Typography.Text>{f in after ? show(after[f]) : '—'}</Typography.Text>
        </div>
      ))}
      {other.map(([k, v]) => (
        <div key={k}>
          <Typography.Text type="secondary">{k}: </Typography.Text>
          {show(v)}
        </div>
      ))}
    </div>
  );
}
