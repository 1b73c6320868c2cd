// 提出异议 on the public notice page (no account): while the 公示 runs, anyone picks a solution from
// the list, says who they are and why, may attach one document, answers the arithmetic question
// and gets a reference number to keep. Before or after the period the card says so instead of the
// form. The fields are checked with the server's own schema before sending; a hidden field no
// person fills (the honeypot) is sent empty.
import { useState, type CSSProperties } from 'react';
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Result,
  Select,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  CHALLENGE_MINUTES,
  HONEYPOT_FIELD,
  OBJECTION_REASONS_MAX,
  OBJECTION_REASONS_MIN,
  submitObjectionSchema,
} from '../../../domain/objections';
import { countWords } from '../../../domain/word-count';
import { ApiError } from '../../lib/api';
import { formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { PublicNoticeView } from '../../lib/public-notice';
import { fieldRule, issuesToFields, markFields } from '../../lib/zod-form';
import { useChallenge, useSubmitObjection, type ObjectionReceipt } from './objection-api';

interface Values {
  itemId?: string;
  name?: string;
  organisation?: string;
  phone?: string;
  email?: string;
  reasons?: string;
  challengeAnswer?: string;
}

const FIELDS = ['itemId', 'name', 'organisation', 'phone', 'email', 'reasons', 'challengeAnswer'];

/** Kept off screen and out of the accessibility tree: only a program fills it. */
const HIDDEN: CSSProperties = {
  position: 'absolute',
  left: '-10000px',
  width: 1,
  height: 1,
  overflow: 'hidden',
};

export function ObjectionCard({ notice: n, code }: { notice: PublicNoticeView; code: string }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [receipt, setReceipt] = useState<ObjectionReceipt | null>(null);
  const to = formatPlainDate(n.period.to, lang);
  let body;
  if (n.state === 'upcoming')
    body = (
      <Typography.Text data-testid="objection-upcoming">
        {t('objection.form.upcoming', { date: formatPlainDate(n.period.from, lang) })}
      </Typography.Text>
    );
  else if (n.state === 'closed')
    body = (
      <Typography.Text data-testid="objection-closed">{t('objection.form.closed')}</Typography.Text>
    );
  else if (receipt)
    body = (
      <Done
        receipt={receipt}
        onAnother={() => {
          setReceipt(null);
          setOpen(true);
        }}
      />
    );
  else
    body = (
      <>
        <Typography.Paragraph>{t('objection.form.intro', { date: to })}</Typography.Paragraph>
        {open ? (
          <ObjectionForm
            notice={n}
            code={code}
            onDone={(r) => {
              setReceipt(r);
              setOpen(false);
            }}
            onCancel={() => setOpen(false)}
          />
        ) : (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="objection-open">
            {t('objection.form.open')}
          </Button>
        )}
      </>
    );
  return (
    <Card size="small" title={t('objection.form.title')} data-testid="objection-card">
      {body}
    </Card>
  );
}

function Done({ receipt, onAnother }: { receipt: ObjectionReceipt; onAnother: () => void }) {
  const { t } = useI18n();
  return (
    <Result
      status="success"
      title={t('objection.done.title')}
      data-testid="objection-done"
      subTitle={
        <Flex vertical gap={4} align="center">
          <Typography.Text>{t('objection.done.ref')}</Typography.Text>
          <Typography.Title
            level={2}
            copyable
            style={{ margin: 0, fontFamily: 'monospace' }}
            data-testid="objection-ref"
          >
            {receipt.referenceNo}
          </Typography.Title>
          <Typography.Text>
            {t('objection.done.solution', { name: receipt.solutionName })}
          </Typography.Text>
          <Alert
            type="warning"
            showIcon
            title={t('objection.done.keep')}
            style={{ marginTop: 8, textAlign: 'left' }}
          />
          <Typography.Text type="secondary">
            {receipt.emailed ? t('objection.done.emailed') : t('objection.done.phone')}
          </Typography.Text>
        </Flex>
      }
      extra={<Button onClick={onAnother}>{t('objection.done.another')}</Button>}
    />
  );
}

function ObjectionForm(props: {
  notice: PublicNoticeView;
  code: string;
  onDone: (r: ObjectionReceipt) => void;
  onCancel: () => void;
}) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [honeypot, setHoneypot] = useState('');
  const challenge = useChallenge(true);
  const submit = useSubmitObjection(props.code);
  const reasons = Form.useWatch('reasons', form) ?? '';

  const newQuestion = () => {
    form.setFieldValue('challengeAnswer', '');
    void challenge.refetch();
  };

  const onFinish = (v: Values) => {
    const fields: Record<string, string> = {
      itemId: v.itemId ?? '',
      name: v.name ?? '',
      organisation: v.organisation ?? '',
      phone: v.phone ?? '',
      email: v.email ?? '',
      reasons: v.reasons ?? '',
      challengeToken: challenge.data?.token ?? '',
      challengeAnswer: v.challengeAnswer ?? '',
      [HONEYPOT_FIELD]: honeypot,
    };
    submit.mutate(
      { fields, file: files[0]?.originFileObj },
      {
        onSuccess: props.onDone,
        onError: (e) => {
          if (!(e instanceof ApiError)) return;
          const marked = issuesToFields(e.fieldIssues).filter((f) => FIELDS.includes(f.name));
          // a wrong or lapsed answer: a new question (the old token may have run out)
          if (marked.some((f) => f.name === 'challengeAnswer')) {
            form.setFieldValue('challengeAnswer', '');
            void challenge.refetch();
          }
          markFields(form, marked);
        },
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark
      onFinish={onFinish}
      data-testid="objection-form"
      style={{ maxWidth: 720 }}
    >
      {submit.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(submit.error)}
          style={{ marginBottom: 16 }}
          data-testid="objection-error"
        />
      ) : null}
      <Form.Item
        name="itemId"
        label={t('objection.form.item')}
        required
        rules={[fieldRule(submitObjectionSchema, 'itemId')]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          placeholder={t('objection.form.itemPlaceholder')}
          data-testid="objection-item"
          options={props.notice.items.map((i) => ({
            value: i.itemId,
            label: `${i.no}. ${i.solutionName}（${i.applicantName}）`,
          }))}
        />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          name="name"
          label={t('objection.form.name')}
          required
          rules={[fieldRule(submitObjectionSchema, 'name')]}
          style={{ flex: '1 1 200px' }}
        >
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="organisation"
          label={t('objection.form.organisation')}
          required
          extra={t('objection.form.organisationHint')}
          rules={[fieldRule(submitObjectionSchema, 'organisation')]}
          style={{ flex: '2 1 300px' }}
        >
          <Input maxLength={100} autoComplete="organization" />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item
          name="phone"
          label={t('objection.form.phone')}
          required
          rules={[fieldRule(submitObjectionSchema, 'phone')]}
          style={{ flex: '1 1 200px' }}
        >
          <Input maxLength={20} autoComplete="tel" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('objection.form.email')}
          extra={t('objection.form.emailHint')}
          rules={[fieldRule(submitObjectionSchema, 'email')]}
          style={{ flex: '2 1 300px' }}
        >
          <Input maxLength={254} autoComplete="email" />
        </Form.Item>
      </Flex>
      <Form.Item
        name="reasons"
        label={t('objection.form.reasons')}
        required
        extra={t('objection.form.reasonsCount', {
          n: countWords(reasons),
          min: OBJECTION_REASONS_MIN,
          max: OBJECTION_REASONS_MAX,
        })}
        rules={[fieldRule(submitObjectionSchema, 'reasons')]}
      >
        <Input.TextArea rows={6} data-testid="objection-reasons" />
      </Form.Item>
      <Form.Item label={t('objection.form.file')} extra={t('objection.form.fileHint')}>
        <Upload
          accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          maxCount={1}
          fileList={files}
          beforeUpload={() => false}
          onChange={({ fileList }) => setFiles(fileList.slice(-1))}
        >
          <Button icon={<UploadOutlined />} data-testid="objection-file">
            {t('objection.form.fileButton')}
          </Button>
        </Upload>
      </Form.Item>
      <Form.Item
        label={t('objection.form.challenge')}
        required
        extra={t('objection.form.challengeHint', { minutes: CHALLENGE_MINUTES })}
      >
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong data-testid="objection-question">
            {challenge.data?.question ?? t('objection.form.challengeLoading')}
          </Typography.Text>
          <Form.Item
            name="challengeAnswer"
            noStyle
            rules={[
              { required: true, whitespace: true, message: t('objection.form.challengeRequired') },
              fieldRule(submitObjectionSchema, 'challengeAnswer'),
            ]}
          >
            <Input
              style={{ width: 120 }}
              inputMode="numeric"
              autoComplete="off"
              aria-label={t('objection.form.challenge')}
              data-testid="objection-answer"
            />
          </Form.Item>
          <Button
            icon={<ReloadOutlined />}
            onClick={newQuestion}
            loading={challenge.isFetching}
            data-testid="objection-refresh"
          >
            {t('objection.form.challengeRefresh')}
          </Button>
        </Flex>
        {challenge.error ? (
          <Typography.Text type="danger">{errorText(challenge.error)}</Typography.Text>
        ) : null}
      </Form.Item>
      <div style={HIDDEN} aria-hidden="true">
        <label htmlFor="objection-website">website</label>
        <input
          id="objection-website"
          name={HONEYPOT_FIELD}
          type="text"
          tabIndex={-1}
          autoComplete="off"
          value={honeypot}
          onChange={(e) => setHoneypot(e.target.value)}
        />
      </div>
      <Flex gap={8}>
        <Button
          type="primary"
          htmlType="submit"
          loading={submit.isPending}
          disabled={!challenge.data}
          data-testid="objection-submit"
        >
          {t('objection.form.submit')}
        </Button>
        <Button onClick={props.onCancel}>{t('objection.form.cancel')}</Button>
      </Flex>
    </Form>
  );
}
