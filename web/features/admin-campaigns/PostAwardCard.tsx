// 系统评价维度 (issue 15): the post-award rubric as campaign data — each dimension's code, name,
// weight, highest score and the experts' guidance. A round freezes it when it is created, so it
// stays editable here whatever rounds exist.
import { Button, Card, Input, InputNumber, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CampaignSettings, RubricDimension } from '../../../domain/campaign';
import { useI18n } from '../../lib/i18n';
import { freshKey, removed, replaced } from './declaration-edit';
import { issuesUnder, type Issue } from './draft';

export function PostAwardCard(props: {
  value: CampaignSettings;
  onChange: (v: CampaignSettings) => void;
  issues: readonly Issue[];
}) {
  const { t } = useI18n();
  const s = props.value;
  const dims = s.postAwardDimensions;
  const set = (postAwardDimensions: RubricDimension[]) =>
    props.onChange({ ...s, postAwardDimensions });
  const patch = (i: number, p: Partial<RubricDimension>) =>
    set(replaced(dims, i, { ...dims[i]!, ...p }));
  const bad = (path: string) => (issuesUnder(props.issues, path).length ? 'error' : undefined);
  const weights = dims.reduce((n, d) => n + (d.weight || 0), 0);
  return (
    <Card
      size="small"
      title={t('eval.cfg.title')}
      data-testid="post-award-card"
      style={{ marginTop: 16 }}
      extra={
        <Typography.Text type="secondary" data-testid="post-award-weights">
          {t('cfg.review.weightSum', { n: weights })}
        </Typography.Text>
      }
    >
      <Typography.Paragraph type="secondary">{t('eval.cfg.help')}</Typography.Paragraph>
      <Table<RubricDimension & { i: number }>
        size="small"
        rowKey="i"
        pagination={false}
        dataSource={dims.map((d, i) => ({ ...d, i }))}
        onRow={(r) => ({ 'data-testid': `post-award-${r.i}` }) as object}
        columns={[
          {
            title: t('cfg.review.criterionCode'),
            width: 130,
            render: (_, r) => (
              <Input
                aria-label={t('cfg.review.criterionCode')}
                status={bad(`settings.postAwardDimensions.${r.i}.code`)}
                value={r.code}
                onChange={(e) => patch(r.i, { code: e.target.value.trim() })}
              />
            ),
          },
          {
            title: t('eval.rubric.name'),
            width: 160,
            render: (_, r) => (
              <Input
                aria-label={t('eval.rubric.name')}
                status={bad(`settings.postAwardDimensions.${r.i}.name`)}
                value={r.name}
                onChange={(e) => patch(r.i, { name: e.target.value })}
              />
            ),
          },
          {
            title: t('cfg.review.weight'),
            width: 100,
            render: (_, r) => (
              <InputNumber
                aria-label={t('cfg.review.weight')}
                status={bad(`settings.postAwardDimensions.${r.i}.weight`)}
                min={0.1}
                max={1000}
                value={r.weight}
                onChange={(n) => n !== null && patch(r.i, { weight: n })}
              />
            ),
          },
          {
            title: t('cfg.review.maxScore'),
            width: 110,
            render: (_, r) => (
              <InputNumber
                aria-label={t('cfg.review.maxScore')}
                status={bad(`settings.postAwardDimensions.${r.i}.maxScore`)}
                min={0.1}
                max={1000}
                placeholder={String(r.weight)}
                value={r.maxScore ?? null}
                onChange={(n) => {
                  const { maxScore: _old, ...rest } = dims[r.i]!;
                  set(replaced(dims, r.i, n === null ? rest : { ...rest, maxScore: n }));
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
                onChange={(e) => patch(r.i, { guidance: e.target.value })}
              />
            ),
          },
          {
            width: 50,
            render: (_, r) => (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('cfg.remove')}
                onClick={() => set(removed(dims, r.i))}
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
        data-testid="post-award-add"
        onClick={() =>
          set([
            ...dims,
            {
              code: freshKey(
                'dimension',
                dims.map((d) => d.code),
              ),
              name: '',
              weight: 25,
              guidance: '',
            },
          ])
        }
      >
        {t('eval.cfg.add')}
      </Button>
    </Card>
  );
}
