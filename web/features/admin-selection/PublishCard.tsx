// 发布名单 on the 遴选决定 page, after the 公示: before publishing, what stops it (公示期未结束,
// 异议未处理…) and the form — 文号, 发布日期 (from the day after the 公示 through today), an
// optional title — with the solutions that would be listed and the ids they would get; publishing
// is confirmed (it cannot be undone). After: the list with each solution's id, validity and status.
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
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ButtonProps } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { publishListSchema } from '../../../domain/publication';
import { beijingDay } from '../../../domain/registry';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PublishedStatusTag } from '../../components/PublicationResult';
import { formatDateTime, formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { usePublicNotice } from './notice-api';
import {
  usePublishedList,
  usePublishList,
  type PublishedListItem,
  type PublishedListView,
} from './publish-api';

/** The 文号 rule the server applies (at least 4 characters), checked before sending. */
export function documentNoOk(documentNo: string): boolean {
  return publishListSchema.shape.documentNo.safeParse(documentNo).success;
}

/** The card once a 公示 is opened (before that there is nothing to publish). */
export function PublishSection({ campaignId }: { campaignId: string }) {
  const notice = usePublicNotice(campaignId);
  return notice.data ? <PublishCard campaignId={campaignId} /> : null;
}

export function PublishCard({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const q = usePublishedList(campaignId);
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <TrophyOutlined />
          {t('publish.title')}
          {q.data && (
            <Tag color={q.data.list ? 'green' : 'default'} data-testid="publish-state">
              {t(q.data.list ? 'publish.state.published' : 'publish.state.draft')}
            </Tag>
          )}
        </Flex>
      }
      data-testid="publish-card"
    >
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.list ? (
        <PublishedSummary view={q.data} />
      ) : (
        <PublishForm campaignId={campaignId} view={q.data} />
      )}
    </Card>
  );
}

function ItemsTable({ items, published }: { items: PublishedListItem[]; published: boolean }) {
  const { t, lang } = useI18n();
  return (
    <Table<PublishedListItem>
      size="small"
      rowKey="applicationId"
      dataSource={items}
      pagination={items.length > 50 ? { pageSize: 50 } : false}
      data-testid="publish-items"
      locale={{ emptyText: t('publish.empty') }}
      columns={[
        {
          key: 'id',
          title: published ? t('publish.col.publicId') : t('publish.col.futureId'),
          dataIndex: 'publicId',
          width: 150,
          render: (id: string) => <span style={{ fontFamily: 'monospace' }}>{id}</span>,
        },
        { key: 's', title: t('publish.col.solution'), dataIndex: 'solutionName' },
        { key: 'e', title: t('publish.col.enterprise'), dataIndex: 'enterpriseName' },
        { key: 'c', title: t('publish.col.category'), dataIndex: 'categoryName', width: 150 },
        { key: 'u', title: t('publish.col.unit'), dataIndex: 'unitName', width: 140 },
        ...(published
          ? [
              {
                key: 'v',
                title: t('publish.col.validity'),
                width: 240,
                render: (_: unknown, r: PublishedListItem) =>
                  r.validFrom && r.validUntil
                    ? t('publication.validity', {
                        from: formatPlainDate(r.validFrom, lang),
                        until: formatPlainDate(r.validUntil, lang),
                      })
                    : '—',
              },
              {
                key: 'st',
                title: t('publish.col.status'),
                width: 90,
                render: (_: unknown, r: PublishedListItem) =>
                  r.status ? <PublishedStatusTag status={r.status} /> : '—',
              },
            ]
          : []),
      ]}
    />
  );
}

