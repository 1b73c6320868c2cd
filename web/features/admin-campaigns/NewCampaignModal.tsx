import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { campaignCodeSchema, createCampaignSchema } from '../../../domain/campaign-config';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useCampaigns } from '../../lib/queries';
import type { Campaign } from '../../lib/types';
import { applyServerErrors, optionalRule, validateWith } from '../../lib/zod-form';
import { createCampaign, useCampaignTemplates, type CreateCampaignBody } from './api';
import { fromPicker, toPicker } from './time';

/** Where the new campaign's settings and forms come from. */
export type NewCampaignSource = { kind: 'template' } | { kind: 'campaign'; campaign: Campaign };

interface Values {
  from: 'template' | 'campaign';
  templateId?: string;
  campaignCode?: string;
  code: string;
  year: number;
  title: string;
  docNumber: string;
  issuer: string;
  opensAt: Dayjs;
  onlineDeadline: Dayjs;
  paperDeadline: Dayjs;
  isDemo: boolean;
}

const beijingYear = () => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

/** Open from today (Beijing time) for 30 days, paper a week later; a past call shifts by years. */
function defaults(source: NewCampaignSource): Partial<Values> {
  const today = dayjs(toPicker(new Date().toISOString())!.format('YYYY-MM-DD'));
  const fresh = {
    opensAt: today,
    onlineDeadline: today.add(30, 'day').hour(23).minute(59).second(59),
    paperDeadline: today.add(37, 'day').hour(17),
    docNumber: '',
    issuer: '',
    isDemo: false,
  };
  if (source.kind === 'template') return { from: 'template', year: beijingYear(), ...fresh };
  const c = source.campaign;
  const year = Math.max(c.year + 1, beijingYear());
  return {
    ...fresh,
    from: 'campaign',
    campaignCode: c.code,
    year,
    code: c.code.replace(String(c.year), String(year)),
    title: c.title.replace(String(c.year), String(year)),
    issuer: c.issuer,
  };
}

const DATE = { showTime: { format: 'HH:mm' }, format: 'YYYY-MM-DD HH:mm' } as const;

export function NewCampaignModal(props: { source: NewCampaignSource | null; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const templates = useCampaignTemplates(!!props.source);
  const campaigns = useCampaigns();
  const from = Form.useWatch('from', form);
  const create = useMutation({
    mutationFn: createCampaign,
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['campaigns'] });
      props.onClose();
      void navigate(`/admin/campaigns/${c.campaign.code}/config`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'CAMPAIGN_CODE_TAKEN')
        form.setFields([{ name: 'code', errors: [errorText(e)] }]);
      else applyServerErrors(form, e, ['code', 'year', 'title', 'docNumber', 'onlineDeadline']);
    },
  });
  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: CreateCampaignBody = {
      from:
        v.from === 'template'
          ? { kind: 'template', id: v.templateId ?? '' }
          : { kind: 'campaign', idOrCode: v.campaignCode ?? '' },
      code: v.code,
      year: v.year,
      title: v.title,
      docNumber: v.docNumber ?? '',
      issuer: v.issuer ?? '',
      opensAt: fromPicker(v.opensAt),
      onlineDeadline: fromPicker(v.onlineDeadline),
      paperDeadline: fromPicker(v.paperDeadline),
      isDemo: v.isDemo,
    };
    if (validateWith(createCampaignSchema, body, form)) create.mutate(body);
  };
  const generic =
    create.error instanceof ApiError &&
    !['CAMPAIGN_CODE_TAKEN', 'VALIDATION_FAILED'].includes(create.error.code);
  const required = [{ required: true }];
  const initial = props.source ? defaults(props.source) : {};
  if (props.source?.kind === 'template' && templates.data?.[0])
    initial.templateId = templates.data[0].id;
  return (
    <Modal
      open={!!props.source}
      title={t('cfg.new')}
      onCancel={props.onClose}
      onOk={() => void onOk()}
      okText={t('cfg.create')}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={680}
    >
      {generic && (
        <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} />
      )}
      {props.source && (templates.isSuccess || props.source.kind === 'campaign') && (
        <Form<Values> form={form} layout="vertical" initialValues={initial} name="new-campaign">
          <Form.Item name="from" label={t('cfg.from')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'template', label: t('cfg.fromTemplate') },
                { value: 'campaign', label: t('cfg.fromCampaign') },
              ]}
            />
          </Form.Item>
          {from === 'campaign' ? (
            <Form.Item name="campaignCode" label={t('cfg.sourceCampaign')} rules={required}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(campaigns.data ?? []).map((c) => ({ value: c.code, label: c.title }))}
              />
            </Form.Item>
          ) : (
            <Form.Item name="templateId" label={t('cfg.template')} rules={required}>
              <Select
                options={(templates.data ?? []).map((x) => ({ value: x.id, label: x.label }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="code"
            label={t('campaignsAdmin.code')}
            extra={t('campaignsAdmin.codeHelp')}
            rules={[...required, optionalRule(campaignCodeSchema)]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="year" label={t('campaignsAdmin.year')} rules={required}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <Form.Item name="title" label={t('campaignsAdmin.title.field')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="docNumber" label={t('campaignsAdmin.docNumber')}>
            <Input placeholder="工信厅信发函〔2027〕号" />
          </Form.Item>
          <Form.Item name="issuer" label={t('cfg.issuer')} extra={t('cfg.issuerHelp')}>
            <Input />
          </Form.Item>
          <Form.Item name="opensAt" label={t('campaignsAdmin.opensAt')} rules={required}>
            <DatePicker {...DATE} />
          </Form.Item>
          <Form.Item
            name="onlineDeadline"
            label={t('campaignsAdmin.onlineDeadline')}
            rules={required}
          >
            <DatePicker {...DATE} />
          </Form.Item>
          <Form.Item
            name="paperDeadline"
            label={t('campaignsAdmin.paperDeadline')}
            rules={required}
          >
            <DatePicker {...DATE} />
          </Form.Item>
          <Form.Item name="isDemo" label={t('campaignsAdmin.isDemo')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
