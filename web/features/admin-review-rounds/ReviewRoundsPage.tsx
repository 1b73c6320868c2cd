// /admin/review-rounds/:campaignId?round=<id> — 评审轮次与分配: the campaign's rounds, a round's
// settings (changed while unpublished), 生成分配方案, the board, the experts' load, 发布分配.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Select, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, SendOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { CampaignRoute } from '../../components/CampaignRoute';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDeadline } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Campaign } from '../../lib/types';
import { AssignmentBoardTable, ExpertLoads } from './AssignmentBoard';
import {
  useBoard,
  usePropose,
  usePublish,
  useRounds,
  type AssignmentBoard,
  type Proposal,
  type PublishResult,
  type RoundView,
} from './api';
import { RoundFormModal, type RoundFormTarget } from './RoundFormModal';

const ROUND_COLORS: Record<RoundView['state'], string> = {
  draft: 'gold',
  published: 'green',
  closed: 'default',
};

export function ReviewRoundsPage() {
  return (
    <CampaignRoute base="/admin/review-rounds">
      {(choice) => <ReviewRoundsView {...choice} />}
    </CampaignRoute>
  );
}

function RoundStateTag({ state }: { state: RoundView['state'] }) {
  const { t } = useI18n();
  return (
    <Tag color={ROUND_COLORS[state]} data-testid="round-state">
      {t(`rounds.state.${state}`)}
    </Tag>
  );
}

export function ReviewRoundsView(props: {
  campaigns: Campaign[];
  campaign: Campaign | undefined;
  onPick: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const c = props.campaign;
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState<RoundFormTarget | null>(null);
  const rounds = useRounds(c?.id);
  const list = rounds.data ?? [];
  const selectedId = params.get('round') ?? list[0]?.id;
  const round = list.find((r) => r.id === selectedId);
  const select = (id: string) => setParams({ round: id });

  return (
    <Card
      title={t('rounds.title')}
      extra={
        <Select
          aria-label={t('rounds.campaign')}
          style={{ width: 320 }}
          value={c?.id}
          placeholder={t('rounds.campaign')}
          onChange={props.onPick}
          options={props.campaigns.map((x) => ({ value: x.id, label: x.title }))}
          data-testid="rounds-campaign"
        />
      }
    >
      {!c ? (
        <Typography.Text type="secondary">{t('rounds.pickCampaign')}</Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          <Flex justify="space-between" align="center">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('rounds.list')}
            </Typography.Title>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setForm({ mode: 'create' })}
              data-testid="round-create"
            >
              {t('rounds.create')}
            </Button>
          </Flex>
          <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />
          <Table<RoundView>
            rowKey="id"
            size="small"
            loading={rounds.isFetching && !rounds.data}
            dataSource={list}
            pagination={false}
            data-testid="rounds-table"
            locale={{ emptyText: t('rounds.empty') }}
            rowClassName={(r) => (r.id === round?.id ? 'ant-table-row-selected' : '')}
            onRow={(r) => ({ onClick: () => select(r.id), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t('rounds.col.name'),
                dataIndex: 'name',
                render: (v: string, r) => (
                  <Button
                    type="link"
                    style={{ padding: 0 }}
                    onClick={() => select(r.id)}
                    data-testid="round-open"
                  >
                    {v}
                  </Button>
                ),
              },
              {
                title: t('rounds.col.state'),
                dataIndex: 'state',
                width: 90,
                render: (s: RoundView['state']) => <RoundStateTag state={s} />,
              },
              {
                title: t('rounds.col.deadline'),
                dataIndex: 'deadline',
                width: 270,
                render: (v: string) => formatDeadline(v, lang),
              },
              {
                title: t('rounds.col.applications'),
                key: 'applications',
                width: 90,
                render: (_, r) => r.counts.applications,
              },
              {
                title: t('rounds.col.proposed'),
                key: 'proposed',
                width: 80,
                render: (_, r) => r.counts.proposed,
              },
              {
                title: t('rounds.col.published'),
                key: 'published',
                width: 80,
                render: (_, r) => r.counts.published,
              },
              {
                title: t('rounds.col.declined'),
                key: 'declined',
                width: 90,
                render: (_, r) => r.counts.declined,
              },
            ]}
          />
          {round && (
            <RoundDetail
              key={round.id}
              campaign={c}
              round={round}
              onEdit={() => setForm({ mode: 'edit', round })}
            />
          )}
          <RoundFormModal
            campaign={c}
            target={form}
            onClose={() => setForm(null)}
            onCreated={(r) => select(r.id)}
          />
        </Flex>
      )}
    </Card>
  );
}

