import { Alert, DatePicker, Form, Input, InputNumber, Modal, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { copyCampaignSchema, type CopyCampaignInput } from '../../../domain/campaign-copy';
import { api, ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Campaign } from '../../lib/types';
import { applyServerErrors, fieldRule, validateWith } from '../../lib/zod-form';

interface Values {
  code: string;
  year: number;
  title: string;
  docNumber: string;
  opensAt: Dayjs;
  onlineDeadline: Dayjs;
  paperDeadline: Dayjs;
  isDemo: boolean;
}

/** The picker's wall-clock time, read as Beijing time. */
const beijing = (d: Dayjs | undefined) => (d ? `${d.format('YYYY-MM-DDTHH:mm:ss')}+08:00` : '');
/** A stored instant, shown as Beijing wall-clock time in the picker; shifted by whole years. */
const pickerValue = (iso: string, years: number) => dayjs(formatDateTime(iso)).add(years, 'year');

function defaults(c: Campaign): Values {
  // The next year whose shifted deadline is still ahead.
  let year = c.year + 1;
  while (new Date(c.onlineDeadline).getTime() + (year - c.year) * 365.25 * 864e5 < Date.now())
    year++;
  const shift = year - c.year;
  return {
    code: c.code.replace(String(c.year), String(year)),
    year,
    title: c.title.replace(String(c.year), String(year)),
    docNumber: '',
    opensAt: pickerValue(c.opensAt, shift),
    onlineDeadline: pickerValue(c.onlineDeadline, shift),
    paperDeadline: pickerValue(c.paperDeadline, shift),
    isDemo: false,
  };
}

export function CopyCampaignModal({
  source,
  onClose,
}: {
  source: Campaign | null;
  onClose: (created?: Campaign) => void;
}) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const copy = useMutation({
    mutationFn: (input: CopyCampaignInput) =>
      api<Campaign>(`/campaigns/${source!.id}/copy`, { method: 'POST', body: input }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['campaigns'] });
      onClose(c);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'CAMPAIGN_CODE_TAKEN')
        form.setFields([{ name: 'code', errors: [errorText(e)] }]);
      else
        applyServerErrors(form, e, [
          'code',
          'year',
          'title',
          'docNumber',
          'opensAt',
          'onlineDeadline',
          'paperDeadline',
        ]);
    },
  });
  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const input = validateWith(
      copyCampaignSchema,
      {
        ...v,
        opensAt: beijing(v.opensAt),
        onlineDeadline: beijing(v.onlineDeadline),
        paperDeadline: beijing(v.paperDeadline),
      },
      form,
    );
    if (input) copy.mutate(input);
  };
  const generic =
    copy.error instanceof ApiError &&
    !['CAMPAIGN_CODE_TAKEN', 'VALIDATION_FAILED'].includes(copy.error.code);
  const required = [{ required: true }];
  return (
    <Modal
      open={!!source}
      title={source ? t('campaignsAdmin.copyTitle', { title: source.title }) : ''}
      onCancel={() => onClose()}
      onOk={() => void onOk()}
      confirmLoading={copy.isPending}
      destroyOnHidden
      width={640}
    >
      {generic && (
        <Alert type="error" showIcon title={errorText(copy.error)} style={{ marginBottom: 16 }} />
      )}
      {source && (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={defaults(source)}
          name="copy-campaign"
        >
          <Form.Item
            name="code"
            label={t('campaignsAdmin.code')}
            extra={t('campaignsAdmin.codeHelp')}
            rules={[fieldRule(copyCampaignSchema, 'code')]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="year" label={t('campaignsAdmin.year')} rules={required}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('campaignsAdmin.title.field')}
            rules={[fieldRule(copyCampaignSchema, 'title')]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="docNumber" label={t('campaignsAdmin.docNumber')}>
            <Input placeholder="工信厅信发函〔2022〕号" />
          </Form.Item>
          <Form.Item name="opensAt" label={t('campaignsAdmin.opensAt')} rules={required}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item
            name="onlineDeadline"
            label={t('campaignsAdmin.onlineDeadline')}
            rules={required}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item
            name="paperDeadline"
            label={t('campaignsAdmin.paperDeadline')}
            rules={required}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="isDemo" label={t('campaignsAdmin.isDemo')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
