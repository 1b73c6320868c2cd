import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Switch,
  Table,
  Typography,
} from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import type { CampaignSettings } from '../../../domain/campaign';
import { FORMAL_CHECK_RULE_LABELS, formalChecklistOf } from '../../../domain/formal-check';
import {
  DEFAULT_REVIEW_SETTINGS,
  FORMAL_CHECK_RULES,
  MIIT_2021_FORMAL_CHECKLIST,
  type FormalCheckItem,
  type FormalCheckRule,
  type RecommendationOption,
  type ReviewSettings,
} from '../../../domain/review';
import { useI18n } from '../../lib/i18n';
import { itemStatus } from './BasicsTab';
import { freshKey, moved, removed, replaced } from './declaration-edit';
import { issuesUnder, type Issue } from './draft';

type Criterion = CampaignSettings['rubric'][number];
const NO_RULE = '';

/** A list's row buttons: up, down, remove. */
function RowButtons(props: {
  i: number;
  n: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  return (
    <Flex gap={2}>
      <Button
        size="small"
        type="text"
        icon={<ArrowUpOutlined />}
        aria-label={t('cfg.moveUp')}
        disabled={props.i === 0}
        onClick={() => props.onMove(-1)}
      />
      <Button
        size="small"
        type="text"
        icon={<ArrowDownOutlined />}
        aria-label={t('cfg.moveDown')}
        disabled={props.i === props.n - 1}
        onClick={() => props.onMove(1)}
      />
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={t('cfg.remove')}
        onClick={props.onRemove}
      />
    </Flex>
  );
}

/**
 * 形式审查与评分: the formal checklist (each item's automatic rule and whether it is a veto), the
 * experts' rubric and the review settings — campaign data, changeable until a review round is
 * published (then shown read-only, with the reason).
 */
export function ReviewTab(props: {
  value: CampaignSettings;
  onChange: (v: CampaignSettings) => void;
  issues: readonly Issue[];
  locked: boolean;
  reason: string | null;
}) {
  const { t } = useI18n();
  const s = props.value;
  const checklist = formalChecklistOf(s);
  const review: ReviewSettings = { ...DEFAULT_REVIEW_SETTINGS, ...s.review };
  const setChecklist = (formalChecklist: FormalCheckItem[]) =>
    props.onChange({ ...s, formalChecklist });
  const setItem = (i: number, patch: Partial<FormalCheckItem>) =>
    setChecklist(replaced(checklist, i, { ...checklist[i]!, ...patch }));
  const setRubric = (rubric: Criterion[]) => props.onChange({ ...s, rubric });
  const setCriterion = (i: number, patch: Partial<Criterion>) =>
    setRubric(replaced(s.rubric, i, { ...s.rubric[i]!, ...patch }));
  const setReview = (patch: Partial<ReviewSettings>) =>
    props.onChange({ ...s, review: { ...review, ...patch } });
  const setRecommendation = (i: number, patch: Partial<RecommendationOption>) =>
    setReview({
      recommendations: replaced(review.recommendations, i, {
        ...review.recommendations[i]!,
        ...patch,
      }),
    });
  const bad = (path: string) => (issuesUnder(props.issues, path).length ? 'error' : undefined);
  const weights = s.rubric.reduce((n, c) => n + (c.weight || 0), 0);
  const listIssues = (path: string) =>
    props.issues.filter((i) => i.path === path).map((i) => i.message);

  return (
    <Form layout="vertical" component="div" disabled={props.locked}>
      <Flex vertical gap={16} data-testid="review-tab">
        {props.locked && (
          <Alert
            type="info"
            showIcon
            data-testid="review-locked"
            title={t('cfg.review.locked')}
            description={props.reason}
          />
        )}
        <Card
          size="small"
          title={t('cfg.review.checklist')}
          data-testid="checklist-card"
          extra={
            <Button
              size="small"
              data-testid="checklist-default"
              onClick={() => setChecklist(structuredClone(MIIT_2021_FORMAL_CHECKLIST))}
            >
              {t('cfg.review.checklistDefault')}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary">
            {t('cfg.review.checklistHelp')}
          </Typography.Paragraph>
          {listIssues('settings.formalChecklist').map((m) => (
            <Alert key={m} type="error" showIcon title={m} style={{ marginBottom: 8 }} />
          ))}
          <Flex vertical gap={8}>
            {checklist.map((item, i) => {
              const at = `settings.formalChecklist.${i}`;
              const id = (k: string) => `fc-item-${i}-${k}`;
              return (
                <Card
                  key={i}
                  size="small"
                  type="inner"
                  data-testid={`checklist-item-${i}`}
                  title={`${i + 1}. ${item.label || t('cfg.review.itemLabel')}`}
                  extra={
                    <RowButtons
                      i={i}
                      n={checklist.length}
                      onMove={(by) => setChecklist(moved(checklist, i, by))}
                      onRemove={() => setChecklist(removed(checklist, i))}
                    />
                  }
                >
                  <Flex gap={12} wrap>
                    <Form.Item
                      label={t('cfg.review.itemCode')}
                      htmlFor={id('code')}
                      style={{ width: 180 }}
                      {...itemStatus(props.issues, `${at}.code`)}
                    >
                      <Input
                        id={id('code')}
                        value={item.code}
                        onChange={(e) => setItem(i, { code: e.target.value.trim() })}
                      />
                    </Form.Item>
                    <Form.Item
                      label={t('cfg.review.itemLabel')}
                      htmlFor={id('label')}
                      style={{ flex: 1, minWidth: 260 }}
                      {...itemStatus(props.issues, `${at}.label`)}
                    >
                      <Input
                        id={id('label')}
                        value={item.label}
                        onChange={(e) => setItem(i, { label: e.target.value })}
                      />
                    </Form.Item>
                    <Form.Item
                      label={t('cfg.review.itemRule')}
                      htmlFor={id('rule')}
                      style={{ width: 300 }}
                      {...itemStatus(props.issues, `${at}.rule`)}
                    >
                      <Select<FormalCheckRule | typeof NO_RULE>
                        id={id('rule')}
                        value={item.rule ?? NO_RULE}
                        onChange={(rule) => {
                          const { rule: _old, ...rest } = item;
                          setChecklist(replaced(checklist, i, rule ? { ...rest, rule } : rest));
                        }}
                        options={[
                          { value: NO_RULE, label: t('cfg.review.ruleNone') },
                          ...FORMAL_CHECK_RULES.map((r) => ({
                            value: r,
                            label: FORMAL_CHECK_RULE_LABELS[r],
                          })),
                        ]}
                      />
                    </Form.Item>
                    <Form.Item
                      label={t('cfg.review.itemBlocking')}
                      htmlFor={id('blocking')}
                      tooltip={t('cfg.review.itemBlockingHelp')}
                    >
                      <Switch
                        id={id('blocking')}
                        checked={item.blocking}
                        onChange={(blocking) => setItem(i, { blocking })}
                      />
                    </Form.Item>
                  </Flex>
                  <Form.Item
                    label={t('cfg.review.itemBasis')}
                    htmlFor={id('basis')}
                    style={{ marginBottom: 0 }}
                    {...itemStatus(props.issues, `${at}.basis`)}
                  >
                    <Input.TextArea
                      id={id('basis')}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      value={item.basis}
                      onChange={(e) => setItem(i, { basis: e.target.value })}
                    />
                  </Form.Item>
                </Card>
              );
            })}
          </Flex>
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            style={{ marginTop: 12 }}
            data-testid="checklist-add"
            disabled={props.locked || checklist.length >= 30}
            onClick={() =>
              setChecklist([
                ...checklist,
                {
                  code: freshKey(
                    'item',
                    checklist.map((c) => c.code),
                  ),
                  label: '',
                  basis: '',
                  blocking: false,
                },
              ])
            }
          >
            {t('cfg.review.itemAdd')}
          </Button>
        </Card>

        <Card
          size="small"
          title={t('cfg.review.rubric')}
          data-testid="rubric-card"
          extra={
            <Typography.Text
              type={weights === 100 ? 'secondary' : 'warning'}
              data-testid="rubric-weights"
            >
              {t('cfg.review.weightSum', { n: weights })}
            </Typography.Text>
          }
        >
          <Typography.Paragraph type="secondary">{t('cfg.review.rubricHelp')}</Typography.Paragraph>
          <Table<Criterion & { i: number }>
            size="small"
            rowKey="i"
            pagination={false}
            dataSource={s.rubric.map((c, i) => ({ ...c, i }))}
            onRow={(r) => ({ 'data-testid': `rubric-${r.i}` }) as object}
            columns={[
              {
                title: t('cfg.review.criterionCode'),
                width: 140,
                render: (_, r) => (
                  <Input
                    aria-label={t('cfg.review.criterionCode')}
                    status={bad(`settings.rubric.${r.i}.code`)}
                    value={r.code}
                    onChange={(e) => setCriterion(r.i, { code: e.target.value.trim() })}
                  />
                ),
              },
              {
                title: t('cfg.review.criterionName'),
                render: (_, r) => (
                  <Input
                    aria-label={t('cfg.review.criterionName')}
                    status={bad(`settings.rubric.${r.i}.name`)}
                    value={r.name}
                    onChange={(e) => setCriterion(r.i, { name: e.target.value })}
                  />
                ),
              },
              {
                title: t('cfg.review.weight'),
                width: 100,
                render: (_, r) => (
                  <InputNumber
                    aria-label={t('cfg.review.weight')}
                    status={bad(`settings.rubric.${r.i}.weight`)}
                    min={0.1}
                    max={1000}
                    value={r.weight}
                    onChange={(n) => n !== null && setCriterion(r.i, { weight: n })}
                  />
                ),
              },
              {
                title: t('cfg.review.maxScore'),
                width: 110,
                render: (_, r) => (
                  <InputNumber
                    aria-label={t('cfg.review.maxScore')}
                    status={bad(`settings.rubric.${r.i}.maxScore`)}
                    min={0.1}
                    max={1000}
                    placeholder={String(r.weight)}
                    value={r.maxScore ?? null}
                    onChange={(n) => {
                      const { maxScore: _old, ...rest } = s.rubric[r.i]!;
                      setRubric(
                        replaced(s.rubric, r.i, n === null ? rest : { ...rest, maxScore: n }),
                      );
                    }}
                  />
                ),
              },
              {
                title: t('cfg.review.guidance'),
                render: (_, r) => (
                  <Input.TextArea
                    aria-label={t('cfg.review.guidance')}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    value={r.guidance}
                    onChange={(e) => setCriterion(r.i, { guidance: e.target.value })}
                  />
                ),
              },
              {
                width: 110,
                render: (_, r) => (
                  <RowButtons
                    i={r.i}
                    n={s.rubric.length}
                    onMove={(by) => setRubric(moved(s.rubric, r.i, by))}
                    onRemove={() => setRubric(removed(s.rubric, r.i))}
                  />
                ),
              },
            ]}
          />
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            style={{ marginTop: 12 }}
            data-testid="rubric-add"
            onClick={() =>
              setRubric([
                ...s.rubric,
                {
                  code: freshKey(
                    'criterion',
                    s.rubric.map((c) => c.code),
                  ),
                  name: '',
                  weight: 10,
                  guidance: '',
                },
              ])
            }
          >
            {t('cfg.review.criterionAdd')}
          </Button>
        </Card>

        <Card size="small" title={t('cfg.review.settings')} data-testid="review-settings-card">
          <Flex gap={24} wrap>
            <Form.Item
              label={t('cfg.review.reviewsPerApplication')}
              htmlFor="cfg-reviews-per-application"
              {...itemStatus(props.issues, 'settings.review.reviewsPerApplication')}
            >
              <InputNumber
                id="cfg-reviews-per-application"
                min={1}
                max={15}
                precision={0}
                value={review.reviewsPerApplication}
                onChange={(n) => n !== null && setReview({ reviewsPerApplication: n })}
              />
            </Form.Item>
            <Form.Item
              label={t('cfg.review.commentMinChars')}
              htmlFor="cfg-comment-min"
              {...itemStatus(props.issues, 'settings.review.commentMinChars')}
            >
              <InputNumber
                id="cfg-comment-min"
                min={0}
                max={2000}
                precision={0}
                value={review.commentMinChars}
                onChange={(n) => n !== null && setReview({ commentMinChars: n })}
                suffix="字"
              />
            </Form.Item>
          </Flex>
          <Typography.Text strong>{t('cfg.review.recommendations')}</Typography.Text>
          {listIssues('settings.review.recommendations').map((m) => (
            <Typography.Paragraph key={m} type="danger">
              {m}
            </Typography.Paragraph>
          ))}
          <Flex vertical gap={8} style={{ marginTop: 8 }}>
            {review.recommendations.map((r, i) => (
              <Flex key={i} gap={8} align="center" data-testid={`recommendation-${i}`}>
                <Input
                  aria-label={t('cfg.review.recCode')}
                  style={{ width: 180 }}
                  status={bad(`settings.review.recommendations.${i}.code`)}
                  value={r.code}
                  onChange={(e) => setRecommendation(i, { code: e.target.value.trim() })}
                />
                <Input
                  aria-label={t('cfg.review.recLabel')}
                  style={{ width: 220 }}
                  status={bad(`settings.review.recommendations.${i}.label`)}
                  value={r.label}
                  onChange={(e) => setRecommendation(i, { label: e.target.value })}
                />
                <RowButtons
                  i={i}
                  n={review.recommendations.length}
                  onMove={(by) =>
                    setReview({ recommendations: moved(review.recommendations, i, by) })
                  }
                  onRemove={() =>
                    setReview({ recommendations: removed(review.recommendations, i) })
                  }
                />
              </Flex>
            ))}
          </Flex>
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            style={{ marginTop: 8 }}
            data-testid="recommendation-add"
            disabled={props.locked || review.recommendations.length >= 6}
            onClick={() =>
              setReview({
                recommendations: [
                  ...review.recommendations,
                  {
                    code: freshKey(
                      'option',
                      review.recommendations.map((x) => x.code),
                    ),
                    label: '',
                  },
                ],
              })
            }
          >
            {t('cfg.review.recAdd')}
          </Button>
        </Card>
      </Flex>
    </Form>
  );
}
