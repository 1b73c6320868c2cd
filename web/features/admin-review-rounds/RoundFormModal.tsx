// 新建评审轮次 / 修改本轮设置: name, reviews per application, the load limit, the deadline (Beijing
// time), 匿名评审, 回避本地区, and the panels — by category automatically, or made by hand.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Switch,
  Typography,
} from 'antd';
import type { ButtonProps, FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  createRoundSchema,
  DEFAULT_MAX_LOAD,
  updateRoundSchema,
  type PanelInput,
} from '../../../domain/review-rounds';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n, type Translate } from '../../lib/i18n';
import type { Campaign } from '../../lib/types';
import {
  useActiveExperts,
  useCreateRound,
  useUpdateRound,
  type CreateRoundBody,
  type ExpertView,
  type RoundView,
  type UpdateRoundBody,
} from './api';

interface PanelValues {
  name?: string;
  categories?: string[];
  expertIds?: string[];
}

export interface RoundValues {
  name?: string;
  reviewsPerApplication?: number | null;
  maxLoad?: number | null;
  deadline?: Dayjs | null;
  anonymous: boolean;
  avoidSameRegion: boolean;
  /** create only: one panel per category (the server's default), or the panels below */
  panelMode: 'auto' | 'custom';
  panels: PanelValues[];
}

type FieldName = string | (string | number)[];

/** The picker shows Beijing wall-clock time, whatever the browser's zone. */
const toPicker = (iso: string): Dayjs => dayjs(formatDateTime(iso));
const fromPicker = (d: Dayjs): string => `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`;

const DEFAULT_REVIEWS = 5;

/** What the form starts from: a new round's defaults, or the round as it is. */
export function initialValues(campaign: Campaign, round?: RoundView): RoundValues {
  if (round)
    return {
      name: round.name,
      reviewsPerApplication: round.reviewsPerApplication,
      maxLoad: round.maxLoad,
      deadline: toPicker(round.deadline),
      anonymous: round.anonymous,
      avoidSameRegion: round.avoidSameRegion,
      panelMode: 'custom',
      panels: round.panels.map((p) => ({
        name: p.name,
        categories: p.categories,
        expertIds: p.expertIds,
      })),
    };
  return {
    name: '',
    reviewsPerApplication: campaign.settings.review?.reviewsPerApplication ?? DEFAULT_REVIEWS,
    maxLoad: DEFAULT_MAX_LOAD,
    deadline: null,
    anonymous: true,
    avoidSameRegion: false,
    panelMode: 'auto',
    panels: [],
  };
}

/** One panel per category with the active experts of that category (as the server would). */
export function panelsByCategory(campaign: Campaign, experts: ExpertView[]): PanelValues[] {
  return campaign.settings.categories.map((c) => ({
    name: c.name,
    categories: [c.code],
    expertIds: experts.filter((e) => e.active && e.categories.includes(c.code)).map((e) => e.id),
  }));
}

/**
 * What the form's own rules cannot see: a category in two panels, and a deadline already past.
 * Each problem on its field.
 */
export function crossProblems(
  campaign: Campaign,
  v: RoundValues,
  t: Translate,
  now = new Date(),
): Array<{ name: FieldName; errors: string[] }> {
  const out: Array<{ name: FieldName; errors: string[] }> = [];
  if (v.deadline && new Date(fromPicker(v.deadline)) <= now)
    out.push({ name: 'deadline', errors: [t('rounds.form.deadlinePast')] });
  if (v.panelMode === 'custom') {
    const owner = new Map<string, number>();
    v.panels.forEach((p, i) => {
      const taken = (p.categories ?? []).filter((c) => owner.has(c) && owner.get(c) !== i);
      for (const c of p.categories ?? []) if (!owner.has(c)) owner.set(c, i);
      if (taken.length)
        out.push({
          name: ['panels', i, 'categories'],
          errors: [
            t('rounds.form.categoryTaken', {
              names: taken
                .map((c) => campaign.settings.categories.find((x) => x.code === c)?.name ?? c)
                .join(t('common.listSep')),
              n: owner.get(taken[0]!)! + 1,
            }),
          ],
        });
    });
  }
  return out;
}