function Settings({ campaign, round }: { campaign: Campaign; round: RoundView }) {
  const { t, lang } = useI18n();
  const category = (code: string) =>
    campaign.settings.categories.find((x) => x.code === code)?.name ?? code;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="round-settings"
      items={[
        {
          key: 'deadline',
          label: t('rounds.form.deadline'),
          children: formatDeadline(round.deadline, lang),
        },
        {
          key: 'reviews',
          label: t('rounds.form.reviewsPer'),
          children: t('rounds.persons', { n: round.reviewsPerApplication }),
        },
        {
          key: 'maxLoad',
          label: t('rounds.form.maxLoad'),
          children: t('rounds.items', { n: round.maxLoad }),
        },
        {
          key: 'anonymous',
          label: t('rounds.form.anonymous'),
          children: round.anonymous ? t('rounds.anonymousOn') : t('rounds.anonymousOff'),
        },
        {
          key: 'region',
          label: t('rounds.form.avoidSameRegion'),
          children: round.avoidSameRegion ? t('common.yes') : t('common.no'),
        },
        {
          key: 'panels',
          label: t('rounds.form.panels'),
          span: 'filled',
          children: (
            <Flex vertical gap={2} data-testid="round-panels">
              {round.panels.map((p) => (
                <span key={p.id}>
                  <Typography.Text strong>{p.name}</Typography.Text>：
                  {p.categories.map(category).join(t('common.listSep'))}
                  {t('rounds.panelExperts', { n: p.expertIds.length })}
                </span>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );
}

/** What 生成分配方案 did: pairs, total fit, and each application still short with the reason. */
function ProposalResult(props: {
  proposal: Proposal;
  board: AssignmentBoard | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const p = props.proposal;
  const names = new Map(
    (props.board?.applications ?? []).map((a) => [a.applicationId, a.solutionName]),
  );
  return (
    <Alert
      type={p.shortfalls.length ? 'warning' : 'success'}
      showIcon
      closable
      onClose={props.onClose}
      data-testid="proposal-result"
      title={t('rounds.proposal.done', {
        proposed: p.proposed,
        replaced: p.replaced,
        fit: Math.round(p.totalFit * 10) / 10,
      })}
      description={
        p.shortfalls.length > 0 && (
          <>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {t('rounds.proposal.short', { n: p.shortfalls.length })}
            </Typography.Paragraph>
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="proposal-shortfalls">
              {p.shortfalls.map((s) => (
                <li key={s.applicationId}>
                  <Typography.Text strong>{names.get(s.applicationId) ?? ''}</Typography.Text>
                  {t('rounds.proposal.missing', { n: s.missing, reason: s.reason })}
                </li>
              ))}
            </ul>
          </>
        )
      }
    />
  );
}

function RoundDetail(props: { campaign: Campaign; round: RoundView; onEdit: () => void }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const { campaign, round } = props;
  const board = useBoard(campaign.id, round.id);
  const propose = usePropose(campaign.id, round.id);
  const publish = usePublish(campaign.id, round.id);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [published, setPublished] = useState<PublishResult | null>(null);
  const draft = round.state === 'draft';
  const closed = round.state === 'closed';
  const replacements = (board.data?.applications ?? []).flatMap((a) =>
    a.pairs.filter((p) => p.source === 'replacement' && p.state === 'proposed'),
  ).length;

  const confirmPropose = () =>
    modal.confirm({
      title: t('rounds.proposal.title'),
      width: 560,
      content: (
        <div data-testid="propose-confirm">
          <Typography.Paragraph>
            {draft ? t('rounds.proposal.replaces') : t('rounds.proposal.fills')}
          </Typography.Paragraph>
          {round.counts.proposed > 0 && (
            <Typography.Paragraph type="warning" style={{ marginBottom: 0 }}>
              {t('rounds.proposal.pending', { n: round.counts.proposed })}
            </Typography.Paragraph>
          )}
        </div>
      ),
      okText: t('rounds.propose'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'propose-ok' } as Record<string, string>,
      onOk: () =>
        propose
          .mutateAsync()
          .then((p) => {
            setPublished(null);
            setProposal(p);
          })
          .catch(() => undefined),
    });

  const confirmPublish = () =>
    modal.confirm({
      title: t('rounds.publish.title'),
      width: 560,
      content: (
        <div data-testid="publish-confirm">
          <Typography.Paragraph>
            {t('rounds.publish.body', { n: round.counts.proposed })}
          </Typography.Paragraph>
          {draft && (
            <Typography.Paragraph type="warning" style={{ marginBottom: 0 }}>
              {t('rounds.publish.locks')}
            </Typography.Paragraph>
          )}
        </div>
      ),
      okText: t('rounds.publish'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'publish-ok' } as Record<string, string>,
      onOk: () =>
        publish
          .mutateAsync()
          .then((r) => {
            setProposal(null);
            setPublished(r);
          })
          .catch(() => undefined),
    });

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <span>{round.name}</span>
          <RoundStateTag state={round.state} />
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          {draft && (
            <Button icon={<EditOutlined />} onClick={props.onEdit} data-testid="round-edit">
              {t('rounds.edit')}
            </Button>
          )}
          {!closed && (
            <Button
              icon={<ThunderboltOutlined />}
              loading={propose.isPending}
              onClick={confirmPropose}
              data-testid="round-propose"
            >
              {t('rounds.propose')}
            </Button>
          )}
          {!closed && (
            <Button
              type="primary"
              icon={<SendOutlined />}
              disabled={round.counts.proposed === 0}
              loading={publish.isPending}
              onClick={confirmPublish}
              data-testid="round-publish"
            >
              {t('rounds.publish')}
            </Button>
          )}
          {!draft && (
            <Link to={`/admin/review-results/${round.id}`} data-testid="round-results">
              <Button>{t('rounds.results')}</Button>
            </Link>
          )}
        </Flex>
      }
      data-testid="round-detail"
    >
      <Flex vertical gap={16}>
        <Settings campaign={campaign} round={round} />
        {!draft && !closed && (
          <Typography.Text type="secondary">{t('rounds.publishedNote')}</Typography.Text>
        )}
        <ErrorAlert error={propose.error} />
        <ErrorAlert error={publish.error} />
        {proposal && (
          <ProposalResult
            proposal={proposal}
            board={board.data}
            onClose={() => setProposal(null)}
          />
        )}
        {published && (
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => setPublished(null)}
            data-testid="publish-result"
            title={t('rounds.publish.done', {
              published: published.published,
              experts: published.notifiedExperts,
            })}
            description={
              published.leftProposed > 0
                ? t('rounds.publish.left', { n: published.leftProposed })
                : undefined
            }
          />
        )}
        {replacements > 0 && (
          <Alert
            type="info"
            showIcon
            data-testid="replacements"
            title={t('rounds.replacements', { n: replacements })}
          />
        )}
        {round.counts.applications === 0 && (
          <Alert type="info" showIcon title={t('rounds.noApplications')} />
        )}
        <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />
        {board.isPending && <Loading />}
        {board.data && (
          <>
            <AssignmentBoardTable campaignId={campaign.id} board={board.data} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('rounds.loads')}
            </Typography.Title>
            <ExpertLoads board={board.data} />
          </>
        )}
      </Flex>
    </Card>
  );
}
