import { useState } from 'react';
import { Alert, App, Button, Col, Flex, Form, Input, Row, Segmented } from 'antd';
import { Link } from 'react-router-dom';
import type { CampaignSettings } from '../../../domain/campaign';
import type { FormDeclaration } from '../../../domain/form';
import type { FormKind } from '../../../domain/form-declaration';
import { useI18n } from '../../lib/i18n';
import { itemStatus } from './BasicsTab';
import type { Issue } from './draft';
import { FactsEditor } from './FactsEditor';
import { FormPreview } from './FormPreview';
import { jsonOf, JsonEditor } from './JsonEditor';
import { SectionsEditor } from './SectionsEditor';

/**
 * 申报书表单 / 附件4表单: the declaration edited field by field (or as JSON) beside a live preview.
 * Once a submitted document was filed on it, it is read-only and says why.
 */
export function FormTab(props: {
  /** the campaign's code: a locked form points to 新建活动 copying it */
  code: string;
  kind: FormKind;
  form: FormDeclaration;
  onChange: (f: FormDeclaration) => void;
  settings: CampaignSettings;
  locked: boolean;
  reason: string | null;
  issues: readonly Issue[];
}) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const [json, setJson] = useState<string | null>(null);
  const at = `forms.${props.kind}`;
  const toStructured = () => {
    if (json === null || json === jsonOf(props.form)) setJson(null);
    else modal.confirm({ title: t('cfg.jsonDiscard'), onOk: () => setJson(null) });
  };
  return (
    <Flex vertical gap={12} data-testid={`form-tab-${props.kind}`}>
      {props.locked ? (
        <Alert
          type="info"
          showIcon
          data-testid="form-locked"
          title={t('cfg.locked')}
          description={props.reason}
          action={
            <Link to={`/admin/campaigns?copy=${encodeURIComponent(props.code)}`}>
              <Button size="small">{t('cfg.lockedNew')}</Button>
            </Link>
          }
        />
      ) : (
        props.reason && (
          <Alert type="warning" showIcon data-testid="form-drafts" title={props.reason} />
        )
      )}
      <Segmented
        value={json === null ? 'structured' : 'json'}
        onChange={(v) => (v === 'json' ? setJson(jsonOf(props.form)) : toStructured())}
        options={[
          { value: 'structured', label: t('cfg.structured') },
          { value: 'json', label: t('cfg.json') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          {json !== null ? (
            <JsonEditor
              kind={props.kind}
              form={props.form}
              text={json}
              onText={setJson}
              onApply={props.onChange}
              readOnly={props.locked}
            />
          ) : (
            <Form
              layout="vertical"
              component="div"
              disabled={props.locked}
              data-testid="form-editor"
            >
              <Form.Item
                label={t('cfg.formTitle')}
                htmlFor={`${props.kind}-title`}
                {...itemStatus(props.issues, `${at}.title`)}
              >
                <Input
                  id={`${props.kind}-title`}
                  value={props.form.title}
                  onChange={(e) => props.onChange({ ...props.form, title: e.target.value })}
                />
              </Form.Item>
              <SectionsEditor
                form={props.form}
                onChange={props.onChange}
                at={at}
                issues={props.issues}
              />
              {props.kind === 'application' && (
                <div style={{ marginTop: 12 }}>
                  <FactsEditor
                    form={props.form}
                    onChange={props.onChange}
                    at={at}
                    issues={props.issues}
                  />
                </div>
              )}
            </Form>
          )}
        </Col>
        <Col xs={24} xl={11}>
          <div
            style={{
              position: 'sticky',
              top: 16,
              maxHeight: 'calc(100vh - 32px)',
              overflow: 'auto',
            }}
          >
            <FormPreview form={props.form} settings={props.settings} />
          </div>
        </Col>
      </Row>
    </Flex>
  );
}
