// /claim — 代码申诉 (no account needed): a company whose 统一社会信用代码 is registered by someone
// else sends its licence and contact details; an organizer answers by phone or e-mail.
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Result,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { usccClaimInputSchema } from '../../../domain/api/verification';
import { RegionCascader } from '../../components/RegionCascader';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useFileClaim } from '../../lib/verification';
import { fieldRule, issuesToFields, markFields } from '../../lib/zod-form';

interface Values {
  uscc: string;
  enterpriseName: string;
  region: string[];
  contactName: string;
  phone: string;
  email: string;
  note?: string;
}

const formField = (path: string) =>
  path === 'provinceCode' || path === 'cityCode' ? 'region' : path;

export function ClaimPage() {
  const { t, errorText } = useI18n();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [noFile, setNoFile] = useState(false);
  const claim = useFileClaim();

  if (claim.isSuccess)
    return (
      <Result
        status="success"
        title={t('claim.filed')}
        subTitle={t('claim.filedNext')}
        extra={<Link to="/">{t('common.goHome')}</Link>}
        data-testid="claim-filed"
      />
    );

  const onFinish = (v: Values) => {
    const file = files[0]?.originFileObj;
    if (!file) {
      setNoFile(true);
      return;
    }
    const body = new FormData();
    const fields: Record<string, string> = {
      uscc: (v.uscc ?? '').trim(),
      enterpriseName: v.enterpriseName ?? '',
      provinceCode: v.region?.[0] ?? '',
      cityCode: v.region?.[1] ?? '',
      contactName: v.contactName ?? '',
      phone: v.phone ?? '',
      email: v.email ?? '',
      note: v.note ?? '',
    };
    for (const [k, val] of Object.entries(fields)) body.append(k, val);
    body.append('file', file);
    claim.mutate(body, {
      onError: (e) => {
        if (e instanceof ApiError)
          markFields(
            form,
            issuesToFields(e.fieldIssues.map((i) => ({ ...i, path: formField(i.path) }))),
          );
      },
    });
  };

  return (
    <Card title={t('claim.title')} style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Paragraph type="secondary">{t('claim.intro')}</Typography.Paragraph>
      {claim.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(claim.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{ uscc: params.get('uscc') ?? '' }}
        onFinish={onFinish}
      >
        <Form.Item
          name="uscc"
          label={t('register.uscc')}
          required
          normalize={(v: string) => v.toUpperCase()}
          rules={[fieldRule(usccClaimInputSchema, 'uscc')]}
        >
          <Input maxLength={24} style={{ fontFamily: 'monospace' }} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="enterpriseName"
          label={t('register.name')}
          required
          rules={[fieldRule(usccClaimInputSchema, 'enterpriseName')]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="region"
          label={t('register.region')}
          required
          rules={[{ required: true, type: 'array', len: 2, message: t('claim.regionRequired') }]}
        >
          <RegionCascader />
        </Form.Item>
        <Form.Item
          name="contactName"
          label={t('register.contactName')}
          required
          rules={[fieldRule(usccClaimInputSchema, 'contactName')]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('register.phone')}
          required
          rules={[fieldRule(usccClaimInputSchema, 'phone')]}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('register.email')}
          required
          rules={[fieldRule(usccClaimInputSchema, 'email')]}
        >
          <Input maxLength={254} />
        </Form.Item>
        <Form.Item name="note" label={t('claim.note')}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item
          label={t('ev.doc.licence')}
          required
          extra={t('ev.fileHint')}
          validateStatus={noFile ? 'error' : undefined}
          help={noFile ? t('claim.licenceRequired') : undefined}
        >
          <Upload
            accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => {
              setFiles(fileList.slice(-1));
              setNoFile(false);
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="claim-licence">
              {t('ev.upload.licence')}
            </Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={claim.isPending} block>
          {t('claim.submit')}
        </Button>
      </Form>
    </Card>
  );
}
