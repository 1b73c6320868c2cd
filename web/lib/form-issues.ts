// A declared form's problems on its fields: each message on its field (cleared once fixed), and a
// list of them all for the summary above the form.
import { useCallback, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import type { FormDeclaration } from '../../domain/form';
import {
  fieldAt,
  fieldPathOf,
  labelOfPath,
  pathKey,
  toNamePath,
  valueAt,
  type NamePath,
} from './form-paths';
import { localizeSchemaMessage, useI18n } from './i18n';

export interface Issue {
  path: ReadonlyArray<PropertyKey> | string;
  message: string;
}

export interface Problem {
  key: string;
  /** The field the problem is shown on; [] for the form as a whole. */
  name: NamePath;
  label: string;
  message: string;
}

type Schema = { safeParse: (v: unknown) => { success: boolean; error?: { issues: Issue[] } } };

export function useFormIssues(opts: {
  form: FormInstance;
  decl: FormDeclaration;
  schemas: { draft: Schema; submit: Schema };
  /** How a problem about the whole form is labelled (整份申报书). */
  wholeForm: string;
}) {
  const { form, decl, schemas, wholeForm } = opts;
  const { t, lang } = useI18n();
  const submitMode = useRef(false);
  const marked = useRef(new Set<string>());
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  /** A type error on an empty required field ("expected string, got undefined") says what to do. */
  const messageOf = useCallback(
    (name: NamePath, message: string): string => {
      const field = fieldAt(decl, name);
      const value = valueAt(form.getFieldsValue(true), name);
      const empty =
        value === undefined || value === null || (typeof value === 'string' && !value.trim());
      if (field && empty && (field.required || /^(无效输入|Invalid input)/.test(message))) {
        const label = lang === 'zh' ? field.label : field.labelEn;
        switch (field.type) {
          case 'group':
            return t('editor.requiredItems', {
              n: Math.max(field.minItems, 1),
              label: lang === 'zh' ? field.itemLabel : field.labelEn,
            });
          case 'confirm':
            return t('editor.requiredConfirm', { label });
          case 'select':
          case 'industries':
          case 'region':
            return t('editor.requiredSelect', { label });
          case 'attachments':
            return t('editor.requiredFile', { label });
          default:
            return t('editor.required', { label });
        }
      }
      return localizeSchemaMessage(message);
    },
    [decl, form, lang, t],
  );

  /** Puts messages on fields (clearing the ones fixed since); returns the summary list. */
  const applyIssues = useCallback(
    (issues: ReadonlyArray<Issue>): Problem[] => {
      const byField = new Map<string, { name: NamePath; errors: string[] }>();
      const list: Problem[] = [];
      for (const issue of issues) {
        const raw = toNamePath(issue.path as string | ReadonlyArray<PropertyKey>);
        const name = fieldPathOf(decl, raw);
        const msg = messageOf(name, issue.message);
        const key = pathKey(name);
        list.push({
          key: `${key}:${list.length}`,
          name,
          label: name.length ? labelOfPath(decl, name, lang) : wholeForm,
          message: msg,
        });
        if (!name.length) continue;
        const entry = byField.get(key) ?? { name, errors: [] };
        if (!entry.errors.includes(msg)) entry.errors.push(msg);
        byField.set(key, entry);
      }
      const fields = [...byField.values()];
      for (const old of marked.current)
        if (!byField.has(old)) fields.push({ name: toNamePath(old), errors: [] });
      marked.current = new Set(byField.keys());
      form.setFields(fields);
      return list;
    },
    [decl, form, lang, messageOf, wholeForm],
  );

  /** Checks the data as a draft, or as a submission once one was tried; the summary follows. */
  const validate = useCallback(
    (data: unknown) => {
      const schema = submitMode.current ? schemas.submit : schemas.draft;
      const r = schema.safeParse(data);
      const list = applyIssues(r.success ? [] : (r.error?.issues ?? []));
      if (submitMode.current) setProblems(list.length ? list : null);
      return list;
    },
    [applyIssues, schemas],
  );

  /** From now on the data is checked as a submission. */
  const startSubmit = useCallback(() => {
    submitMode.current = true;
  }, []);

  const showProblems = useCallback((list: Problem[]) => {
    setProblems(list.length ? list : null);
    window.setTimeout(
      () => problemsRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'center' }),
      50,
    );
  }, []);

  return { problems, problemsRef, applyIssues, validate, startSubmit, showProblems };
}
