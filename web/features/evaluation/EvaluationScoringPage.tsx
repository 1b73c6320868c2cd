// /evaluations/:assignmentId — 系统评价 of one published solution: on the left what the
// expert weighs (the published facts, the application as forwarded, the enterprise's 自查评估 and
// the 随机抽查 findings, each in its own section); on the right a score per dimension with its
// guidance, the comment, 保存 and 提交.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Input,
  InputNumber,
  Result,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { evaluationSubmitProblems } from '../../../domain/evaluation';
import type { FormDeclaration } from '../../../domain/form';
import { weightedTotal } from '../../../domain/review';
import { scoreProblem } from '../../../domain/review-scoring';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ReadOnlyApplication } from '../../components/ReadOnlyApplication';
import { ApiError } from '../../lib/api';
import { formatDateTime, formatDeadline } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import {
  evaluationAttachmentUrl,
  useMyEvaluation,
  useSaveEvaluation,
  type MyEvaluationDetail,
} from './api';
import { ScoreStateTag } from './ScoreStateTag';

export function EvaluationScoringPage() {
  const { assignmentId = '' } = useParams();
  const { t, errorText } = useI18n();
  const q = useMyEvaluation(assignmentId);
  const [generation, setGeneration] = useState(0);
  const back = (
    <Link to="/evaluations">
      <ArrowLeftOutlined /> {t('eval.my.back')}
    </Link>
  );
  if (q.error instanceof ApiError && [400, 404].includes(q.error.status))
    return <Result status="404" title={errorText(q.error)} extra={back} />;
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Loading />;
  const d = q.data;
  return (
    <Flex vertical gap={16}>
      {back}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <SolutionFacts d={d} />
            <SelfEvaluationSection d={d} />
            <SpotCheckSection d={d} />
            <Card size="small" title={t('eval.view.application')}>
              {d.application ? (
                <ReadOnlyApplication
                  appId={d.application.applicationId}
                  form={d.application.form as unknown as FormDeclaration}
                  data={d.application.data}
                  attachments={d.application.attachments}
                  settings={{ categories: d.application.categories }}
                  attachmentHref={(id) => evaluationAttachmentUrl(assignmentId, id)}
                />
              ) : (
                <Typography.Text type="secondary">{t('eval.view.noApplication')}</Typography.Text>
              )}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <div style={{ position: 'sticky', top: 16 }}>
            <ScoreForm
              key={generation}
              d={d}
              onReload={() => void q.refetch().then(() => setGeneration((g) => g + 1))}
            />
          </div>
        </Col>
      </Row>
    </Flex>
  );
}

function SolutionFacts({ d }: { d: MyEvaluationDetail }) {
  const { t, lang } = useI18n();
  const s = d.solution;
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="eval-solution-title">
          {s.solutionName}
        </Typography.Title>
      }
      extra={<ScoreStateTag state={d.scores.scoreState} />}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'id', label: t('eval.col.publicId'), children: s.publicId },
          { key: 'e', label: t('eval.col.enterprise'), children: s.enterpriseName },
          { key: 'c', label: t('eval.col.category'), children: s.categoryName },
          { key: 'r', label: t('eval.view.region'), children: s.regionName },
          {
            key: 'i',
            label: t('eval.view.industries'),
            children: s.industries.map((i) => i.name).join('、') || '—',
          },
          { key: 'u', label: t('eval.view.unit'), children: s.unitName },
          {
            key: 'v',
            label: t('eval.view.validity'),
            children: `${s.validFrom} ~ ${s.validUntil}（${t(`eval.status.${s.status as 'valid'}`)}）`,
          },
          {
            key: 'a',
            label: t('eval.view.apps'),
            children: s.apps.map((a) => `${a.name} ${a.version}`).join('、') || '—',
          },
          {
            key: 'd',
            label: t('eval.col.deadline'),
            children: (
              <Typography.Text type={d.assignment.closed ? 'danger' : undefined}>
                {formatDeadline(d.assignment.deadline, lang)}
                {d.assignment.closed ? ` · ${t('eval.my.closed')}` : ''}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
        {s.summary}
      </Typography.Paragraph>
    </Card>
  );
}

/** 自查评估: what the enterprise filed and its recommender handled. */
function SelfEvaluationSection({ d }: { d: MyEvaluationDetail }) {
  const { t } = useI18n();
  const s = d.selfEvaluation;
  return (
    <Card size="small" title={t('eval.view.selfEvaluation')} data-testid="eval-self-evaluation">
      {s ? (
        <Flex vertical gap={8}>
          <Space wrap>
            <Typography.Text strong>{s.title}</Typography.Text>
            <Tag>{t(`eval.self.${s.state}`)}</Tag>
            {s.forwardedAt && (
              <Typography.Text type="secondary">
                {t('eval.self.forwardedAt', { at: formatDateTime(s.forwardedAt) })}
              </Typography.Text>
            )}
          </Space>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={s.sections.map((x, i) => ({ key: i, label: x.label, children: x.value }))}
          />
        </Flex>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('eval.view.noSelfEvaluation')} />
      )}
    </Card>
  );
}

const CONCLUSION_COLORS = { pass: 'green', minor: 'gold', fail: 'red' } as const;