const panelsOf = (v: RoundValues): PanelInput[] =>
  v.panels.map((p) => ({
    name: (p.name ?? '').trim(),
    categories: p.categories ?? [],
    expertIds: p.expertIds ?? [],
  }));

const samePanels = (a: PanelInput[], b: PanelInput[]) =>
  JSON.stringify(a.map((p) => [p.name, p.categories, p.expertIds])) ===
  JSON.stringify(b.map((p) => [p.name, p.categories, p.expertIds]));

/** createReviewRound's body: panels only when made by hand. */
export function createBody(v: RoundValues): CreateRoundBody {
  return {
    name: (v.name ?? '').trim(),
    reviewsPerApplication: v.reviewsPerApplication ?? undefined,
    maxLoad: v.maxLoad ?? undefined,
    deadline: v.deadline ? fromPicker(v.deadline) : '',
    anonymous: v.anonymous,
    avoidSameRegion: v.avoidSameRegion,
    ...(v.panelMode === 'custom' ? { panels: panelsOf(v) } : {}),
  };
}

/** updateReviewRound's body: what changed, over the revision seen. */
export function updateBody(round: RoundView, v: RoundValues): UpdateRoundBody {
  const body: UpdateRoundBody = { baseRevision: round.revision };
  const name = (v.name ?? '').trim();
  if (name !== round.name) body.name = name;
  if (v.reviewsPerApplication != null && v.reviewsPerApplication !== round.reviewsPerApplication)
    body.reviewsPerApplication = v.reviewsPerApplication;
  if (v.maxLoad != null && v.maxLoad !== round.maxLoad) body.maxLoad = v.maxLoad;
  if (v.deadline) {
    const deadline = fromPicker(v.deadline);
    if (new Date(deadline).getTime() !== new Date(round.deadline).getTime())
      body.deadline = deadline;
  }
  if (v.anonymous !== round.anonymous) body.anonymous = v.anonymous;
  if (v.avoidSameRegion !== round.avoidSameRegion) body.avoidSameRegion = v.avoidSameRegion;
  const panels = panelsOf(v);
  if (!samePanels(panels, round.panels)) body.panels = panels;
  return body;
}

/** A server's field problem on the form: `panels.0.categories.1` → ['panels', 0, 'categories']. */
function fieldOf(path: string): FieldName | null {
  const parts = path.split('.');
  if (parts[0] === 'panels' && parts.length >= 3) return ['panels', Number(parts[1]), parts[2]!];
  if (parts[0] === 'panels') return null;
  return parts[0] ?? null;
}

