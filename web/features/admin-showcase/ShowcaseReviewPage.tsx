// /admin/showcase — 成果展示审核: the enterprises' showcases by state (待审核 first, the oldest
// submission on top), paged; one opened in a drawer shows the text and images submitted and what
// is public now; the organizer approves it (it becomes public) or returns it with a reason (at
// least 4 字). A submission withdrawn or changed meanwhile is refused; the drawer reloads.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Image,
  Input,
  Radio,
  Segmented,
  Space,
  Table,
  Typography,
} from 'antd';
import { SHOWCASE_NOTE_MIN, type ShowcaseState } from '../../../domain/showcase';
import { countWords } from '../../../domain/word-count';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { PublicNow, ShowcaseStateTag } from '../../components/Showcase';
import { useShowcase, type ShowcaseSubmission } from '../../lib/showcase';
import { useReviewShowcase, useShowcaseSubmissions } from './api';

type Filter = ShowcaseState | 'all';
const FILTERS: Filter[] = ['pending', 'approved', 'rejected', 'draft', 'all'];
const PAGE_SIZE = 20;

export function ShowcaseReviewPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('pending');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useShowcaseSubmissions(filter === 'all' ? undefined : filter, page, PAGE_SIZE);
  return (
    <Card title={t('showcase.admin.title')} data-testid="showcase-review-page">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('showcase.admin.intro')} />
        <Segmented
          value={filter}
          onChange={(v) => {
            setFilter(v as Filter);
            setPage(1);
          }}
          options={FILTERS.map((f) => ({
            value: f,
            label: t(f === 'all' ? 'showcase.admin.all' : `showcase.state.${f}`),
          }))}
          data-testid="showcase-filter"
        />
        {list.error != null && (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        )}
        <Table<ShowcaseSubmission>
          rowKey="publicId"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => t('showcase.admin.total', { n }),
          }}
          locale={{ emptyText: t('showcase.admin.empty') }}
          columns={[
            { title: t('showcase.col.publicId'), dataIndex: 'publicId', width: 150 },
            { title: t('showcase.col.solution'), dataIndex: 'solutionName' },
            { title: t('showcase.col.enterprise'), dataIndex: 'enterpriseName' },
            { title: t('showcase.col.unit'), dataIndex: 'unitName', width: 140 },
            {
              title: t('showcase.col.state'),
              dataIndex: 'state',
              width: 100,
              render: (s: ShowcaseState) => <ShowcaseStateTag state={s} />,
            },
            {
              title: t('showcase.col.submittedAt'),
              dataIndex: 'submittedAt',
              width: 170,
              render: (v: string | null) => formatDateTime(v),
            },
            {
              title: t('showcase.col.actions'),
              key: 'actions',
              width: 90,
              render: (_: unknown, r) => (
                <Button
                  type="link"
                  onClick={() => setOpenId(r.publicId)}
                  data-testid={`showcase-open-${r.publicId}`}
                >
                  {t(r.state === 'pending' ? 'showcase.admin.review' : 'showcase.admin.view')}
                </Button>
              ),
            },
          ]}
        />
      </Space>
      <Drawer
        open={!!openId}
        onClose={() => setOpenId(null)}
        size="large"
        title={t('showcase.admin.drawer')}
        destroyOnHidden
      >
        {openId && <ReviewDrawer publicId={openId} onDone={() => setOpenId(null)} />}
      </Drawer>
    </Card>
  );
}

function ReviewDrawer({ publicId, onDone }: { publicId: string; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const q = useShowcase(publicId);
  const review = useReviewShowcase(publicId);
  const [form] = Form.useForm<{ decision: 'approve' | 'reject'; note?: string }>();
  const decision = Form.useWatch('decision', form);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const v = q.data;
  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="showcase-drawer"
    >
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('showcase.col.publicId')}>{v.publicId}</Descriptions.Item>
        <Descriptions.Item label={t('showcase.col.solution')}>{v.solutionName}</Descriptions.Item>
        <Descriptions.Item label={t('showcase.col.enterprise')}>
          {v.enterpriseName}
        </Descriptions.Item>
        <Descriptions.Item label={t('showcase.col.unit')}>{v.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('showcase.col.state')}>
          <ShowcaseStateTag state={v.state} />
        </Descriptions.Item>
        <Descriptions.Item label={t('showcase.col.submittedAt')}>
          {formatDateTime(v.submittedAt)}
        </Descriptions.Item>
        {v.reviewNote && (
          <Descriptions.Item label={t('showcase.admin.note')}>{v.reviewNote}</Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title={t('showcase.admin.submittedText', { n: countWords(v.text) })}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="showcase-drawer-text">
          {v.text}
        </Typography.Paragraph>
        <Image.PreviewGroup>
          <Flex gap={12} wrap>
            {v.images.map((img, i) => (
              <Image
                key={img.id}
                src={img.url}
                alt={`${i + 1}. ${img.filename}`}
                width={160}
                height={110}
                style={{ objectFit: 'cover' }}
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      </Card>
      {v.state === 'pending' && (
        <Card size="small" title={t('showcase.admin.decide')}>
          {v.public && (
            <Alert
              type="info"
              showIcon
              title={t('showcase.admin.replaces')}
              style={{ marginBottom: 12 }}
            />
          )}
          {review.error != null && <ErrorAlert error={review.error} />}
          <Form
            form={form}
            layout="vertical"
            initialValues={{ decision: 'approve' }}
            onFinish={(values) =>
              review.mutate(
                {
                  decision: values.decision,
                  note: values.note?.trim() || undefined,
                  version: v.version ?? 0,
                },
                {
                  onSuccess: () => {
                    void message.success(
                      t(
                        values.decision === 'approve'
                          ? 'showcase.admin.approved'
                          : 'showcase.admin.rejected',
                      ),
                    );
                    onDone();
                  },
                },
              )
            }
          >
            <Form.Item name="decision" label={t('showcase.admin.decision')}>
              <Radio.Group>
                <Radio value="approve">{t('showcase.admin.approve')}</Radio>
                <Radio value="reject">{t('showcase.admin.reject')}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="note"
              label={t(
                decision === 'reject' ? 'showcase.admin.reason' : 'showcase.admin.noteOptional',
              )}
              rules={[
                {
                  validator: async (_r, value?: string) => {
                    if (form.getFieldValue('decision') !== 'reject') return;
                    if (countWords((value ?? '').trim()) < SHOWCASE_NOTE_MIN)
                      throw new Error(
                        t('showcase.admin.reasonRequired', { min: SHOWCASE_NOTE_MIN }),
                      );
                  },
                },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 3 }} data-testid="showcase-note" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              loading={review.isPending}
              data-testid="showcase-review-submit"
            >
              {t(decision === 'reject' ? 'showcase.admin.reject' : 'showcase.admin.approve')}
            </Button>
          </Form>
        </Card>
      )}
      <PublicNow view={v} />
    </Space>
  );
}
