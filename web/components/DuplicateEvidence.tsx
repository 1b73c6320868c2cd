// One or more duplicate findings with their evidence: what matched, why, and the overlapping passages.
import { Card, Descriptions, Empty, Flex, Progress, Tag, Typography } from 'antd';
import {
  findingLabel,
  splitMarked,
  type FindingLabel,
  type FindingState,
  type FindingView,
  type Mark,
} from '../lib/duplicates';
import { embeddedComment, formatDateTime } from '../lib/format';
import { useI18n } from '../lib/i18n';

const LABEL_COLOR: Record<FindingLabel, string> = {
  'award.same_enterprise': 'red',
  'award.related_enterprise': 'red',
  'award.different_enterprise': 'volcano',
  'application.same_enterprise': 'gold',
  'application.related_enterprise': 'orange',
  'application.different_enterprise': 'orange',
};
const STATE_COLOR: Record<FindingState, string> = {
  open: 'processing',
  confirmed: 'error',
  dismissed: 'default',
};

const markStyle = { background: '#ffe58f', padding: 0 } as const;
/** Characters of context shown around a passage. */
const CONTEXT = 30;
/** The longest piece of a passage shown next to the other side's excerpt. */
const PASSAGE = 160;

/** Text with the given ranges wrapped in <mark> — React text nodes only. */
export function MarkedText({ text, ranges }: { text: string; ranges: ReadonlyArray<Mark> }) {
  return (
    <>
      {splitMarked(text, ranges).map((p, i) =>
        p.marked ? (
          <mark key={i} style={markStyle}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

export function FindingKindTag({ finding }: { finding: FindingView }) {
  const { t } = useI18n();
  const label = findingLabel(finding);
  return (
    <Tag color={LABEL_COLOR[label]} data-testid="finding-kind">
      {t(`dup.kind.${label}`)}
    </Tag>
  );
}

export function FindingStateTag({ state }: { state: FindingState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLOR[state]} data-testid="finding-state">
      {t(`dup.state.${state}`)}
    </Tag>
  );
}

export function ScoreBar({ score }: { score: number }) {
  const { t } = useI18n();
  const pct = Math.round(Math.max(0, Math.min(1, score)) * 100);
  return (
    <Flex align="center" gap={8} style={{ minWidth: 160 }}>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {t('dup.score')}
      </Typography.Text>
      <Progress
        percent={pct}
        size="small"
        strokeColor={pct >= 80 ? '#ff4d4f' : '#faad14'}
        format={(p) => `${p}%`}
        aria-label={`${t('dup.score')} ${pct}%`}
        data-testid="finding-score"
        style={{ margin: 0, flex: 1 }}
      />
    </Flex>
  );
}

function MatchDescription({ finding }: { finding: FindingView }) {
  const { t } = useI18n();
  const m = finding.match;
  const items =
    m.kind === 'award'
      ? [
          { key: 'y', label: t('dup.match.year'), children: m.year ?? '—' },
          { key: 's', label: t('dup.match.solution'), children: m.solutionName },
          { key: 'e', label: t('dup.match.enterprise'), children: m.enterpriseName },
          {
            key: 'u',
            label: t('dup.match.uscc'),
            children: <span style={{ fontFamily: 'monospace' }}>{m.uscc ?? '—'}</span>,
          },
          { key: 'r', label: t('dup.match.recommender'), children: m.recommenderName ?? '—' },
        ]
      : [
          { key: 's', label: t('dup.match.solution'), children: m.solutionName },
          { key: 'e', label: t('dup.match.enterprise'), children: m.enterpriseName },
          { key: 'c', label: t('dup.match.channel'), children: m.channelUnitName ?? '—' },
        ];
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      title={t(m.kind === 'award' ? 'dup.match.titleAward' : 'dup.match.titleApplication')}
      items={items}
      data-testid="finding-match"
    />
  );
}

/** The evidence: each passage of this application (marked) next to the other side's excerpt. */
function Passages({ finding, text }: { finding: FindingView; text?: string }) {
  const { t } = useI18n();
  if (!finding.evidence.length)
    return <Typography.Text type="secondary">{t('dup.evidence.none')}</Typography.Text>;
  return (
    <Flex vertical gap={8} data-testid="finding-evidence">
      {finding.evidence.map((e, i) => {
        // with the full text: the passage from the offsets, with some context; else the excerpt
        const full = text !== undefined && e.application.end <= text.length ? text : null;
        const from = Math.max(0, e.application.start - CONTEXT);
        // a long passage is cut at PASSAGE characters here (no context after it); the full text has it all
        const end = Math.min(e.application.end, e.application.start + PASSAGE);
        const after = end < e.application.end ? 0 : CONTEXT;
        const to = full === null ? 0 : Math.min(full.length, end + after);
        return (
          <div
            key={i}
            data-testid="evidence-pair"
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
              gap: 8,
            }}
          >
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dup.evidence.this')} ·{' '}
                {t('dup.evidence.similarity', { n: Math.round(e.similarity * 100) })}
              </Typography.Text>
              <Typography.Paragraph
                style={{ margin: 0, whiteSpace: 'pre-wrap' }}
                data-testid="evidence-application"
              >
                {full !== null ? (
                  <>
                    {from > 0 && '…'}
                    <MarkedText
                      text={full.slice(from, to)}
                      ranges={[{ start: e.application.start - from, end: end - from }]}
                    />
                    {to < full.length && '…'}
                  </>
                ) : (
                  <mark style={markStyle}>{e.application.excerpt}</mark>
                )}
              </Typography.Paragraph>
            </div>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dup.evidence.other')}
              </Typography.Text>
              <Typography.Paragraph
                style={{ margin: 0, whiteSpace: 'pre-wrap', background: '#fafafa' }}
                data-testid="evidence-match"
              >
                {e.match.excerpt}
              </Typography.Paragraph>
            </div>
          </div>
        );
      })}
    </Flex>
  );
}

export function FindingCard({ finding, text }: { finding: FindingView; text?: string }) {
  const { t } = useI18n();
  return (
    <Card size="small" data-testid="finding">
      <Flex vertical gap={12}>
        <Flex align="center" gap={8} wrap>
          <FindingKindTag finding={finding} />
          <FindingStateTag state={finding.state} />
          <div style={{ flex: 1, minWidth: 160 }}>
            <ScoreBar score={finding.score} />
          </div>
        </Flex>
        {finding.state !== 'open' && finding.decisionReason && (
          <Typography.Text type="secondary" data-testid="finding-decision">
            {t('dup.decision', {
              reason: embeddedComment(finding.decisionReason),
              at: formatDateTime(finding.decidedAt),
            })}
          </Typography.Text>
        )}
        {finding.reasons.length > 0 && (
          <div>
            <Typography.Text strong>{t('dup.reasons')}</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }} data-testid="finding-reasons">
              {finding.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </div>
        )}
        <MatchDescription finding={finding} />
        <div>
          <Typography.Text strong>{t('dup.evidence.title')}</Typography.Text>
          <Passages finding={finding} text={text} />
        </div>
      </Flex>
    </Card>
  );
}

/**
 * Findings for one application. With `text` (the application's comparable text, which the
 * evidence offsets index into) the whole text is shown too, every overlapping passage marked.
 */
export function DuplicateEvidence({
  findings,
  text,
  showText = true,
}: {
  findings: FindingView[];
  text?: string;
  showText?: boolean;
}) {
  const { t } = useI18n();
  if (!findings.length) return <Empty description={t('dup.panel.none')} />;
  const ranges = findings.flatMap((f) => f.evidence.map((e) => e.application));
  return (
    <Flex vertical gap={12} data-testid="duplicate-evidence">
      {findings.map((f, i) => (
        <FindingCard key={f.id ?? `${f.kind}:${i}`} finding={f} text={text} />
      ))}
      {showText && text && ranges.length > 0 && (
        <details data-testid="marked-text">
          <summary style={{ cursor: 'pointer' }}>{t('dup.evidence.fullText')}</summary>
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', maxHeight: 480, overflow: 'auto', marginTop: 8 }}
          >
            <MarkedText text={text} ranges={ranges} />
          </Typography.Paragraph>
        </details>
      )}
    </Flex>
  );
}
