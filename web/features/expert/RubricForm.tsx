// The rubric form: each criterion with its guidance and a score from 0 to its maximum (halves), the
// weighted total live, the recommendation, the comment with its 字数 against the minimum. Saved a
// moment after each change over the version it was edited from (409: a newer version elsewhere —
// nothing is overwritten); 提交 after a confirmation; read-only once submitted or closed.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Typography,
} from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { weightedTotal } from '../../../domain/review';
import { scoreProblem, submitProblems, SCORE_STEP } from '../../../domain/review-scoring';
import { countWords } from '../../../domain/word-count';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { MyReview, MyReviewDetail, ReviewContent } from './api';

export const AUTOSAVE_MS = 2000;

type Status =
  | { kind: 'saved' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'invalid' }
  | { kind: 'error'; reason: string }
  | { kind: 'conflict' };

type Scores = Record<string, number | null>;

/** The scores given so far (empty inputs left out). */
export function givenScores(scores: Scores): Record<string, number> {
  return Object.fromEntries(
    Object.entries(scores).filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
}

/** The weighted total as shown: at most two decimals. */
export const shownTotal = (x: number) => String(Math.round(x * 100) / 100);

export function RubricForm(props: {
  detail: MyReviewDetail;
  save: (base: number, content: ReviewContent) => Promise<MyReview>;
  submit: (base: number) => Promise<MyReview>;
  onReload: () => void;
  autosaveMs?: number;
}) {
  const { t, errorText } = useI18n();
  const { modal, message } = App.useApp();
  const { detail } = props;
  const rubric = detail.rubric;
  const [review, setReview] = useState<MyReview>(detail.review);
  const [scores, setScores] = useState<Scores>(() =>
    Object.fromEntries(rubric.map((c) => [c.code, detail.review.scores[c.code] ?? null])),
  );
  const [recommendation, setRecommendation] = useState<string | null>(detail.review.recommendation);
  const [comment, setComment] = useState(detail.review.comment);
  const [status, setStatus] = useState<Status>({ kind: 'saved' });
  const [submitting, setSubmitting] = useState(false);
  const readOnly = review.state === 'submitted' || detail.assignment.closed;

  const content: ReviewContent = useMemo(
    () => ({ scores: givenScores(scores), recommendation, comment }),
    [scores, recommendation, comment],
  );
  const problems = useMemo(
    () => Object.fromEntries(rubric.map((c) => [c.code, scoreProblem(c, scores[c.code] ?? 0)])),
    [rubric, scores],
  );
  const invalid = rubric.some((c) => scores[c.code] !== null && problems[c.code]);
  // the total of the valid scores (an out-of-range one counts only once corrected)
  const total = weightedTotal(
    rubric,
    Object.fromEntries(Object.entries(content.scores).filter(([code]) => !problems[code])),
  );
  const words = countWords(comment);
  const missing = submitProblems(
    rubric,
    { commentMinChars: detail.commentMinChars, recommendations: detail.recommendations },
    content,
  );

  // the latest of everything the save needs, for the timer and for leaving the page
  const latest = useRef({ content, review, invalid, readOnly, status });
  latest.current = { content, review, invalid, readOnly, status };
  const conflicted = useRef(false); // a newer version elsewhere: no more saving from this page
  const seq = useRef(0); // changes made
  const savedSeq = useRef(0); // changes the server has
  const timer = useRef<number | undefined>(undefined);
  const inflight = useRef<Promise<MyReview | null> | null>(null);

  const flush = useCallback(async (): Promise<MyReview | null> => {
    if (inflight.current) await inflight.current;
    const cur = latest.current;
    if (cur.readOnly || conflicted.current) return null;
    if (seq.current === savedSeq.current) return cur.review;
    if (cur.invalid) {
      setStatus({ kind: 'invalid' });
      return null;
    }
    window.clearTimeout(timer.current);
    const mySeq = seq.current;
    setStatus({ kind: 'saving' });
    const run = (async () => {
      try {
        const saved = await props.save(cur.review.version, cur.content);
        savedSeq.current = mySeq;
        latest.current.review = saved;
        setReview(saved);
        setStatus(seq.current === mySeq ? { kind: 'saved' } : { kind: 'dirty' });
        return saved;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'REVIEW_CONFLICT') {
          conflicted.current = true;
          setStatus({ kind: 'conflict' });
        } else setStatus({ kind: 'error', reason: errorText(e) });
        return null;
      } finally {
        inflight.current = null;
      }
    })();
    inflight.current = run;
    const saved = await run;
    // changes made while saving: save them too
    if (saved && seq.current !== savedSeq.current)
      timer.current = window.setTimeout(() => void flush(), props.autosaveMs ?? AUTOSAVE_MS);
    return saved;
  }, [props, errorText]);

  const changed = () => {
    seq.current++;
    if (conflicted.current) return;
    setStatus({ kind: 'dirty' });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), props.autosaveMs ?? AUTOSAVE_MS);
  };

  // leaving with changes: save them (the request outlives the page)
  const saveOnLeave = useRef(props.save);
  saveOnLeave.current = props.save;
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      const cur = latest.current;
      if (seq.current !== savedSeq.current && !cur.invalid && !cur.readOnly && !conflicted.current)
        void Promise.resolve(saveOnLeave.current(cur.review.version, cur.content)).catch(
          () => undefined,
        );
    },
    [],
  );

  const doSubmit = () =>
    modal.confirm({
      title: t('expert.review.submit'),
      content: t('expert.review.submitConfirm'),
      okText: t('expert.review.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setSubmitting(true);
        try {
          const saved = await flush();
          if (!saved) return;
          const done = await props.submit(saved.version);
          setReview(done);
          void message.success(t('expert.review.submittedOk'));
        } catch (e) {
          if (e instanceof ApiError && e.code === 'REVIEW_CONFLICT')
            setStatus({ kind: 'conflict' });
          else void message.error(errorText(e));
        } finally {
          setSubmitting(false);
        }
      },
    });

  const statusLine = (() => {
    switch (status.kind) {
      case 'saving':
        return <Typography.Text type="secondary">{t('expert.review.saving')}</Typography.Text>;
      case 'dirty':
        return <Typography.Text type="secondary">{t('expert.review.unsaved')}</Typography.Text>;
      case 'invalid':
        return <Typography.Text type="danger">{t('expert.review.invalid')}</Typography.Text>;
      case 'error':
        return (
          <Typography.Text type="danger">
            {t('expert.review.saveFailed', { reason: status.reason })}
          </Typography.Text>
        );
      case 'conflict':
        return null;
      case 'saved':
        return (
          <Typography.Text type="secondary" data-testid="review-saved">
            {review.savedAt
              ? t('expert.review.saved', { at: formatDateTime(review.savedAt) })
              : t('expert.review.notSaved')}
          </Typography.Text>
        );
    }
  })();

  return (
    <Card
      size="small"
      title={t('expert.review.rubric')}
      extra={!readOnly && <span aria-live="polite">{statusLine}</span>}
      data-testid="rubric-form"
    >
      <Flex vertical gap={12}>
        {review.state === 'submitted' && review.submittedAt && (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleOutlined />}
            title={t('expert.review.submittedAt', { at: formatDateTime(review.submittedAt) })}
          />
        )}
        {review.state !== 'submitted' && detail.assignment.closed && (
          <Alert type="warning" showIcon title={t('expert.review.closed')} />
        )}
        {review.state === 'draft' && review.reopenReason && (
          <Alert
            type="info"
            showIcon
            title={t('expert.review.reopened', { reason: review.reopenReason })}
          />
        )}
        {status.kind === 'conflict' && (
          <Alert
            type="error"
            showIcon
            title={t('expert.review.conflict')}
            action={
              <Button size="small" onClick={props.onReload}>
                {t('expert.review.reload')}
              </Button>
            }
          />
        )}
        <Form layout="vertical" component="div" disabled={readOnly}>
          {rubric.map((c) => {
            const value = scores[c.code] ?? null;
            const problem = value !== null ? problems[c.code] : null;
            return (
              <Form.Item
                key={c.code}
                label={`${c.name}（${t('expert.review.maxScore', { max: c.maxScore })}）`}
                htmlFor={`score-${c.code}`}
                validateStatus={problem ? 'error' : undefined}
                help={problem ?? undefined}
                extra={c.guidance}
                style={{ marginBottom: 12 }}
              >
                <InputNumber
                  id={`score-${c.code}`}
                  data-testid={`score-${c.code}`}
                  value={value}
                  step={SCORE_STEP}
                  // halves are allowed, but 16 reads as 16, not 16.0
                  formatter={(v) => String(v ?? '').replace(/\.0$/, '')}
                  style={{ width: 140 }}
                  onChange={(v) => {
                    setScores((s) => ({ ...s, [c.code]: typeof v === 'number' ? v : null }));
                    changed();
                  }}
                />
              </Form.Item>
            );
          })}
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'total',
                label: t('expert.review.total'),
                children: (
                  <Typography.Text strong style={{ fontSize: 18 }} data-testid="review-total">
                    {shownTotal(total)}
                  </Typography.Text>
                ),
              },
            ]}
          />
          <Form.Item label={t('expert.review.recommendation')} style={{ marginBottom: 12 }}>
            <Radio.Group
              value={recommendation}
              onChange={(e) => {
                setRecommendation(e.target.value as string);
                changed();
              }}
              options={detail.recommendations.map((o) => ({ value: o.code, label: o.label }))}
            />
          </Form.Item>
          <Form.Item
            label={t('expert.review.comment')}
            htmlFor="review-comment"
            style={{ marginBottom: 4 }}
          >
            <Input.TextArea
              id="review-comment"
              data-testid="review-comment"
              value={comment}
              autoSize={{ minRows: 5, maxRows: 16 }}
              maxLength={5000}
              placeholder={t('expert.review.commentPlaceholder')}
              onChange={(e) => {
                setComment(e.target.value);
                changed();
              }}
            />
          </Form.Item>
          <Typography.Text
            type={words < detail.commentMinChars ? 'danger' : 'secondary'}
            data-testid="comment-count"
          >
            {t('expert.review.commentCount', { n: words, min: detail.commentMinChars })}
          </Typography.Text>
        </Form>
        {!readOnly && (
          <>
            {missing.length > 0 && (
              <Alert
                type="warning"
                title={t('expert.review.missing')}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="review-missing">
                    {missing.map((p) => (
                      <li key={p.path}>{p.message}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <Button
              type="primary"
              block
              disabled={missing.length > 0 || status.kind === 'conflict'}
              loading={submitting}
              onClick={doSubmit}
              data-testid="review-submit"
            >
              {t('expert.review.submit')}
            </Button>
          </>
        )}
      </Flex>
    </Card>
  );
}
