import { useEffect, useState } from 'react';
import { App, Badge, Button, Card, Flex, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, MailOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PhaseTag } from '../../components/PhaseTag';
import { ApiError } from '../../lib/api';
import { useI18n, type MessageKey } from '../../lib/i18n';
import {
  configKey,
  exportConfigUrl,
  fetchCampaignConfig,
  updateCampaign,
  useCampaignConfig,
  type CampaignConfig,
} from './api';
import { BasicsTab } from './BasicsTab';
import { CategoriesTab } from './CategoriesTab';
import {
  changesOf,
  checkChanges,
  draftOf,
  hasChanges,
  issuesOfError,
  issuesUnder,
  rebased,
  tabOf,
  type Draft,
  type Issue,
  type TabKey,
} from './draft';
import { FormTab } from './FormTab';
import { IssueList } from './IssueList';
import { PostAwardCard } from './PostAwardCard';
import { ReviewTab } from './ReviewTab';
import { SaveBar } from './SaveBar';
import { SummaryTab } from './SummaryTab';

const TAB_LABELS: Record<TabKey, MessageKey> = {
  basics: 'cfg.tab.basics',
  categories: 'cfg.tab.categories',
  summary: 'cfg.tab.summary',
  review: 'cfg.tab.review',
  application: 'cfg.tab.application',
  followUp: 'cfg.tab.followUp',
  monitoring: 'postAward.cfgTab.monitoring',
  selfEvaluation: 'postAward.cfgTab.selfEvaluation',
};

/** 活动管理 → 配置: one campaign's whole configuration, saved over the revision it was loaded at. */
export function CampaignConfigPage() {
  const { code = '' } = useParams();
  const config = useCampaignConfig(code);
  if (config.error)
    return <ErrorAlert error={config.error} onRetry={() => void config.refetch()} />;
  if (!config.data) return <Loading />;
  return <ConfigEditor key={config.data.campaign.id} loaded={config.data} />;
}

