import { Alert, Button, Form, Input } from 'antd';
import { Link } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { registerEnterpriseSchema, type RegisterEnterpriseInput } from '../../../domain/accounts';
import type { RegisteredEnterprise } from '../../../domain/api/accounts';
import { describeUsccProblem, findUsccProblem } from '../../../domain/uscc';
import { RegionCascader } from '../../components/RegionCascader';
import { api, ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { fieldRule, issuesToFields, markFields, confirmPasswordRule } from '../../lib/zod-form';

interface Values {
  name: string;
  uscc: string;
  region: string[];
  contactName: string;
  phone: string;
  email: string;
  password: string;
  confirm: string;
}

const FIELDS = ['name', 'uscc', 'region', 'contactName', 'phone', 'email', 'password'];

/** Form fields are named like the schema, except province + city, which share one cascader. */
function formField(path: string): string {
  return path === 'provinceCode' || path === 'cityCode' ? 'region' : path;
}

function toInput(v: Values): RegisterEnterpriseInput {
  return {
    name: v.name ?? '',
    uscc: (v.uscc ?? '').trim(),
    provinceCode: v.region?.[0] ?? '',
    cityCode: v.region?.[1] ?? '',
    contactName: v.contactName ?? '',
    phone: v.phone ?? '',
    email: v.email ?? '',
    password: v.password ?? '',
  };
}

export function RegisterForm({ onRegistered }: { onRegistered: (login: string) => void }) {
  const { t, lang, errorText } = useI18n();
  const [form] = Form.useForm<Values>();
  const register = useMutation({
    mutationFn: (input: RegisterEnterpriseInput) =>
      api<RegisteredEnterprise>('/enterprises', {
        method: 'POST',
        body: input,
      }),
    onSuccess: (res) => onRegistered(res.login),
    onError: (e) => {
      if (!(e instanceof ApiError)) return;
      if (e.code === 'USCC_TAKEN') form.setFields([{ name: 'uscc', errors: [errorText(e)] }]);
      const fields = issuesToFields(e.fieldIssues.map((i) => ({ ...i, path: formField(i.path) })));
      markFields(
        form,
        fields.filter((f) => FIELDS.includes(f.name)),
      );
    },
  });

  const onFinish = (values: Values) => {
    const input = toInput(values);
    const parsed = registerEnterpriseSchema.safeParse(input);
    if (!parsed.success) {
      markFields(
        form,
        issuesToFields(
          parsed.error.issues.map((i) => ({ ...i, path: formField(String(i.path[0])) })),
        ),
      );
      return;
    }
    register.mutate(parsed.data);
  };

  const usccMessage = (v: unknown) => {
    const problem = findUsccProblem(String(v ?? '').trim());
    return problem ? describeUsccProblem(problem, lang) : null;
  };
  const apiError = register.error instanceof ApiError ? register.error : null;
  const showAlert =
    register.error &&
    (!apiError || (apiError.fieldIssues.length === 0 && apiError.code !== 'USCC_TAKEN'));

  return (
    <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark scrollToFirstError>
      {apiError?.code === 'USCC_TAKEN' && (
        <Alert
          type="warning"
          showIcon
          title={t('claim.takenHint')}
          action={
            <Link
              to={`/claim?uscc=${encodeURIComponent(String(form.getFieldValue('uscc') ?? ''))}`}
              data-testid="claim-link"
            >
              {t('claim.fileLink')}
            </Link>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {showAlert && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(register.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item
        name="name"
        label={t('register.name')}
        required
        rules={[fieldRule(registerEnterpriseSchema, 'name')]}
      >
        <Input placeholder={t('register.namePlaceholder')} maxLength={100} />
      </Form.Item>
      <Form.Item
        name="uscc"
        label={t('register.uscc')}
        required
        extra={t('register.usccHelp')}
        normalize={(v: string) => v.toUpperCase()}
        validateTrigger="onBlur"
        rules={[fieldRule(registerEnterpriseSchema, 'uscc', usccMessage)]}
      >
        <Input
          maxLength={24}
          style={{ fontFamily: 'monospace', letterSpacing: 1 }}
          autoComplete="off"
        />
      </Form.Item>
      <Form.Item
        name="region"
        label={t('register.region')}
        required
        rules={[
          {
            validator: async (_r, v?: string[]) => {
              if (!v || v.length < 2) throw new Error(t('register.regionRequired'));
            },
          },
        ]}
      >
        <RegionCascader />
      </Form.Item>
      <Form.Item
        name="contactName"
        label={t('register.contactName')}
        required
        rules={[fieldRule(registerEnterpriseSchema, 'contactName')]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('register.phone')}
        required
        validateTrigger="onBlur"
        rules={[fieldRule(registerEnterpriseSchema, 'phone')]}
      >
        <Input autoComplete="tel" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('register.email')}
        required
        validateTrigger="onBlur"
        rules={[fieldRule(registerEnterpriseSchema, 'email')]}
      >
        <Input autoComplete="email" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('register.password')}
        required
        extra={t('register.passwordHelp')}
        rules={[fieldRule(registerEnterpriseSchema, 'password')]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('register.confirm')}
        required
        dependencies={['password']}
        rules={[
          confirmPasswordRule('password', {
            required: t('register.confirmRequired'),
            mismatch: t('register.confirmMismatch'),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={register.isPending}>
        {t('register.submit')}
      </Button>
    </Form>
  );
}
