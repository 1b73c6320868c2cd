// A frozen version, read-only, laid out by the form declaration. Text only: nothing from the
// enterprise is ever rendered as HTML. The recommender's desk and the expert's scoring page show it
// (each with its own download link for the attachments).
import { Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import type { FrozenVersion } from '../../domain/api/applications';
import type { CampaignSettings } from '../../domain/campaign';
import type { FormDeclaration, FormField } from '../../domain/form';
import { api } from '../lib/api';
import { attachmentUrl, formatSize } from '../lib/applications';
import { useI18n, type Lang } from '../lib/i18n';
import { useRegions } from '../lib/queries';
import type { Industry, Items } from '../lib/types';

export type FrozenAttachment = FrozenVersion['attachments'][number];

interface Ctx {
  href: (attachmentId: string) => string;
  settings: Pick<CampaignSettings, 'categories'>;
  files: ReadonlyMap<string, FrozenAttachment>;
  lang: Lang;
}

const EMPTY = '—';

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function RegionValue({ code }: { code: string }) {
  const regions = useRegions();
  const r = regions.data?.find((x) => x.code === code);
  const parent = r?.parentCode ? regions.data?.find((x) => x.code === r.parentCode) : undefined;
  const names = [parent?.name, r?.name ?? code].filter(Boolean);
  return <>{[...new Set(names)].join(' / ')}</>;
}

function IndustriesValue({ codes }: { codes: string[] }) {
  const found = useQueries({
    queries: codes.map((code) => ({
      queryKey: ['industries', code, null],
      queryFn: () => api<Items<Industry>>('/industries', { query: { q: code, limit: 30 } }),
      staleTime: Infinity,
    })),
  });
  return (
    <Space wrap size={4}>
      {codes.map((code, i) => (
        <span key={code}>
          <Tag>{code}</Tag>
          {found[i]?.data?.items.find((x) => x.code === code)?.name ?? ''}
        </span>
      ))}
    </Space>
  );
}

function selectLabel(f: Extract<FormField, { type: 'select' }>, value: string, ctx: Ctx): string {
  if (f.options.from === 'list')
    return f.options.values.find((o) => o.value === value)?.label ?? value;
  if (f.options.from === 'categories')
    return ctx.settings.categories.find((c) => c.code === value)?.name ?? value;
  return value;
}

function FieldValue({ field, value, ctx }: { field: FormField; value: unknown; ctx: Ctx }) {
  const { t } = useI18n();
  if (field.type !== 'confirm' && isBlank(value)) return <>{EMPTY}</>;
  switch (field.type) {
    case 'text':
    case 'uscc':
    case 'phone':
    case 'email':
    case 'date':
      return <>{String(value)}</>;
    case 'longtext':
      return (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {String(value)}
        </Typography.Paragraph>
      );
    case 'number':
      return (
        <>
          {String(value)}
          {field.unit ? ` ${field.unit}` : ''}
        </>
      );
    case 'select': {
      const values = Array.isArray(value) ? value.map(String) : [String(value)];
      return <>{values.map((v) => selectLabel(field, v, ctx)).join(t('common.listSep'))}</>;
    }
    case 'region':
      return <RegionValue code={String(value)} />;
    case 'industries':
      return <IndustriesValue codes={(value as unknown[]).map(String)} />;
    case 'attachments':
      return (
        <Flex vertical gap={2}>
          {(value as unknown[]).map((id) => {
            const file = ctx.files.get(String(id));
            return (
              <a
                key={String(id)}
                href={ctx.href(String(id))}
                download={file?.filename}
                data-testid="frozen-attachment"
              >
                <PaperClipOutlined />{' '}
                {file ? `${file.filename}（${formatSize(file.size)}）` : String(id)}
              </a>
            );
          })}
        </Flex>
      );
    case 'confirm':
      return <>{value === true ? `✓ ${field.statement}` : t('desk.review.notConfirmed')}</>;
    case 'group': {
      const items = value as Record<string, unknown>[];
      return (
        <Flex vertical gap={8} style={{ width: '100%' }}>
          {items.map((item, i) => (
            <Descriptions
              key={i}
              size="small"
              bordered
              column={1}
              title={t('editor.item', {
                label: ctx.lang === 'zh' ? field.itemLabel : field.labelEn,
                n: i + 1,
              })}
              items={field.fields.map((sub) => ({
                key: sub.key,
                label: ctx.lang === 'zh' ? sub.label : sub.labelEn,
                children: <FieldValue field={sub} value={item?.[sub.key]} ctx={ctx} />,
              }))}
            />
          ))}
        </Flex>
      );
    }
  }
}

export function ReadOnlyApplication(props: {
  appId: string;
  form: FormDeclaration;
  data: Record<string, unknown>;
  attachments: FrozenAttachment[];
  settings: Pick<CampaignSettings, 'categories'>;
  /** where an attachment downloads from (default: the application's own attachment route) */
  attachmentHref?: (attachmentId: string) => string;
}) {
  const { lang } = useI18n();
  const ctx: Ctx = {
    href: props.attachmentHref ?? ((id) => attachmentUrl(props.appId, id)),
    settings: props.settings,
    files: new Map(props.attachments.map((a) => [a.id, a])),
    lang,
  };
  return (
    <Flex vertical gap={16} data-testid="frozen-content">
      {props.form.sections.map((s) => {
        const values = (props.data[s.key] ?? {}) as Record<string, unknown>;
        return (
          <Card
            key={s.key}
            size="small"
            title={lang === 'zh' ? s.title : s.titleEn}
            data-testid={`frozen-section-${s.key}`}
          >
            <Descriptions
              size="small"
              bordered
              column={1}
              styles={{ label: { width: 180 } }}
              items={s.fields.map((f) => ({
                key: f.key,
                label: lang === 'zh' ? f.label : f.labelEn,
                children: <FieldValue field={f} value={values[f.key]} ctx={ctx} />,
              }))}
            />
          </Card>
        );
      })}
    </Flex>
  );
}
