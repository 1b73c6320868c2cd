import { DatePicker, Form, Input, InputNumber } from 'antd';
import { useI18n } from '../../lib/i18n';
import { issuesUnder, type CampaignFieldsDraft, type Issue } from './draft';
import { fromPicker, toPicker } from './time';

/** "第1节“…”的第2个字段“…”：" — said by the list above; next to the input it goes without saying. */
const WHERE = /^第\d+节[^：]*：/;

/** The problems at one path as a Form.Item's status and help. */
export function itemStatus(issues: readonly Issue[], path: string) {
  const here = issuesUnder(issues, path);
  return here.length
    ? {
        validateStatus: 'error' as const,
        help: here.map((i) => i.message.replace(WHERE, '')).join('；'),
      }
    : {};
}

const DATES = ['opensAt', 'onlineDeadline', 'paperDeadline'] as const;
const DATE_LABELS = {
  opensAt: 'campaignsAdmin.opensAt',
  onlineDeadline: 'campaignsAdmin.onlineDeadline',
  paperDeadline: 'campaignsAdmin.paperDeadline',
} as const;

/** 基本信息: title, 文号, 发布单位, year and the three times (Beijing time). */
export function BasicsTab(props: {
  value: CampaignFieldsDraft;
  onChange: (v: CampaignFieldsDraft) => void;
  issues: readonly Issue[];
}) {
  const { t } = useI18n();
  const v = props.value;
  const set = (patch: Partial<CampaignFieldsDraft>) => props.onChange({ ...v, ...patch });
  const status = (k: keyof CampaignFieldsDraft) => itemStatus(props.issues, `fields.${k}`);
  return (
    <Form layout="vertical" style={{ maxWidth: 720 }} component="div">
      <Form.Item label={t('campaignsAdmin.title.field')} htmlFor="cfg-title" {...status('title')}>
        <Input id="cfg-title" value={v.title} onChange={(e) => set({ title: e.target.value })} />
      </Form.Item>
      <Form.Item label={t('campaignsAdmin.docNumber')} htmlFor="cfg-doc" {...status('docNumber')}>
        <Input
          id="cfg-doc"
          value={v.docNumber}
          onChange={(e) => set({ docNumber: e.target.value })}
        />
      </Form.Item>
      <Form.Item label={t('cfg.issuer')} htmlFor="cfg-issuer" {...status('issuer')}>
        <Input id="cfg-issuer" value={v.issuer} onChange={(e) => set({ issuer: e.target.value })} />
      </Form.Item>
      <Form.Item label={t('campaignsAdmin.year')} htmlFor="cfg-year" {...status('year')}>
        <InputNumber
          id="cfg-year"
          min={2000}
          max={2100}
          precision={0}
          value={v.year}
          onChange={(y) => y !== null && set({ year: y })}
        />
      </Form.Item>
      {DATES.map((k) => (
        <Form.Item key={k} label={t(DATE_LABELS[k])} htmlFor={`cfg-${k}`} {...status(k)}>
          <DatePicker
            id={`cfg-${k}`}
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowClear={false}
            value={toPicker(v[k])}
            onChange={(d) => d && set({ [k]: fromPicker(d) })}
          />
        </Form.Item>
      ))}
    </Form>
  );
}
