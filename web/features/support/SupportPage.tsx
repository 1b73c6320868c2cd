// /recommender/support — 配套支持: the unit's selected solutions with their validity and status, and
// the support recorded for each (policy, funding with its amount, resource; the day, the 文号 and
// document); a recommender records new support and withdraws a record entered by mistake (with a
// reason; it stays, marked withdrawn). Read-only for anyone else.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { SUPPORT_KINDS, type SupportKind } from '../../../domain/support';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PublishedStatusTag } from '../../components/PublicationResult';
import { useI18n } from '../../lib/i18n';
import {
  supportDocumentUrl,
  useRecordSupport,
  useSupportList,
  useWithdrawSupport,
  type SupportRecord,
  type SupportSolution,
} from './api';

export function SupportPage() {
  const { t } = useI18n();
  const q = useSupportList();
  const [adding, setAdding] = useState<SupportSolution | null>(null);
  return (
    <Card title={t('support.title')} data-testid="support-page">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('support.intro')} />
        {q.error != null && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
        <Table<SupportSolution>
          // antd expands "all rows" only on the first render: remount once the rows have come
          key={q.data ? 'loaded' : 'loading'}
          rowKey="publicId"
          loading={q.isPending}
          dataSource={q.data?.solutions ?? []}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('support.empty') }}
          expandable={{
            defaultExpandAllRows: true,
            rowExpandable: (s) => s.records.length > 0,
            expandedRowRender: (s) => <Records records={s.records} />,
          }}
          columns={[
            { title: t('lifecycle.col.publicId'), dataIndex: 'publicId', width: 140 },
            { title: t('lifecycle.col.solution'), dataIndex: 'solutionName', width: 260 },
            { title: t('lifecycle.col.enterprise'), dataIndex: 'enterpriseName', width: 220 },
            {
              title: t('lifecycle.col.validity'),
              key: 'validity',
              width: 200,
              render: (_: unknown, s) => `${s.validFrom} ~ ${s.validUntil}`,
            },
            {
              title: t('lifecycle.col.status'),
              dataIndex: 'status',
              width: 90,
              render: (_: unknown, s) => <PublishedStatusTag status={s.status} />,
            },
            {
              title: t('support.records'),
              key: 'records',
              width: 90,
              render: (_: unknown, s) => s.records.filter((r) => !r.withdrawnAt).length,
            },
            ...(q.data?.canRecord
              ? [
                  {
                    title: t('lifecycle.col.actions'),
                    key: 'actions',
                    width: 120,
                    render: (_: unknown, s: SupportSolution) => (
                      <Button
                        type="link"
                        icon={<PlusOutlined />}
                        onClick={() => setAdding(s)}
                        data-testid={`support-add-${s.publicId}`}
                      >
                        {t('support.add')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Space>
      {adding && (
        <RecordDialog solution={adding} today={q.data!.today} onClose={() => setAdding(null)} />
      )}
    </Card>
  );
}

function Records({ records }: { records: SupportRecord[] }) {
  const { t, errorText } = useI18n();
  const { message, modal } = App.useApp();
  const withdraw = useWithdrawSupport();
  const ask = (r: SupportRecord) => {
    let reason = '';
    modal.confirm({
      title: t('support.withdrawTitle'),
      content: (
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('support.withdrawReason')}
          onChange={(e) => (reason = e.target.value)}
          data-testid="support-withdraw-reason"
        />
      ),
      okText: t('support.withdraw'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await withdraw.mutateAsync({ id: r.id, reason });
          void message.success(t('support.withdrawn'));
        } catch (e) {
          void message.error(errorText(e));
          throw e;
        }
      },
    });
  };
  return (
    <Table<SupportRecord>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={records}
      data-testid="support-records"
      columns={[
        {
          title: t('support.kind'),
          dataIndex: 'kindLabel',
          width: 100,
          render: (v: string, r) => (r.withdrawnAt ? <Tag>{t('support.withdrawnTag')}</Tag> : v),
        },
        {
          title: t('support.titleLabel'),
          dataIndex: 'title',
          render: (v: string, r) => (
            <Typography.Text delete={!!r.withdrawnAt}>
              {v}
              {r.withdrawReason
                ? `（${t('support.withdrawnBecause', { reason: r.withdrawReason })}）`
                : ''}
            </Typography.Text>
          ),
        },
        {
          title: t('support.amount'),
          dataIndex: 'amountYuan',
          width: 140,
          render: (n: number | null) => (n === null ? '—' : `${n.toLocaleString('zh-CN')} 元`),
        },
        { title: t('support.day'), dataIndex: 'day', width: 110 },
        {
          title: t('support.documentNo'),
          key: 'doc',
          width: 220,
          render: (_: unknown, r) => (
            <Space size={4}>
              {r.documentNo || ''}
              {r.document && <a href={supportDocumentUrl(r.document.id)}>{r.document.filename}</a>}
            </Space>
          ),
        },
        { title: t('support.unit'), dataIndex: 'unitName', width: 110 },
        {
          title: '',
          key: 'actions',
          width: 80,
          render: (_: unknown, r) =>
            r.canWithdraw ? (
              <Button
                type="link"
                danger
                onClick={() => ask(r)}
                data-testid={`support-withdraw-${r.id}`}
              >
                {t('support.withdraw')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}

interface RecordForm {
  kind: SupportKind;
  title: string;
  amountYuan?: number;
  day: Dayjs;
  documentNo?: string;
  note?: string;
}

function RecordDialog(props: { solution: SupportSolution; today: string; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordForm>();
  const kind = Form.useWatch('kind', form);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const record = useRecordSupport();
  const submit = async (v: RecordForm) => {
    try {
      await record.mutateAsync({
        input: {
          publicId: props.solution.publicId,
          kind: v.kind,
          title: v.title,
          amountYuan: v.amountYuan ?? null,
          day: v.day.format('YYYY-MM-DD'),
          documentNo: v.documentNo ?? '',
          note: v.note ?? '',
        },
        file: files[0]?.originFileObj,
      });
      void message.success(t('support.recorded'));
      props.onClose();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <Modal
      open
      title={t('support.addTitle', { name: props.solution.solutionName })}
      okText={t('support.save')}
      okButtonProps={{ loading: record.isPending }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form<RecordForm>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'policy' }}
        onFinish={(v) => void submit(v)}
        data-testid="support-form"
      >
        <Form.Item name="kind" label={t('support.kind')} rules={[{ required: true }]}>
          <Select
            options={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`support.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('support.titleLabel')}
          rules={[{ required: true, min: 2, message: t('support.titleRequired') }]}
        >
          <Input maxLength={200} data-testid="support-title" />
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label={t('support.amount')}
          rules={[{ required: kind === 'funding', message: t('support.amountRequired') }]}
        >
          <InputNumber min={1} precision={0} style={{ width: 220 }} addonAfter="元" />
        </Form.Item>
        <Form.Item
          name="day"
          label={t('support.day')}
          rules={[{ required: true, message: t('support.dayRequired') }]}
        >
          <DatePicker
            disabledDate={(d) => d.format('YYYY-MM-DD') > props.today}
            data-testid="support-day"
          />
        </Form.Item>
        <Form.Item name="documentNo" label={t('support.documentNo')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('support.document')} extra={t('lifecycle.evidenceHint')}>
          <Upload
            accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(-1))}
          >
            <Button icon={<UploadOutlined />}>{t('lifecycle.evidenceUpload')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="note" label={t('support.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