/** 随机抽查: each spot check's method, conclusion and finding on this solution. */
function SpotCheckSection({ d }: { d: MyEvaluationDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('eval.view.spotChecks')} data-testid="eval-spot-checks">
      {d.spotChecks.length ? (
        <Flex vertical gap={8}>
          {d.spotChecks.map((f, i) => (
            <Flex key={i} vertical gap={4}>
              <Space wrap>
                <Typography.Text strong>{f.spotCheckTitle}</Typography.Text>
                <Tag>{t(`eval.spot.${f.method}`)}</Tag>
                {f.conclusion ? (
                  <Tag color={CONCLUSION_COLORS[f.conclusion]}>
                    {t(`eval.spot.${f.conclusion}`)}
                  </Tag>
                ) : (
                  <Tag>{t('eval.spot.pending')}</Tag>
                )}
                {f.recordedAt && (
                  <Typography.Text type="secondary">{formatDateTime(f.recordedAt)}</Typography.Text>
                )}
              </Space>
              {f.finding && <Typography.Text>{f.finding}</Typography.Text>}
            </Flex>
          ))}
        </Flex>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('eval.view.noSpotChecks')} />
      )}
    </Card>
  );
}

function ScoreForm({ d, onReload }: { d: MyEvaluationDetail; onReload: () => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const { save, submit } = useSaveEvaluation(d.assignment.id);
  const [scores, setScores] = useState<Record<string, number>>(d.scores.scores);
  const [comment, setComment] = useState(d.scores.comment);
  const [dirty, setDirty] = useState(false);
  const locked = d.scores.scoreState === 'submitted' || d.assignment.closed;
  const conflict =
    (save.error instanceof ApiError && save.error.code === 'REVIEW_CONFLICT') ||
    (submit.error instanceof ApiError && submit.error.code === 'REVIEW_CONFLICT');
  const problems = d.rubric
    .map((c) => (scores[c.code] === undefined ? null : scoreProblem(c, scores[c.code])))
    .filter((p): p is string => p !== null);
  const missing = evaluationSubmitProblems(d.rubric, scores);
  const total = weightedTotal(d.rubric, scores);
  const doSave = () =>
    save.mutateAsync({ scores, comment, baseVersion: d.scores.version }).then((s) => {
      setDirty(false);
      return s;
    });
  return (
    <Card
      size="small"
      title={t('eval.view.scoring')}
      data-testid="eval-score-form"
      extra={
        <Typography.Text strong data-testid="eval-total">
          {t('eval.view.total', { n: total.toFixed(2) })}
        </Typography.Text>
      }
    >
      <Flex vertical gap={12}>
        {d.scores.scoreState === 'submitted' && (
          <Alert
            type="success"
            showIcon
            title={t('eval.view.submitted', { at: formatDateTime(d.scores.submittedAt) })}
          />
        )}
        {d.assignment.closed && d.scores.scoreState !== 'submitted' && (
          <Alert type="warning" showIcon title={t('eval.my.closed')} />
        )}
        {d.rubric.map((c) => (
          <Flex key={c.code} vertical gap={4} data-testid={`eval-dim-${c.code}`}>
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong>{c.name}</Typography.Text>
              <Space>
                <InputNumber
                  aria-label={c.name}
                  min={0}
                  max={c.maxScore}
                  step={0.5}
                  disabled={locked}
                  status={
                    scores[c.code] !== undefined && scoreProblem(c, scores[c.code])
                      ? 'error'
                      : undefined
                  }
                  value={scores[c.code] ?? null}
                  onChange={(n) => {
                    const next = { ...scores };
                    if (n === null) delete next[c.code];
                    else next[c.code] = n;
                    setScores(next);
                    setDirty(true);
                  }}
                />
                <Typography.Text type="secondary">
                  {t('eval.view.max', { max: c.maxScore })}
                </Typography.Text>
              </Space>
            </Flex>
            {c.guidance && (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {c.guidance}
              </Typography.Text>
            )}
          </Flex>
        ))}
        <Input.TextArea
          aria-label={t('eval.view.comment')}
          placeholder={t('eval.view.commentPlaceholder')}
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={5000}
          disabled={locked}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setDirty(true);
          }}
        />
        {problems.length > 0 && <Alert type="error" showIcon title={problems.join('；')} />}
        {conflict ? (
          <Alert
            type="warning"
            showIcon
            title={t('eval.view.conflict')}
            action={<Button onClick={onReload}>{t('expert.review.reload')}</Button>}
          />
        ) : (
          (save.error ?? submit.error) && (
            <Alert type="error" showIcon title={errorText(save.error ?? submit.error)} />
          )
        )}
        {!locked && (
          <Flex justify="space-between" align="center">
            <Typography.Text type="secondary">
              {dirty
                ? t('eval.view.unsaved')
                : t('eval.view.savedAt', { at: formatDateTime(d.scores.updatedAt) })}
            </Typography.Text>
            <Space>
              <Button
                loading={save.isPending}
                disabled={problems.length > 0}
                data-testid="eval-save"
                onClick={() =>
                  void doSave().then(
                    () => void message.success(t('eval.view.saved')),
                    () => {},
                  )
                }
              >
                {t('eval.view.save')}
              </Button>
              <Button
                type="primary"
                loading={submit.isPending}
                disabled={missing.length > 0}
                data-testid="eval-submit"
                title={missing.map((m) => m.message).join('；')}
                onClick={() =>
                  void (dirty ? doSave() : Promise.resolve(d.scores))
                    .then((s) => submit.mutateAsync(s.version))
                    .then(
                      () => void message.success(t('eval.view.submittedNow')),
                      () => {},
                    )
                }
              >
                {t('eval.view.submit')}
              </Button>
            </Space>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