function PublishedSummary({ view }: { view: PublishedListView }) {
  const { t, lang } = useI18n();
  const list = view.list!;
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('publish.listTitle')} span={2}>
          <span data-testid="published-title">{list.title}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('publish.documentNo')}>
          <span data-testid="published-document-no">{list.documentNo}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('publish.publishedOn')}>
          {formatPlainDate(list.publishedOn, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={t('publish.validity')}>
          {t('publication.validity', {
            from: formatPlainDate(list.publishedOn, lang),
            until: formatPlainDate(list.validUntil, lang),
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('publish.publishedBy')}>
          {`${list.publishedBy} · ${formatDateTime(list.publishedAt)}`}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text data-testid="published-count">
        {t('publish.count', { n: view.items.length })}
      </Typography.Text>
      <ItemsTable items={view.items} published />
    </Flex>
  );
}

interface PublishFormValues {
  documentNo: string;
  publishedOn: Dayjs | null;
  title: string;
}

function Readiness({ view }: { view: PublishedListView }) {
  const { t } = useI18n();
  const o = view.objections;
  const counts =
    o.received + o.upheld + o.dismissed > 0
      ? t('publish.objections', { received: o.received, upheld: o.upheld, dismissed: o.dismissed })
      : t('publish.noObjections');
  if (view.problems.length)
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="publish-problems"
        title={t('publish.notReady')}
        description={
          <>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {view.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
            <Typography.Text type="secondary">{counts}</Typography.Text>
          </>
        }
      />
    );
  return (
    <Alert
      type="success"
      showIcon
      data-testid="publish-ready"
      title={t('publish.ready', { period: view.notice?.text ?? '' })}
      description={counts}
    />
  );
}

function PublishForm({ campaignId, view }: { campaignId: string; view: PublishedListView }) {
  const { t, lang, errorText } = useI18n();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<PublishFormValues>();
  const publish = usePublishList(campaignId);
  const [today] = useState(() => beijingDay(new Date()));
  const earliest = view.earliestPublishedOn;
  const blocked = view.problems.length > 0;
  const initialDay = earliest && earliest <= today ? today : null;

  const onFinish = (v: PublishFormValues) => {
    if (!v.publishedOn || blocked) return;
    const title = v.title.trim();
    const body = {
      documentNo: v.documentNo.trim(),
      publishedOn: v.publishedOn.format('YYYY-MM-DD'),
      ...(title ? { title } : {}),
    };
    modal.confirm({
      title: t('publish.confirmTitle'),
      width: 560,
      content: (
        <div data-testid="publish-confirm">
          <Typography.Paragraph strong>
            {t('publish.confirmList', {
              title: title || view.defaultTitle,
              documentNo: body.documentNo,
              date: formatPlainDate(body.publishedOn, lang),
            })}
          </Typography.Paragraph>
          <Typography.Paragraph>
            {t('publish.confirmBody', { n: view.items.length })}
          </Typography.Paragraph>
          <Typography.Paragraph strong type="danger" style={{ marginBottom: 0 }}>
            {t('publish.confirmWarn')}
          </Typography.Paragraph>
        </div>
      ),
      okText: t('publish.confirmOk'),
      okButtonProps: { danger: true, 'data-testid': 'publish-confirm-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: () =>
        publish
          .mutateAsync(body)
          .then(() => void message.success(t('publish.done')))
          .catch((e: unknown) => void message.error(errorText(e))),
    });
  };

  return (
    <Flex vertical gap={12}>
      <Readiness view={view} />
      {view.notice && (
        <Form<PublishFormValues>
          form={form}
          layout="vertical"
          data-testid="publish-form"
          initialValues={{
            documentNo: '',
            publishedOn: initialDay ? dayjs(initialDay) : null,
            title: '',
          }}
          onFinish={onFinish}
          style={{ maxWidth: 720 }}
        >
          <Typography.Paragraph type="secondary">{t('publish.intro')}</Typography.Paragraph>
          <Flex gap={16} wrap>
            <Form.Item
              name="documentNo"
              label={t('publish.documentNo')}
              required
              style={{ minWidth: 320 }}
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    documentNoOk(value ?? '')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('publish.documentNoRequired'))),
                },
              ]}
            >
              <Input
                maxLength={100}
                placeholder={t('publish.documentNoPlaceholder')}
                data-testid="publish-document-no"
              />
            </Form.Item>
            <Form.Item
              name="publishedOn"
              label={t('publish.publishedOn')}
              extra={
                earliest
                  ? t('publish.publishedOnHint', { date: formatPlainDate(earliest, lang) })
                  : undefined
              }
              rules={[{ required: true, message: t('publish.publishedOnRequired') }]}
            >
              <DatePicker
                format="YYYY-MM-DD"
                disabledDate={(d) => {
                  const day = d.format('YYYY-MM-DD');
                  return day > today || (!!earliest && day < earliest);
                }}
                style={{ width: 200 }}
                data-testid="publish-published-on"
              />
            </Form.Item>
          </Flex>
          <Form.Item name="title" label={t('publish.listTitle')} extra={t('publish.titleHint')}>
            <Input
              maxLength={200}
              placeholder={view.defaultTitle}
              data-testid="publish-list-title"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<TrophyOutlined />}
            loading={publish.isPending}
            disabled={blocked}
            data-testid="publish-submit"
          >
            {t('publish.submit')}
          </Button>
        </Form>
      )}
      {view.items.length > 0 && (
        <>
          <Typography.Text strong>{t('publish.preview', { n: view.items.length })}</Typography.Text>
          <ItemsTable items={view.items} published={false} />
        </>
      )}
    </Flex>
  );
}
