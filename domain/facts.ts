// An application's facts (DESIGN §2): what every reader needs to know about an application —
// its name, category, applicant, 统一社会信用代码, region, industries, APPs… — bound once, in the
// form declaration, to the fields that hold them. Inbox, 附件3, print, duplicates, progress and
// everything built later read facts, never a field key of a particular form.
import type { FormDeclaration, FormField } from './form';
import { countedText, comparableText } from './form';

/** A scalar fact: which field types may hold it, and whether every application form must bind it. */
export interface FactSpec {
  key: ScalarFactKey;
  label: string;
  labelEn: string;
  types: FormField['type'][];
  /** for select fields: the option source it must use */
  optionsFrom?: 'categories' | 'focusAreas' | 'businessStages';
  required?: boolean;
  /** read as a list (multi-select, industries) */
  list?: boolean;
}

export const SCALAR_FACTS = [
  'solutionName',
  'category',
  'focusAreas',
  'industries',
  'businessStages',
  'platform',
  'summary',
  'applicantName',
  'uscc',
  'region',
  'ownership',
  'size',
  'revenue',
  'contactName',
  'phone',
  'email',
] as const;
export type ScalarFactKey = (typeof SCALAR_FACTS)[number];

export const FACT_SPECS: Record<ScalarFactKey, FactSpec> = {
  solutionName: {
    key: 'solutionName',
    label: '解决方案名称',
    labelEn: 'Solution name',
    types: ['text'],
    required: true,
  },
  category: {
    key: 'category',
    label: '申报类别',
    labelEn: 'Category',
    types: ['select'],
    optionsFrom: 'categories',
    required: true,
  },
  focusAreas: {
    key: 'focusAreas',
    label: '聚焦领域',
    labelEn: 'Focus areas',
    types: ['select'],
    optionsFrom: 'focusAreas',
    list: true,
  },
  industries: {
    key: 'industries',
    label: '所属行业',
    labelEn: 'Industries',
    types: ['industries'],
    list: true,
  },
  businessStages: {
    key: 'businessStages',
    label: '业务环节',
    labelEn: 'Business stages',
    types: ['select'],
    optionsFrom: 'businessStages',
    list: true,
  },
  platform: {
    key: 'platform',
    label: '依托平台',
    labelEn: 'Platform',
    types: ['text', 'longtext'],
  },
  summary: { key: 'summary', label: '方案简介', labelEn: 'Summary', types: ['text', 'longtext'] },
  applicantName: {
    key: 'applicantName',
    label: '申报单位名称',
    labelEn: 'Applicant',
    types: ['text'],
    required: true,
  },
  uscc: {
    key: 'uscc',
    label: '统一社会信用代码',
    labelEn: 'Unified social credit code',
    types: ['uscc'],
    required: true,
  },
  region: { key: 'region', label: '所在地区', labelEn: 'Region', types: ['region'] },
  ownership: {
    key: 'ownership',
    label: '企业性质',
    labelEn: 'Ownership',
    types: ['select', 'text'],
  },
  size: { key: 'size', label: '企业规模', labelEn: 'Size', types: ['select', 'text'] },
  revenue: { key: 'revenue', label: '营业收入', labelEn: 'Revenue', types: ['number'] },
  contactName: { key: 'contactName', label: '联系人', labelEn: 'Contact', types: ['text'] },
  phone: { key: 'phone', label: '联系电话', labelEn: 'Phone', types: ['phone', 'text'] },
  email: { key: 'email', label: '电子邮箱', labelEn: 'E-mail', types: ['email', 'text'] },
};

export const APP_FACTS = ['name', 'version', 'copyrightNo', 'deployment', 'users'] as const;
export type AppFactKey = (typeof APP_FACTS)[number];
export const APP_FACT_SPECS: Record<
  AppFactKey,
  { label: string; types: FormField['type'][]; required?: boolean }
> = {
  name: { label: 'APP名称', types: ['text'], required: true },
  version: { label: '版本号', types: ['text'] },
  copyrightNo: { label: '软件著作权登记号', types: ['text'] },
  deployment: { label: '部署方式', types: ['select', 'text'] },
  users: { label: '用户数', types: ['number'] },
};

/** 联合申报单位: a group of the co-applicants' name and 统一社会信用代码 (评审's conflict rules). */
export const CO_APPLICANT_FACTS = ['name', 'uscc'] as const;
export type CoApplicantFactKey = (typeof CO_APPLICANT_FACTS)[number];
export const CO_APPLICANT_FACT_SPECS: Record<
  CoApplicantFactKey,
  { label: string; types: FormField['type'][]; required?: boolean }
> = {
  name: { label: '联合申报单位名称', types: ['text'], required: true },
  uscc: { label: '联合申报单位统一社会信用代码', types: ['uscc', 'text'] },
};

/**
 * Where each fact lives in the data: a field path "section.field". The APP list and the
 * co-applicants bind a group field and, inside each item, the keys of its sub-fields.
 */
export type FactBindings = Partial<Record<ScalarFactKey, string>> & {
  apps?: { path: string } & Partial<Record<AppFactKey, string>>;
  coApplicants?: { path: string } & Partial<Record<CoApplicantFactKey, string>>;
};

/** A 联合申报单位 as the facts hold it (its code upper case, '' when not given). */
export interface CoApplicantFacts {
  name: string;
  uscc: string;
}

export interface AppFacts {
  name: string;
  version: string;
  copyrightNo: string;
  deployment: string;
  users: number | null;
}