function PanelsEditor(props: { campaign: Campaign; experts: ExpertView[]; loading: boolean }) {
  const { t } = useI18n();
  const categoryOptions = props.campaign.settings.categories.map((c) => ({
    value: c.code,
    label: c.name,
  }));
  const expertOptions = props.experts.map((e) => ({
    value: e.id,
    label: `${e.name}（${e.employerName}）`,
  }));
  return (
    <Form.List name="panels">
      {(fields, { add, remove }) => (
        <Flex vertical gap={12} data-testid="panels-editor">
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              title={t('rounds.form.panelN', { n: i + 1 })}
              extra={
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('rounds.form.removePanel', { n: i + 1 })}
                  onClick={() => remove(f.name)}
                />
              }
            >
              <Form.Item
                name={[f.name, 'name']}
                label={t('rounds.form.panelName')}
                rules={[
                  { required: true, whitespace: true, message: t('rounds.form.panelNameRequired') },
                ]}
              >
                <Input maxLength={40} data-testid={`panel-name-${i}`} />
              </Form.Item>
              <Form.Item
                name={[f.name, 'categories']}
                label={t('rounds.form.panelCategories')}
                rules={[
                  {
                    required: true,
                    type: 'array',
                    min: 1,
                    message: t('rounds.form.panelCategoriesRequired'),
                  },
                ]}
              >
                <Select
                  mode="multiple"
                  options={categoryOptions}
                  data-testid={`panel-categories-${i}`}
                />
              </Form.Item>
              <Form.Item
                name={[f.name, 'expertIds']}
                label={t('rounds.form.panelExperts')}
                style={{ marginBottom: 0 }}
              >
                <Select
                  mode="multiple"
                  loading={props.loading}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={expertOptions}
                  placeholder={t('rounds.form.panelExpertsPlaceholder')}
                  data-testid={`panel-experts-${i}`}
                />
              </Form.Item>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ name: '', categories: [], expertIds: [] })}
            data-testid="panel-add"
          >
            {t('rounds.form.addPanel')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

export type RoundFormTarget = { mode: 'create' } | { mode: 'edit'; round: RoundView };

/** The modal form; a created round becomes the selected one (onCreated). */
export function RoundFormModal(props: {
  campaign: Campaign;
  target: RoundFormTarget | null;
  onClose: () => void;
  onCreated: (round: RoundView) => void;
}) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const { campaign, target } = props;
  const editing = target?.mode === 'edit' ? target.round : undefined;
  const [form] = Form.useForm<RoundValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const panelMode = Form.useWatch('panelMode', form) ?? (editing ? 'custom' : 'auto');
  const experts = useActiveExperts(!!target);
  const create = useCreateRound(campaign.id);
  const update = useUpdateRound(campaign.id, editing?.id ?? '');
  const pending = create.isPending || update.isPending;
  /** Marks fields by path (nested ones under panels). */
  const mark = (fields: Array<{ name: FieldName; errors: string[] }>) =>
    (form as FormInstance).setFields(fields);

  const close = () => {
    setFailure(null);
    props.onClose();
  };

  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'CONFLICT' && editing) {
      // someone changed the round meanwhile: say so; the page reloads it as it is now
      void message.error(errorText(e));
      close();
      return;
    }
    const fields =
      e instanceof ApiError
        ? e.fieldIssues.flatMap((i) => {
            const name = fieldOf(i.path);
            return name === null ? [] : [{ name, errors: [i.message] }];
          })
        : [];
    if (fields.length) mark(fields);
    else setFailure(errorText(e));
  };

  const submit = async () => {
    setFailure(null);
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const values = { ...form.getFieldsValue(true), ...v } as RoundValues;
    const problems = crossProblems(campaign, values, t);
    if (problems.length) {
      mark(problems);
      return;
    }
    try {
      if (editing) {
        const body = updateBody(editing, values);
        const parsed = updateRoundSchema.safeParse(body);
        if (!parsed.success) return setFailure(parsed.error.issues[0]?.message ?? '');
        if (Object.keys(body).length === 1) return close();
        await update.mutateAsync(body);
        void message.success(t('rounds.form.saved'));
        close();
      } else {
        const body = createBody(values);
        const parsed = createRoundSchema.safeParse(body);
        if (!parsed.success) return setFailure(parsed.error.issues[0]?.message ?? '');
        const round = await create.mutateAsync(body);
        void message.success(t('rounds.form.created', { name: round.name }));
        props.onCreated(round);
        close();
      }
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Modal
      open={!!target}
      title={editing ? t('rounds.form.editTitle', { name: editing.name }) : t('rounds.create')}
      width={760}
      destroyOnHidden
      onCancel={close}
      onOk={() => void submit()}
      okText={editing ? t('common.save') : t('rounds.form.createOk')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      okButtonProps={{ 'data-testid': 'round-form-ok' } as ButtonProps}
    >
      {target && (
        <div data-testid="round-form">
          {failure && (
            <Alert
              type="error"
              showIcon
              title={failure}
              style={{ marginBottom: 16 }}
              data-testid="round-form-error"
            />
          )}
          <Form<RoundValues>
            form={form}
            layout="vertical"
            name="review-round"
            initialValues={initialValues(campaign, editing)}
          >
            <Form.Item
              name="name"
              label={t('rounds.form.name')}
              rules={[
                {
                  validator: async (_r, v: string | undefined) => {
                    if ((v ?? '').trim().length < 2) throw new Error(t('rounds.form.nameRequired'));
                  },
                },
              ]}
            >
              <Input
                maxLength={60}
                placeholder={t('rounds.form.namePlaceholder')}
                data-testid="round-name"
              />
            </Form.Item>
            <Flex gap={16} wrap>
              <Form.Item
                name="reviewsPerApplication"
                label={t('rounds.form.reviewsPer')}
                extra={t('rounds.form.reviewsPerHelp')}
                rules={[
                  {
                    required: true,
                    type: 'integer',
                    min: 1,
                    max: 15,
                    message: t('rounds.form.reviewsPerRange'),
                  },
                ]}
              >
                <InputNumber precision={0} style={{ width: 200 }} data-testid="round-reviews" />
              </Form.Item>
              <Form.Item
                name="maxLoad"
                label={t('rounds.form.maxLoad')}
                extra={t('rounds.form.maxLoadHelp')}
                rules={[
                  {
                    required: true,
                    type: 'integer',
                    min: 1,
                    max: 500,
                    message: t('rounds.form.maxLoadRange'),
                  },
                ]}
              >
                <InputNumber precision={0} style={{ width: 200 }} data-testid="round-max-load" />
              </Form.Item>
              <Form.Item
                name="deadline"
                label={t('rounds.form.deadline')}
                extra={t('rounds.form.deadlineHelp')}
                rules={[{ required: true, message: t('rounds.form.deadlineRequired') }]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
                  style={{ width: 220 }}
                  data-testid="round-deadline"
                />
              </Form.Item>
            </Flex>
            <Flex gap={32} wrap>
              <Form.Item
                name="anonymous"
                label={t('rounds.form.anonymous')}
                extra={t('rounds.form.anonymousHelp')}
                valuePropName="checked"
              >
                <Switch data-testid="round-anonymous" />
              </Form.Item>
              <Form.Item
                name="avoidSameRegion"
                label={t('rounds.form.avoidSameRegion')}
                extra={t('rounds.form.avoidSameRegionHelp')}
                valuePropName="checked"
              >
                <Switch data-testid="round-avoid-region" />
              </Form.Item>
            </Flex>
            <Typography.Title level={5}>{t('rounds.form.panels')}</Typography.Title>
            {editing ? (
              editing.counts.proposed > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('rounds.form.panelsDiscard')}
                  style={{ marginBottom: 12 }}
                />
              )
            ) : (
              <Form.Item name="panelMode">
                <Radio.Group
                  options={[
                    { value: 'auto', label: t('rounds.form.panelsAuto') },
                    { value: 'custom', label: t('rounds.form.panelsCustom') },
                  ]}
                  onChange={(e) => {
                    if (e.target.value === 'custom' && !form.getFieldValue('panels')?.length)
                      form.setFieldValue('panels', panelsByCategory(campaign, experts.data ?? []));
                  }}
                  data-testid="panel-mode"
                />
              </Form.Item>
            )}
            {panelMode === 'auto' ? (
              <Typography.Paragraph type="secondary" data-testid="panels-auto-note">
                {t('rounds.form.panelsAutoNote', {
                  names: campaign.settings.categories.map((c) => c.name).join(t('common.listSep')),
                })}
              </Typography.Paragraph>
            ) : (
              <>
                {!editing && (
                  <Button
                    size="small"
                    style={{ marginBottom: 12 }}
                    disabled={!experts.data}
                    onClick={() =>
                      form.setFieldValue('panels', panelsByCategory(campaign, experts.data ?? []))
                    }
                    data-testid="panels-fill"
                  >
                    {t('rounds.form.panelsFill')}
                  </Button>
                )}
                {experts.error ? (
                  <Alert type="error" showIcon title={errorText(experts.error)} />
                ) : null}
                <PanelsEditor
                  campaign={campaign}
                  experts={experts.data ?? []}
                  loading={experts.isPending}
                />
              </>
            )}
          </Form>
        </div>
      )}
    </Modal>
  );
}
