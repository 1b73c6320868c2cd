import { useState } from 'react';
import { Alert, Button, Flex, Input, Typography } from 'antd';
import { CheckOutlined, UndoOutlined } from '@ant-design/icons';
import type { FormDeclaration } from '../../../domain/form';
import {
  declarationIssues,
  formDeclarationSchema,
  type FormKind,
} from '../../../domain/form-declaration';
import { useI18n } from '../../lib/i18n';
import type { Issue } from './draft';
import { IssueList } from './IssueList';

export const jsonOf = (f: FormDeclaration) => JSON.stringify(f, null, 2);

/**
 * 以JSON编辑: the whole declaration as text, checked in the browser with the server's schema;
 * only a valid one replaces the form being edited.
 */
export function JsonEditor(props: {
  kind: FormKind;
  form: FormDeclaration;
  text: string;
  onText: (s: string) => void;
  onApply: (f: FormDeclaration) => void;
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [syntax, setSyntax] = useState<string | null>(null);
  const [applied, setApplied] = useState(false);
  const apply = () => {
    setApplied(false);
    let value: unknown;
    try {
      value = JSON.parse(props.text);
    } catch (e) {
      setSyntax((e as Error).message);
      setIssues([]);
      return;
    }
    setSyntax(null);
    const r = formDeclarationSchema(props.kind).safeParse(value);
    if (!r.success) {
      setIssues(declarationIssues(value, r.error.issues));
      return;
    }
    setIssues([]);
    setApplied(true);
    props.onApply(r.data);
    props.onText(jsonOf(r.data));
  };
  const changed = props.text !== jsonOf(props.form);
  return (
    <Flex vertical gap={8} data-testid="json-editor">
      <Typography.Text type="secondary">{t('cfg.jsonHelp')}</Typography.Text>
      <Input.TextArea
        aria-label={t('cfg.json')}
        data-testid="json-text"
        value={props.text}
        readOnly={props.readOnly}
        onChange={(e) => {
          setApplied(false);
          props.onText(e.target.value);
        }}
        spellCheck={false}
        autoSize={{ minRows: 16, maxRows: 40 }}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
      />
      {syntax && <Alert type="error" showIcon title={t('cfg.jsonSyntax')} description={syntax} />}
      <IssueList issues={issues} testId="json-issues" />
      {applied && !changed && <Alert type="success" showIcon title={t('cfg.jsonApplied')} />}
      {!props.readOnly && (
        <Flex gap={8}>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={!changed}
            onClick={apply}
            data-testid="json-apply"
          >
            {t('cfg.jsonApply')}
          </Button>
          <Button
            icon={<UndoOutlined />}
            disabled={!changed}
            onClick={() => props.onText(jsonOf(props.form))}
          >
            {t('cfg.jsonRevert')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
