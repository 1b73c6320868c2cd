// The facts of a 附件4 report (a past winner's follow-up): what the 监测分析 counts — new customers,
// industries reached, revenue by year, version updates and the solution's status — bound once, in
// the follow-up form's declaration (`followUpFacts`), to the fields that hold them. The analysis
// reads these facts, never a field key of a particular form (as applications' facts, facts.ts).
import type { FormDeclaration, FormField, FormSection } from './form';
import { valueAt } from './facts';

/**
 * Where each follow-up fact lives in a report's data. Paths are "section.field" for a field of an
 * object section, or a section's key for a list section (rows); a list's rows name their sub-keys.
 */
export interface FollowUpFactBindings {
  /** a number field: customers won since the award */
  newCustomers?: string;
  /** an industries field (GB/T 4754 codes) */
  industriesReached?: string;
  /** a list of rows (list section or group field) with a year and an amount (万元) */
  revenue?: { path: string; year: string; amount: string };
  /** a list of rows: one per version released since the award */
  versions?: string;
  /**
   * a select field: the solution's current status; `stopped` lists the option values meaning it is
   * no longer in operation (the 在运行 share counts the others)
   */
  status?: { path: string; stopped: string[] };
}

export interface FollowUpFacts {
  newCustomers: number;
  industriesReached: string[];
  revenue: { year: number; amount: number }[];
  versionCount: number;
  /** the status option's value, null when not given */
  status: string | null;
  /** whether `status` is one of the bound `stopped` values */
  stopped: boolean;
}

type Obj = Record<string, unknown>;
const asObject = (v: unknown): Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The report's facts by the form's bindings; a fact the form does not bind is empty. */
export function followUpFactsOf(form: FormDeclaration, data: unknown): FollowUpFacts {
  const b = form.followUpFacts ?? {};
  const industries = b.industriesReached ? valueAt(data, b.industriesReached) : undefined;
  const revenueRows = b.revenue ? valueAt(data, b.revenue.path) : undefined;
  const versions = b.versions ? valueAt(data, b.versions) : undefined;
  const statusValue = b.status ? valueAt(data, b.status.path) : undefined;
  const status = typeof statusValue === 'string' && statusValue.trim() ? statusValue.trim() : null;
  const revenue: FollowUpFacts['revenue'] = [];
  if (b.revenue && Array.isArray(revenueRows))
    for (const row of revenueRows) {
      const o = asObject(row);
      const year = num(o[b.revenue.year]);
      const amount = num(o[b.revenue.amount]);
      if (year !== null && Number.isInteger(year) && amount !== null && amount >= 0)
        revenue.push({ year, amount });
    }
  const customers = b.newCustomers ? num(valueAt(data, b.newCustomers)) : null;
  return {
    newCustomers: customers !== null && customers > 0 ? customers : 0,
    industriesReached: Array.isArray(industries)
      ? [...new Set(industries.filter((x): x is string => typeof x === 'string' && x !== ''))]
      : [],
    revenue,
    versionCount: Array.isArray(versions) ? versions.length : 0,
    status,
    stopped: status !== null && !!b.status?.stopped.includes(status),
  };
}

/** The options of the bound status field, in declared order (value and Chinese label). */
export function followUpStatusOptions(form: FormDeclaration): { value: string; label: string }[] {
  const path = form.followUpFacts?.status?.path;
  const field = path ? fieldAtPath(form, path) : undefined;
  if (!field || field.type !== 'select' || field.options.from !== 'list') return [];
  return field.options.values.map((v) => ({ value: v.value, label: v.label }));
}

/** A field ("section.field") or a list section seen as its rows ("section"). */
type Target = { kind: 'field'; field: FormField } | { kind: 'rows'; section: FormSection };

function targetAt(form: FormDeclaration, path: string): Target | undefined {
  const parts = path.split('.');
  if (parts.length === 1) {
    const section = form.sections.find((s) => s.key === parts[0]);
    return section?.rows ? { kind: 'rows', section } : undefined;
  }
  const field = fieldAtPath(form, path);
  return field ? { kind: 'field', field } : undefined;
}

function fieldAtPath(form: FormDeclaration, path: string): FormField | undefined {
  const [sectionKey, fieldKey, ...rest] = path.split('.');
  if (rest.length) return undefined;
  return form.sections.find((s) => s.key === sectionKey)?.fields.find((f) => f.key === fieldKey);
}

/** The sub-fields of a list target (a list section's fields, a group's fields). */
function rowFieldsOf(t: Target | undefined): FormField[] | undefined {
  if (!t) return undefined;
  if (t.kind === 'rows') return t.section.fields;
  return t.field.type === 'group' ? t.field.fields : undefined;
}

/**
 * What is wrong with a declaration's follow-up bindings: each problem with its path under
 * `followUpFacts` and a Chinese message. Empty when every binding points at a field of its type.
 */
export function followUpBindingIssues(
  form: FormDeclaration,
): { path: (string | number)[]; message: string }[] {
  const b = form.followUpFacts;
  if (!b) return [];
  const out: { path: (string | number)[]; message: string }[] = [];
  const TYPE_WORDS: Partial<Record<FormField['type'], string>> = {
    number: '数字',
    industries: '行业',
    select: '选择',
  };
  const field = (key: string, path: string, type: FormField['type'], label: string) => {
    const t = targetAt(form, path);
    if (!t || t.kind !== 'field')
      out.push({ path: [key], message: `“${label}”指向的字段 ${path} 不存在` });
    else if (t.field.type !== type)
      out.push({ path: [key], message: `“${label}”须取自${TYPE_WORDS[type]}字段，${path} 不是` });
    return t?.kind === 'field' ? t.field : undefined;
  };
  if (b.newCustomers) field('newCustomers', b.newCustomers, 'number', '新增客户数');
  if (b.industriesReached)
    field('industriesReached', b.industriesReached, 'industries', '推广覆盖行业');
  if (b.revenue) {
    const sub = rowFieldsOf(targetAt(form, b.revenue.path));
    if (!sub)
      out.push({
        path: ['revenue', 'path'],
        message: `“市场收入”须指向一个列表章节或重复组，${b.revenue.path} 不是`,
      });
    else
      for (const k of ['year', 'amount'] as const) {
        const f = sub.find((x) => x.key === b.revenue![k]);
        if (!f || f.type !== 'number')
          out.push({
            path: ['revenue', k],
            message: `“市场收入”的${k === 'year' ? '年度' : '金额'}须取自列表中的数字字段，${b.revenue[k]} 不是`,
          });
      }
  }
  if (b.versions && !rowFieldsOf(targetAt(form, b.versions)))
    out.push({
      path: ['versions'],
      message: `“版本更新”须指向一个列表章节或重复组，${b.versions} 不是`,
    });
  if (b.status) {
    const f = field('status', b.status.path, 'select', '当前状态');
    if (f?.type === 'select') {
      const values = f.options.from === 'list' ? f.options.values.map((v) => v.value) : [];
      b.status.stopped.forEach((v, i) => {
        if (!values.includes(v))
          out.push({
            path: ['status', 'stopped', i],
            message: `“已停止”的取值“${v}”不是 ${b.status!.path} 的选项`,
          });
      });
    }
  }
  return out;
}