function ConfigEditor(props: { loaded: CampaignConfig }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [loaded, setLoaded] = useState(props.loaded);
  const [base, setBase] = useState(() => draftOf(props.loaded));
  const [draft, setDraft] = useState<Draft>(base);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [conflict, setConflict] = useState(false);
  const [tab, setTab] = useState<TabKey>('basics');
  const code = loaded.campaign.code;
  const changes = changesOf(base, draft);
  const dirty = hasChanges(changes);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const take = (c: CampaignConfig, keepMine: boolean) => {
    const latest = draftOf(c);
    setDraft(keepMine ? rebased(base, draft, latest) : latest);
    setBase(latest);
    setLoaded(c);
    setConflict(false);
    qc.setQueryData(configKey(code), c);
  };
  const save = useMutation({
    mutationFn: () => updateCampaign(code, { baseRevision: loaded.revision, ...changes }),
    onSuccess: (c) => {
      take(c, false);
      setIssues([]);
      void qc.invalidateQueries({ queryKey: ['campaigns'] });
      message.success(t('cfg.saved', { n: c.revision }));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'CONFIG_CONFLICT') setConflict(true);
      const found = issuesOfError(e);
      setIssues(found);
      if (found[0]) {
        setTab(tabOf(found[0].path));
        message.error(t('cfg.notSaved'));
      }
    },
  });
  const onSave = () => {
    const found = checkChanges(changes);
    setIssues(found);
    if (found[0]) {
      setTab(tabOf(found[0].path));
      message.error(t('cfg.notSaved'));
      return;
    }
    save.mutate();
  };
  const reload = async (keepMine: boolean) => take(await fetchCampaignConfig(code), keepMine);
  const discard = () =>
    modal.confirm({
      title: t('cfg.discardConfirm'),
      onOk: () => {
        setDraft(base);
        setIssues([]);
      },
    });

  const count = (k: TabKey) => issues.filter((i) => tabOf(i.path) === k).length;
  const label = (k: TabKey) => (
    <Badge count={count(k)} size="small" offset={[8, -2]}>
      <span data-testid={`tab-${k}`}>{t(TAB_LABELS[k])}</span>
    </Badge>
  );
  const setForm =
    (kind: 'application' | 'followUp' | 'monitoring' | 'selfEvaluation') =>
    (f: Draft['forms']['application']) =>
      setDraft((d) => ({ ...d, forms: { ...d.forms, [kind]: f } }));
  const lock = loaded.lock;
  const saveError = save.error instanceof ApiError &&
    !issues.length &&
    save.error.code !== 'CONFIG_CONFLICT' && <ErrorAlert error={save.error} />;

  return (
    <Card
      data-testid="campaign-config"
      title={
        <Flex gap={8} align="center" wrap>
          <Link to="/admin/campaigns" aria-label={t('common.back')}>
            <ArrowLeftOutlined />
          </Link>
          <span>{t('cfg.pageTitle', { title: loaded.campaign.title })}</span>
          <PhaseTag phase={loaded.campaign.phase} isDemo={loaded.campaign.isDemo} />
          <Tag data-testid="config-revision">{t('cfg.revision', { n: loaded.revision })}</Tag>
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          <Button
            icon={<MailOutlined />}
            data-testid="config-templates"
            onClick={() => navigate(`/admin/notification-templates/${loaded.campaign.id}`)}
          >
            {t('cfg.templates')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={exportConfigUrl(code)}
            data-testid="config-export"
          >
            {t('cfg.export')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('cfg.codeLine', { code, n: lock.applications, submitted: lock.submitted })}
      </Typography.Paragraph>
      {saveError}
      <IssueList issues={issues} where={(p) => t(TAB_LABELS[tabOf(p)])} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as TabKey)}
        items={[
          {
            key: 'basics',
            label: label('basics'),
            children: (
              <BasicsTab
                value={draft.fields}
                onChange={(fields) => setDraft((d) => ({ ...d, fields }))}
                issues={issuesUnder(issues, 'fields')}
              />
            ),
          },
          {
            key: 'categories',
            label: label('categories'),
            children: (
              <CategoriesTab
                value={draft.settings}
                onChange={(settings) => setDraft((d) => ({ ...d, settings }))}
                issues={issuesUnder(issues, 'settings')}
              />
            ),
          },
          {
            key: 'summary',
            label: label('summary'),
            children: (
              <SummaryTab
                value={draft.settings}
                onChange={(settings) => setDraft((d) => ({ ...d, settings }))}
                issues={issuesUnder(issues, 'settings')}
              />
            ),
          },
          {
            key: 'review',
            label: label('review'),
            children: (
              <>
                <ReviewTab
                  value={draft.settings}
                  onChange={(settings) => setDraft((d) => ({ ...d, settings }))}
                  issues={issuesUnder(issues, 'settings')}
                  locked={lock.reviewLocked}
                  reason={lock.reviewReason}
                />
                <PostAwardCard
                  value={draft.settings}
                  onChange={(settings) => setDraft((d) => ({ ...d, settings }))}
                  issues={issuesUnder(issues, 'settings')}
                />
              </>
            ),
          },
          {
            key: 'application',
            label: label('application'),
            children: (
              <FormTab
                code={code}
                kind="application"
                form={draft.forms.application}
                onChange={setForm('application')}
                settings={draft.settings}
                locked={lock.formsLocked}
                reason={lock.reason}
                issues={issuesUnder(issues, 'forms.application')}
              />
            ),
          },
          ...(draft.forms.followUp
            ? [
                {
                  key: 'followUp',
                  label: label('followUp'),
                  children: (
                    <FormTab
                      code={code}
                      kind="followUp"
                      form={draft.forms.followUp}
                      onChange={setForm('followUp')}
                      settings={draft.settings}
                      locked={lock.followUpLocked}
                      reason={lock.followUpReason}
                      issues={issuesUnder(issues, 'forms.followUp')}
                    />
                  ),
                },
              ]
            : []),
          ...(['monitoring', 'selfEvaluation'] as const).flatMap((kind) => {
            const form = draft.forms[kind];
            return form
              ? [
                  {
                    key: kind,
                    label: label(kind),
                    children: (
                      <FormTab
                        code={code}
                        kind={kind}
                        form={form}
                        onChange={setForm(kind)}
                        settings={draft.settings}
                        locked={false}
                        reason={null}
                        issues={issuesUnder(issues, `forms.${kind}`)}
                      />
                    ),
                  },
                ]
              : [];
          }),
        ]}
      />
      <SaveBar
        dirty={dirty}
        saving={save.isPending}
        conflict={conflict}
        onSave={onSave}
        onDiscard={discard}
        onReload={(keepMine) => void reload(keepMine)}
      />
    </Card>
  );
}
