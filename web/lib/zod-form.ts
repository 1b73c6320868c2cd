// One zod schema for route and form: run it in the browser and put its messages on antd fields.
import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';
import { ApiError } from './api';
import { localizeSchemaMessage } from './i18n';

export interface FieldErrors {
  name: string;
  errors: string[];
}

/** Groups issues by their top-level field; keeps every message, in order, without repeats. */
export function issuesToFields(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> | string; message: string }>,
): FieldErrors[] {
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const path = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
    const name = path.split('.')[0] ?? '';
    const list = byField.get(name) ?? [];
    const message = localizeSchemaMessage(issue.message);
    if (!list.includes(message)) list.push(message);
    byField.set(name, list);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}

/** Validates values with the shared schema; on failure marks the fields and returns null. */
export function validateWith<S extends z.ZodType>(
  schema: S,
  values: unknown,
  form: FormInstance,
): z.infer<S> | null {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  form.setFields(issuesToFields(parsed.error.issues).filter((f) => f.name));
  return null;
}

/** An antd rule that checks one field with the matching field of an object schema. */
export function fieldRule(
  schema: z.ZodObject,
  name: string,
  message?: (value: unknown) => string | null,
): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const field = schema.shape[name] as z.ZodType | undefined;
      if (!field) return;
      const result = field.safeParse(value ?? '');
      if (result.success) return;
      throw new Error(
        message?.(value) ?? localizeSchemaMessage(result.error.issues[0]?.message ?? ''),
      );
    },
  };
}

/** Puts a server's field problems on the form; true when at least one field was marked. */
export function applyServerErrors(form: FormInstance, error: unknown, known: string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  const fields = issuesToFields(error.fieldIssues).filter((f) => known.includes(f.name));
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}

/** Empty is fine; anything typed must pass the schema. */
export function optionalRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || String(value).trim() === '') return;
      const result = schema.safeParse(value);
      if (!result.success)
        throw new Error(localizeSchemaMessage(result.error.issues[0]?.message ?? ''));
    },
  };
}

/** Marks fields with messages on any form. */
export function markFields(form: FormInstance, fields: FieldErrors[]): void {
  form.setFields(fields.filter((f) => f.name));
}

/**
 * The 确认密码 field's rule: filled in, and equal to the password field `of`. `messages` are the
 * page's translations (required, mismatch).
 */
export function confirmPasswordRule(
  of: string,
  messages: { required: string; mismatch: string },
): Rule {
  return ({ getFieldValue }) => ({
    validator: async (_r, v) => {
      if (!v) throw new Error(messages.required);
      if (v !== getFieldValue(of)) throw new Error(messages.mismatch);
    },
  });
}