/** Typed facts of one application, computed from its data by its form's bindings. */
export interface ApplicationFacts {
  solutionName: string;
  category: string | null;
  focusAreas: string[];
  industries: string[];
  businessStages: string[];
  platform: string;
  summary: string;
  applicantName: string;
  uscc: string;
  region: string | null;
  ownership: string | null;
  size: string | null;
  revenue: number | null;
  contactName: string;
  phone: string;
  email: string;
  apps: AppFacts[];
  appCount: number;
  /** 联合申报单位 (absent in facts stored before they were bound: read as none) */
  coApplicants: CoApplicantFacts[];
  /** 字数 of the word-counted text fields */
  wordCount: number;
}

type Obj = Record<string, unknown>;
const asObject = (v: unknown): Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const orNull = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string' && x !== '')
    : typeof v === 'string' && v
      ? [v]
      : [];
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The value at a "section.field" path (no group indexes). */
export function valueAt(data: unknown, path: string | undefined): unknown {
  if (!path) return undefined;
  let cur: unknown = data;
  for (const part of path.split('.')) cur = asObject(cur)[part];
  return cur;
}

/** The declared field at "section.field", if there is one. */
export function fieldAt(form: FormDeclaration, path: string): FormField | undefined {
  const [sectionKey, fieldKey, ...rest] = path.split('.');
  if (rest.length) return undefined;
  return form.sections.find((s) => s.key === sectionKey)?.fields.find((f) => f.key === fieldKey);
}

export function factsOf(form: FormDeclaration, data: unknown): ApplicationFacts {
  const b = form.facts ?? {};
  const at = (k: ScalarFactKey) => valueAt(data, b[k]);
  const items = b.apps ? valueAt(data, b.apps.path) : undefined;
  const apps: AppFacts[] = (Array.isArray(items) ? items : []).map((item) => {
    const o = asObject(item);
    const sub = (k: AppFactKey) => (b.apps?.[k] ? o[b.apps[k]!] : undefined);
    return {
      name: text(sub('name')).slice(0, 200),
      version: text(sub('version')),
      copyrightNo: text(sub('copyrightNo')),
      deployment: strings(sub('deployment')).join('、'),
      users: num(sub('users')),
    };
  });
  const coItems = b.coApplicants ? valueAt(data, b.coApplicants.path) : undefined;
  const coApplicants: CoApplicantFacts[] = (Array.isArray(coItems) ? coItems : [])
    .map((item) => {
      const o = asObject(item);
      const sub = (k: CoApplicantFactKey) =>
        b.coApplicants?.[k] ? o[b.coApplicants[k]!] : undefined;
      return { name: text(sub('name')).slice(0, 200), uscc: text(sub('uscc')).toUpperCase() };
    })
    .filter((c) => c.name || c.uscc);
  return {
    solutionName: text(at('solutionName')).slice(0, 200),
    category: orNull(at('category')),
    focusAreas: strings(at('focusAreas')),
    industries: strings(at('industries')),
    businessStages: strings(at('businessStages')),
    platform: text(at('platform')),
    summary: text(at('summary')),
    applicantName: text(at('applicantName')),
    uscc: text(at('uscc')).toUpperCase(),
    region: orNull(at('region')),
    ownership: strings(at('ownership')).join('、') || null,
    size: strings(at('size')).join('、') || null,
    revenue: num(at('revenue')),
    contactName: text(at('contactName')),
    phone: text(at('phone')),
    email: text(at('email')),
    apps,
    appCount: apps.length,
    coApplicants,
    wordCount: countedText(form, data).reduce((n, c) => n + c.words, 0),
  };
}

/** The word-counted text, in form order: what the duplicate check compares. */
export const factText = comparableText;

/** Facts of an application that has none stored (an empty working copy). */
export function emptyFacts(): ApplicationFacts {
  return factsOf({ id: '', version: 0, title: '', sections: [] }, {});
}

/**
 * Data that holds the given facts where the form binds them: what a new application starts with
 * (the account's own name, code, region and contact). Facts the form does not bind are left out.
 */
export function dataWithFacts(
  form: FormDeclaration,
  facts: Partial<Record<ScalarFactKey, string | null>>,
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(facts) as [ScalarFactKey, string | null][]) {
    const path = form.facts?.[key];
    if (!path || value === null || value === undefined || value === '') continue;
    const field = fieldAt(form, path);
    if (!field) continue;
    const [s, f] = path.split('.') as [string, string];
    (out[s] ??= {})[f] = field.type === 'select' && field.multiple ? [value] : value;
  }
  return out;
}

/** The facts an application takes from the account that files it, never from what was typed. */
export const ACCOUNT_BOUND_FACTS = ['applicantName', 'uscc'] as const;

/** The form's paths of the account-bound facts (applicant's name and code), where it binds them. */
export function accountBoundPaths(form: FormDeclaration): string[] {
  return ACCOUNT_BOUND_FACTS.map((k) => form.facts?.[k]).filter((p): p is string => !!p);
}

/**
 * `data` with the applicant's name and 统一社会信用代码 set to the account's own, wherever the
 * form binds them; everything else (co-applicants included) as it was.
 */
export function withAccountFacts(
  form: FormDeclaration,
  data: Record<string, unknown>,
  account: { name: string; uscc: string },
): Record<string, unknown> {
  const bound = dataWithFacts(form, { applicantName: account.name, uscc: account.uscc });
  const out: Record<string, unknown> = { ...data };
  for (const [section, fields] of Object.entries(bound)) {
    const current = out[section];
    out[section] = {
      ...(current && typeof current === 'object' && !Array.isArray(current) ? current : {}),
      ...fields,
    };
  }
  return out;
}
