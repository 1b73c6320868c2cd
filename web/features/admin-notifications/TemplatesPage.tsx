// /admin/notification-templates/:campaignId? — 消息模板: the kinds of message with their state
// (已自定义 / 平台通用 / 默认); an editor for subject and body with the kind's variables (click to
// insert), a live preview as plain text, save (the server's refusal shown at the field) and reset.
import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { NotificationKind } from '../../../domain/notifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n, type MessageKey } from '../../lib/i18n';
import {
  useResetTemplate,
  useSaveTemplate,
  useTemplatePreview,
  useTemplates,
  type NotificationTemplateView,
  type TemplateText,
} from '../../lib/notification-admin';
import { useCampaigns } from '../../lib/queries';

const BASE = '/admin/notification-templates';
const PLATFORM = 'platform';

const SOURCE: Record<NotificationTemplateView['source'], { key: MessageKey; color: string }> = {
  campaign: { key: 'tpl.source.campaign', color: 'green' },
  platform: { key: 'tpl.source.platform', color: 'blue' },
  default: { key: 'tpl.source.default', color: 'default' },
};

export function SourceTag({ t: item }: { t: NotificationTemplateView }) {
  const { t } = useI18n();
  // in the platform list, the platform's own template is "customised"
  const s = item.customized ? SOURCE.campaign : SOURCE[item.source];
  return (
    <Tag color={s.color} data-testid={`source-${item.kind}`}>
      {t(s.key)}
    </Tag>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

export function TemplatesPage() {
  const { t } = useI18n();
  const { campaignId: param } = useParams();
  const campaignId = param && param !== PLATFORM ? param : null;
  const navigate = useNavigate();
  const campaigns = useCampaigns();
  const list = useTemplates(campaignId);
  const [kind, setKind] = useState<NotificationKind | undefined>();
  const [dirty, setDirty] = useState(false);
  const { modal } = App.useApp();

  const items = list.data?.items ?? [];
  const current = items.find((i) => i.kind === kind) ?? items[0];

  const guard = (go: () => void) => {
    if (!dirty) return go();
    modal.confirm({ title: t('tpl.discardConfirm'), onOk: go });
  };

  return (
    <Card
      data-testid="notification-templates"
      title={t('nav.notificationTemplates')}
      extra={
        <Space wrap>
          {campaignId && <Link to={`/admin/campaigns/${campaignId}/config`}>{t('tpl.back')}</Link>}
          <Select
            aria-label={t('tpl.scope')}
            style={{ minWidth: 280 }}
            value={campaignId ?? PLATFORM}
            loading={campaigns.isPending}
            options={[
              { value: PLATFORM, label: t('tpl.platform') },
              ...(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.title })),
            ]}
            onChange={(v: string) =>
              guard(() => {
                setDirty(false);
                setKind(undefined);
                navigate(`${BASE}/${v}`);
              })
            }
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t(campaignId ? 'tpl.campaignHint' : 'tpl.platformHint')}
      </Typography.Paragraph>
      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data || !current ? (
        <Loading />
      ) : (
        <Row gutter={[24, 24]}>
          <Col xs={24} lg={8}>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t('tpl.kinds')}
            </Typography.Title>
            <List
              bordered
              size="small"
              dataSource={items}
              renderItem={(item) => {
                const selected = item.kind === current.kind;
                return (
                  <List.Item
                    style={{ background: selected ? '#e6f0ff' : undefined, padding: 0 }}
                    data-testid={`kind-${item.kind}`}
                  >
                    <Button
                      type="text"
                      block
                      aria-current={selected ? 'true' : undefined}
                      style={{
                        height: 'auto',
                        padding: '8px 12px',
                        textAlign: 'start',
                        whiteSpace: 'normal',
                      }}
                      onClick={() =>
                        guard(() => {
                          setDirty(false);
                          setKind(item.kind);
                        })
                      }
                    >
                      <Flex
                        justify="space-between"
                        align="center"
                        gap={8}
                        style={{ width: '100%' }}
                      >
                        <span>
                          <Typography.Text strong={selected}>{item.label}</Typography.Text>
                          <br />
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {item.audience}
                          </Typography.Text>
                        </span>
                        <SourceTag t={item} />
                      </Flex>
                    </Button>
                  </List.Item>
                );
              }}
            />
          </Col>
          <Col xs={24} lg={16}>
            <Editor
              key={`${campaignId}:${current.kind}:${current.updatedAt}:${current.source}`}
              campaignId={campaignId}
              template={current}
              onDirty={setDirty}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}

type Field = 'subject' | 'body';

function Editor(props: {
  campaignId: string | null;
  template: NotificationTemplateView;
  onDirty: (dirty: boolean) => void;
}) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const { template, campaignId, onDirty } = props;
  const [text, setText] = useState<TemplateText>({
    subject: template.subject,
    body: template.body,
  });
  const [issues, setIssues] = useState<Partial<Record<Field, string>>>({});
  const caret = useRef<{ field: Field; start: number; end: number }>({
    field: 'body',
    start: template.body.length,
    end: template.body.length,
  });
  const save = useSaveTemplate(campaignId);
  const reset = useResetTemplate(campaignId);
  const debounced = useDebounced(text, 300);
  const preview = useTemplatePreview(campaignId, template.kind, debounced);
  const dirty = text.subject !== template.subject || text.body !== template.body;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const change = (field: Field, value: string) => {
    setText((x) => ({ ...x, [field]: value }));
    setIssues((x) => ({ ...x, [field]: undefined }));
  };
  const remember = (field: Field) => (e: React.SyntheticEvent) => {
    const el = e.target as HTMLInputElement | HTMLTextAreaElement;
    caret.current = {
      field,
      start: el.selectionStart ?? el.value.length,
      end: el.selectionEnd ?? el.value.length,
    };
  };
  const insert = (name: string) => {
    const { field, start, end } = caret.current;
    const token = `{{${name}}}`;
    const value = text[field];
    const at = Math.min(start, value.length);
    change(field, value.slice(0, at) + token + value.slice(Math.min(end, value.length)));
    caret.current = { field, start: at + token.length, end: at + token.length };
  };
  const onSave = () =>
    save.mutate(
      { kind: template.kind, ...text },
      {
        onSuccess: () => {
          setIssues({});
          onDirty(false);
          message.success(t('tpl.saved'));
        },
        onError: (e) => {
          if (e instanceof ApiError) {
            const found: Partial<Record<Field, string>> = {};
            for (const i of e.fieldIssues)
              if (i.path === 'subject' || i.path === 'body') found[i.path] = i.message;
            setIssues(found);
            if (Object.keys(found).length) message.error(t('tpl.notSaved'));
          }
        },
      },
    );
  const fieldError = save.error instanceof ApiError && save.error.fieldIssues.length === 0;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {template.label}
          </Typography.Title>
          <SourceTag t={template} />
          {dirty && <Tag color="orange">{t('tpl.dirty')}</Tag>}
        </Space>
        <Typography.Text type="secondary">
          {t('tpl.audience', { audience: template.audience })}
          {template.updatedAt &&
            ` · ${t('tpl.updatedAt', { at: formatDateTime(template.updatedAt) })}`}
        </Typography.Text>
      </Flex>
      {fieldError && <ErrorAlert error={save.error} />}
      <Form layout="vertical" onFinish={onSave}>
        <Form.Item
          label={t('tpl.subject')}
          htmlFor="tpl-subject"
          validateStatus={issues.subject ? 'error' : undefined}
          help={issues.subject}
        >
          <Input
            id="tpl-subject"
            data-testid="tpl-subject"
            value={text.subject}
            maxLength={200}
            onChange={(e) => change('subject', e.target.value)}
            onSelect={remember('subject')}
            onFocus={remember('subject')}
          />
        </Form.Item>
        <Form.Item
          label={t('tpl.body')}
          htmlFor="tpl-body"
          validateStatus={issues.body ? 'error' : undefined}
          help={issues.body}
        >
          <Input.TextArea
            id="tpl-body"
            data-testid="tpl-body"
            value={text.body}
            maxLength={5000}
            autoSize={{ minRows: 6, maxRows: 16 }}
            onChange={(e) => change('body', e.target.value)}
            onSelect={remember('body')}
            onFocus={remember('body')}
          />
        </Form.Item>
        <div style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('tpl.variables')}</Typography.Text>
          <Flex wrap gap={6} style={{ marginTop: 6 }}>
            {template.variables.map((v) => (
              <Button
                key={v}
                size="small"
                aria-label={t('tpl.insertVariable', { name: v })}
                onMouseDown={(e) => e.preventDefault()} // keep the caret where it is
                onClick={() => insert(v)}
              >
                {`{{${v}}}`}
              </Button>
            ))}
          </Flex>
        </div>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!dirty}>
            {t('tpl.save')}
          </Button>
          {template.customized && (
            <Popconfirm
              title={t('tpl.resetConfirm')}
              okText={t('tpl.reset')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                reset.mutate(template.kind, {
                  onSuccess: () => {
                    onDirty(false);
                    message.success(t('tpl.resetDone'));
                  },
                  onError: (e) => message.error(errorText(e)),
                })
              }
            >
              <Button danger loading={reset.isPending}>
                {t('tpl.reset')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Form>
      <Card size="small" title={t('tpl.preview')} data-testid="tpl-preview">
        {preview.isError ? (
          <Alert type="warning" showIcon message={errorText(preview.error)} />
        ) : (
          <>
            <Typography.Paragraph strong style={{ marginBottom: 8 }}>
              {t('tpl.previewSubject')}
              {preview.data?.subject}
            </Typography.Paragraph>
            <Typography.Paragraph
              style={{ whiteSpace: 'pre-wrap', marginBottom: 0, overflowWrap: 'anywhere' }}
            >
              {preview.data?.body}
            </Typography.Paragraph>
          </>
        )}
      </Card>
    </Flex>
  );
}
