import { Component, type ReactNode } from 'react';
import { Alert, Card, Form, Typography } from 'antd';
import type { CampaignSettings } from '../../../domain/campaign';
import type { FormDeclaration } from '../../../domain/form';
import { FieldsProvider, SectionFields } from '../../components/form/FormFields';
import { useI18n } from '../../lib/i18n';

/** A declaration half-edited may not draw: say so, and try again at the next edit. */
class Boundary extends Component<
  { resetKey: string; fallback: (e: Error) => ReactNode; children: ReactNode },
  { error: Error | null; key: string }
> {
  override state = { error: null as Error | null, key: this.props.resetKey };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  static getDerivedStateFromProps(
    props: { resetKey: string },
    state: { error: Error | null; key: string },
  ) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }
  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

const noop = () => {};
const NO_ATTACHMENTS = new Map();

/** The form as applicants will see it, drawn by the real field components from the declaration. */
export function FormPreview(props: {
  form: FormDeclaration;
  settings: Pick<CampaignSettings, 'categories' | 'businessStages'>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  return (
    <Card
      size="small"
      title={t('cfg.preview')}
      data-testid="form-preview"
      styles={{ body: { background: 'var(--ant-color-fill-quaternary, #fafafa)' } }}
    >
      <Typography.Title level={4} style={{ textAlign: 'center' }}>
        {props.form.title}
      </Typography.Title>
      <Boundary
        resetKey={JSON.stringify(props.form)}
        fallback={(e) => (
          <Alert type="warning" showIcon title={t('cfg.previewFailed')} description={e.message} />
        )}
      >
        <FieldsProvider
          value={{
            settings: props.settings,
            attachments: NO_ATTACHMENTS,
            onUploaded: noop,
            readOnly: false,
          }}
        >
          <Form form={form} layout="vertical" name="form-preview">
            {props.form.sections.map((s, i) => (
              <Card key={`${i}-${s.key}`} size="small" title={s.title} style={{ marginBottom: 12 }}>
                <SectionFields section={s} />
              </Card>
            ))}
          </Form>
        </FieldsProvider>
      </Boundary>
    </Card>
  );
}
