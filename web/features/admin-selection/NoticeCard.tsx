// 公示 on the 遴选决定 page, once the selection is frozen: the notice as it stands (period, state,
// how many solutions, how to object, the public page), or the form that opens it — the first day,
// the working days, how to object — with the period previewed on the campaign's working-day
// calendar before anything is stored. Opening is confirmed: it moves every application at once.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Tag,
  Typography,
} from 'antd';
import type { ButtonProps } from 'antd';
import { ExportOutlined, NotificationOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { DEFAULT_NOTICE_WORKING_DAYS, openPublicNoticeSchema } from '../../../domain/public-notice';
import { beijingDay } from '../../../domain/registry';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { NOTICE_STATE_COLORS, type PublicNoticeView } from '../../lib/public-notice';
import {
  useNoticePeriod,
  useOpenPublicNotice,
  usePublicNotice,
  type NoticePeriodView,
  type OpenedNotice,
} from './notice-api';

/** The contact rule the server applies (至少4个字), checked before sending. */
export function contactOk(contact: string): boolean {
  return openPublicNoticeSchema.shape.contact.safeParse(contact).success;
}

const DAY_MS = 86_400_000;
const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * Days off listed compactly, runs of consecutive days joined:
 * 2021-10-01…07, 10-09 → 10月1日至7日、10月9日; a run across months names both (9月30日至10月1日).
 */
export function daysOffText(days: readonly string[]): string {
  const runs: Array<[string, string]> = [];
  for (const d of [...days].sort()) {
    const last = runs.at(-1);
    if (last && Date.parse(d) - Date.parse(last[1]) === DAY_MS) last[1] = d;
    else runs.push([d, d]);
  }
  return runs
    .map(([a, b]) =>
      a === b
        ? md(a)
        : a.slice(0, 7) === b.slice(0, 7)
          ? `${md(a)}至${Number(b.slice(8, 10))}日`
          : `${md(a)}至${md(b)}`,
    )
    .join('、');
}

export function NoticeStateTag({ state }: { state: PublicNoticeView['state'] }) {
  const { t } = useI18n();
  return (
    <Tag color={NOTICE_STATE_COLORS[state]} data-testid="notice-state">
      {t(`notice.state.${state}`)}
    </Tag>
  );
}

export function NoticeCard({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const q = usePublicNotice(campaignId);
  const [opened, setOpened] = useState<OpenedNotice | null>(null);
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <NotificationOutlined />
          {t('notice.title')}
          {q.data && <NoticeStateTag state={q.data.state} />}
        </Flex>
      }
      data-testid="notice-card"
    >
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data ? (
        <NoticeSummary notice={q.data} opened={opened} />
      ) : (
        <OpenNoticeForm campaignId={campaignId} onOpened={setOpened} />
      )}
    </Card>
  );
}

function NoticeSummary({
  notice,
  opened,
}: {
  notice: PublicNoticeView;
  opened: OpenedNotice | null;
}) {
  const { t } = useI18n();
  const byCategory = new Map<string, number>();
  for (const i of notice.items)
    byCategory.set(i.categoryName, (byCategory.get(i.categoryName) ?? 0) + 1);
  return (
    <Flex vertical gap={12}>
      {opened && (
        <Alert
          type="success"
          showIcon
          data-testid="notice-opened"
          title={
            t('notice.opened', { inNotice: opened.inNotice, notSelected: opened.notSelected }) +
            (opened.undecided ? t('notice.openedUndecided', { undecided: opened.undecided }) : '')
          }
        />
      )}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('notice.period')}>
          <Flex gap={8} align="center" wrap>
            <span data-testid="notice-period">{notice.period.text}</span>
            <NoticeStateTag state={notice.state} />
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('notice.items')}>
          <span data-testid="notice-count">
            {t('notice.itemsCount', { n: notice.items.length })}
            {byCategory.size > 0 &&
              `（${[...byCategory].map(([name, n]) => `${name} ${n} 个`).join('，')}）`}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('notice.contact')}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="notice-contact">
            {notice.contact}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('notice.publishedAt')}>
          {formatDateTime(notice.publishedAt)}
        </Descriptions.Item>
      </Descriptions>
      <Link
        to={`/campaigns/${encodeURIComponent(notice.campaignCode)}/public-notice`}
        target="_blank"
        rel="noopener"
        data-testid="notice-public-link"
      >
        <ExportOutlined /> {t('notice.publicLink')}
      </Link>
    </Flex>
  );
}

interface NoticeFormValues {
  opensOn: Dayjs | null;
  workingDays: number | null;
  contact: string;
}

