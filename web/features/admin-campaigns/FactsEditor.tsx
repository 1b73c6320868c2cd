import { Card, Col, Form, Row, Select, Typography } from 'antd';
import {
  APP_FACTS,
  APP_FACT_SPECS,
  CO_APPLICANT_FACTS,
  CO_APPLICANT_FACT_SPECS,
  type CoApplicantFactKey,
  FACT_SPECS,
  SCALAR_FACTS,
  type AppFactKey,
  type FactBindings,
  type ScalarFactKey,
} from '../../../domain/facts';
import type { FormDeclaration } from '../../../domain/form';
import { useI18n } from '../../lib/i18n';
import { itemStatus } from './BasicsTab';
import {
  fieldsForFact,
  groupFields,
  subFieldsForAppFact,
  subFieldsForCoApplicantFact,
} from './declaration-edit';
import type { Issue } from './draft';

/**
 * 数据项: where each fact every reader uses (inbox, 附件3, print, duplicates) is read from — a
 * field of the right type, "section.field"; the APP list from a group and its sub-fields.
 */
export function FactsEditor(props: {
  form: FormDeclaration;
  onChange: (f: FormDeclaration) => void;
  at: string;
  issues: readonly Issue[];
}) {
  const { t } = useI18n();
  const facts: FactBindings = props.form.facts ?? {};
  const setFacts = (next: FactBindings) => props.onChange({ ...props.form, facts: next });
  const setScalar = (k: ScalarFactKey, v: string | undefined) => {
    const next = { ...facts };
    if (v) next[k] = v;
    else delete next[k];
    setFacts(next);
  };
  const apps = facts.apps;
  const setApp = (k: AppFactKey, v: string | undefined) => {
    const next = { ...apps!, [k]: v };
    if (!v) delete next[k];
    setFacts({ ...facts, apps: next });
  };
  const co = facts.coApplicants;
  const setCo = (k: CoApplicantFactKey, v: string | undefined) => {
    const next = { ...co!, [k]: v };
    if (!v) delete next[k];
    setFacts({ ...facts, coApplicants: next });
  };
  const st = (k: string) => itemStatus(props.issues, `${props.at}.facts.${k}`);
  const select = (
    id: string,
    value: string | undefined,
    options: { value: string; label: string }[],
    onChange: (v: string | undefined) => void,
  ) => (
    <Select
      id={id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('cfg.facts.none')}
      value={value}
      onChange={(v?: string) => onChange(v || undefined)}
      options={options}
    />
  );
  return (
    <Card size="small" title={t('cfg.facts')} data-testid="facts-editor">
      <Typography.Paragraph type="secondary">{t('cfg.factsHelp')}</Typography.Paragraph>
      <Row gutter={12}>
        {SCALAR_FACTS.map((k) => (
          <Col xs={24} md={12} key={k}>
            <Form.Item
              label={FACT_SPECS[k].label}
              required={FACT_SPECS[k].required}
              htmlFor={`fact-${k}`}
              {...st(k)}
            >
              {select(`fact-${k}`, facts[k], fieldsForFact(props.form, k), (v) => setScalar(k, v))}
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Title level={5}>{t('cfg.facts.apps')}</Typography.Title>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label={t('cfg.facts.appsGroup')} htmlFor="fact-apps" {...st('apps.path')}>
            {select('fact-apps', apps?.path, groupFields(props.form), (path) =>
              setFacts(
                path ? { ...facts, apps: { ...apps, path } } : { ...facts, apps: undefined },
              ),
            )}
          </Form.Item>
        </Col>
        {apps?.path &&
          APP_FACTS.map((k) => (
            <Col xs={24} md={12} key={k}>
              <Form.Item
                label={APP_FACT_SPECS[k].label}
                required={APP_FACT_SPECS[k].required}
                htmlFor={`fact-apps-${k}`}
                {...st(`apps.${k}`)}
              >
                {select(
                  `fact-apps-${k}`,
                  apps[k],
                  subFieldsForAppFact(props.form, apps.path, k),
                  (v) => setApp(k, v),
                )}
              </Form.Item>
            </Col>
          ))}
      </Row>
      <Typography.Title level={5}>{t('cfg.facts.coApplicants')}</Typography.Title>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('cfg.facts.coApplicantsGroup')}
            htmlFor="fact-coApplicants"
            {...st('coApplicants.path')}
          >
            {select('fact-coApplicants', co?.path, groupFields(props.form), (path) =>
              setFacts(
                path
                  ? { ...facts, coApplicants: { ...co, path } }
                  : { ...facts, coApplicants: undefined },
              ),
            )}
          </Form.Item>
        </Col>
        {co?.path &&
          CO_APPLICANT_FACTS.map((k) => (
            <Col xs={24} md={12} key={k}>
              <Form.Item
                label={CO_APPLICANT_FACT_SPECS[k].label}
                required={CO_APPLICANT_FACT_SPECS[k].required}
                htmlFor={`fact-coApplicants-${k}`}
                {...st(`coApplicants.${k}`)}
              >
                {select(
                  `fact-coApplicants-${k}`,
                  co[k],
                  subFieldsForCoApplicantFact(props.form, co.path, k),
                  (v) => setCo(k, v),
                )}
              </Form.Item>
            </Col>
          ))}
      </Row>
    </Card>
  );
}