function PeriodPreview({ period }: { period: NoticePeriodView }) {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="notice-preview"
      title={
        <>
          {t('notice.preview')}：<Typography.Text strong>{period.text}</Typography.Text>
          {t('notice.previewDays', { calendarDays: period.calendarDays })}
        </>
      }
      description={
        period.daysOff.length
          ? t('notice.daysOff', { days: daysOffText(period.daysOff) })
          : t('notice.noDaysOff')
      }
    />
  );
}

function OpenNoticeForm(props: { campaignId: string; onOpened: (o: OpenedNotice) => void }) {
  const { t, errorText } = useI18n();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<NoticeFormValues>();
  const open = useOpenPublicNotice(props.campaignId);
  const [today] = useState(() => beijingDay(new Date()));
  const opensOn = Form.useWatch('opensOn', form);
  const workingDays = Form.useWatch('workingDays', form);
  const day = opensOn ? opensOn.format('YYYY-MM-DD') : undefined;
  const preview = useNoticePeriod(props.campaignId, day, workingDays);
  const previewError = day && preview.isError ? errorText(preview.error) : undefined;
  const period = day && !preview.isError ? preview.data : undefined;

  const onFinish = (v: NoticeFormValues) => {
    if (!v.opensOn || v.workingDays === null || previewError) return;
    const body = {
      opensOn: v.opensOn.format('YYYY-MM-DD'),
      workingDays: v.workingDays,
      contact: v.contact.trim(),
    };
    modal.confirm({
      title: t('notice.confirmTitle'),
      width: 560,
      content: (
        <div data-testid="notice-confirm">
          {period && (
            <Typography.Paragraph strong>
              {t('notice.confirmPeriod', { period: period.text })}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph>{t('notice.confirmBody')}</Typography.Paragraph>
          <Typography.Paragraph strong type="danger" style={{ marginBottom: 0 }}>
            {t('notice.confirmWarn')}
          </Typography.Paragraph>
        </div>
      ),
      okText: t('notice.confirmOk'),
      okButtonProps: { danger: true, 'data-testid': 'notice-confirm-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: () =>
        open
          .mutateAsync(body)
          .then((res) => {
            props.onOpened(res);
            void message.success(t('notice.openedShort'));
          })
          .catch((e: unknown) => void message.error(errorText(e))),
    });
  };

  return (
    <Form<NoticeFormValues>
      form={form}
      layout="vertical"
      data-testid="notice-form"
      initialValues={{
        opensOn: dayjs(today),
        workingDays: DEFAULT_NOTICE_WORKING_DAYS,
        contact: '',
      }}
      onFinish={onFinish}
      style={{ maxWidth: 720 }}
    >
      <Typography.Paragraph type="secondary">{t('notice.intro')}</Typography.Paragraph>
      <Flex gap={16} wrap>
        <Form.Item
          name="opensOn"
          label={t('notice.opensOn')}
          extra={previewError ? undefined : t('notice.opensOnHint')}
          rules={[{ required: true, message: t('notice.opensOnRequired') }]}
          validateStatus={previewError ? 'error' : undefined}
          help={previewError}
          style={{ maxWidth: 360 }}
        >
          <DatePicker
            format="YYYY-MM-DD"
            disabledDate={(d) => d.format('YYYY-MM-DD') < today}
            style={{ width: 200 }}
            data-testid="notice-opens-on"
          />
        </Form.Item>
        <Form.Item
          name="workingDays"
          label={t('notice.workingDays')}
          rules={[{ required: true, message: t('notice.workingDaysRequired') }]}
        >
          <InputNumber
            min={1}
            max={30}
            precision={0}
            suffix={t('notice.workingDaysUnit')}
            style={{ width: 160 }}
            data-testid="notice-working-days"
          />
        </Form.Item>
      </Flex>
      {period && (
        <div style={{ marginBottom: 16 }}>
          <PeriodPreview period={period} />
        </div>
      )}
      {day && preview.isFetching && !period && (
        <Typography.Paragraph type="secondary">{t('notice.previewLoading')}</Typography.Paragraph>
      )}
      <Form.Item
        name="contact"
        label={t('notice.contact')}
        extra={t('notice.contactHint')}
        rules={[
          {
            validator: (_, value: string | undefined) =>
              contactOk(value ?? '')
                ? Promise.resolve()
                : Promise.reject(new Error(t('notice.contactShort'))),
          },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          placeholder={t('notice.contactPlaceholder')}
          data-testid="notice-contact-input"
        />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        icon={<NotificationOutlined />}
        loading={open.isPending}
        disabled={!!previewError}
        data-testid="notice-open"
      >
        {t('notice.open')}
      </Button>
    </Form>
  );
}
