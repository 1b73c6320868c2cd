// 形式审查 (issue 13): what the platform works out by itself for each automatic item of a campaign's
// checklist, and the rules a recorded check must follow. Pure: the server gathers the inputs (the
// application's facts and frozen version, the campaign's form and settings, paper receipts,
// duplicate findings) and calls these; the web shows the same words.
import type { ApplicationFacts } from './facts';
import type { FormDeclaration, FormField } from './form';
import {
  MIIT_2021_FORMAL_CHECKLIST,
  type FormalCheckItem,
  type FormalCheckResult,
  type FormalCheckRule,
} from './review';

/** The campaign's checklist: its own, else the notice's. */
export function formalChecklistOf(settings: {
  formalChecklist?: FormalCheckItem[] | undefined;
}): FormalCheckItem[] {
  return settings.formalChecklist ?? MIIT_2021_FORMAL_CHECKLIST;
}

/** What each rule checks, by name (the rule select of the campaign configuration). */
export const FORMAL_CHECK_RULE_LABELS: Record<FormalCheckRule, string> = {
  category_focus: '聚焦领域属于申报类别',
  word_limit: '正文字数不超过限额',
  required_attachments: '必填附件已上传',
  paper_received: '已收到当前版本的纸质材料（未逾期）',
  not_awarded_duplicate: '无未处理或已确认的疑似重复（含往届获奖）',
};

/** The platform's finding on one automatic item. */
export interface AutomaticFinding {
  pass: boolean;
  reason: string;
}

const quoted = (xs: readonly string[]) => xs.map((x) => `“${x}”`).join('、');

/** category_focus: the application's focus areas all belong to its category (as the campaign declares it). */
export function categoryFocusFinding(
  facts: Pick<ApplicationFacts, 'category' | 'focusAreas'>,
  categories: readonly { code: string; name: string; focusAreas: readonly string[] }[],
): AutomaticFinding {
  if (!facts.category) return { pass: false, reason: '未填写申报类别' };
  const category = categories.find((c) => c.code === facts.category);
  if (!category) return { pass: false, reason: `申报类别“${facts.category}”不是本活动的申报类别` };
  if (!facts.focusAreas.length) return { pass: false, reason: '未填写聚焦领域' };
  const outside = facts.focusAreas.filter((f) => !category.focusAreas.includes(f));
  if (outside.length)
    return {
      pass: false,
      reason: `聚焦领域${quoted(outside)}不属于申报类别“${category.name}”`,
    };
  return {
    pass: true,
    reason: `申报类别“${category.name}”，聚焦领域${quoted(facts.focusAreas)}`,
  };
}

/** word_limit: the frozen version's 字数 (as counted at submission) within the campaign's limit. */
export function wordLimitFinding(wordCount: number, wordLimit: number): AutomaticFinding {
  return wordCount <= wordLimit
    ? { pass: true, reason: `正文${wordCount}字，未超过${wordLimit}字` }
    : {
        pass: false,
        reason: `正文${wordCount}字，超过${wordLimit}字的限制（超出${wordCount - wordLimit}字）`,
      };
}

/**
 * The labels of the form's required upload fields that hold no file of the frozen version: every
 * `attachments` field marked required (inside a repeated group, for each of its rows) must name at
 * least one file that the version froze. Read from the declaration alone: no field key is known here.
 */
export function missingRequiredAttachments(
  form: FormDeclaration,
  data: unknown,
  frozenIds: ReadonlySet<string>,
): string[] {
  const missing: string[] = [];
  const visit = (fields: FormField[], value: unknown, where: string) => {
    const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
    for (const f of fields) {
      const v = obj[f.key];
      if (f.type === 'attachments' && f.required) {
        const ids = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
        if (!ids.some((id) => frozenIds.has(id))) missing.push(`${where}${f.label}`);
      } else if (f.type === 'group' && Array.isArray(v)) {
        v.forEach((item, i) => visit(f.fields, item, `${where}${f.itemLabel}${i + 1}的`));
      }
    }
  };
  const root = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  for (const s of form.sections) {
    if (s.rows) {
      const rows = root[s.key];
      if (Array.isArray(rows))
        rows.forEach((row, i) => visit(s.fields, row, `${s.rows!.itemLabel}${i + 1}的`));
    } else visit(s.fields, root[s.key], '');
  }
  return missing;
}

export function requiredAttachmentsFinding(missing: readonly string[]): AutomaticFinding {
  return missing.length
    ? { pass: false, reason: `缺少必填附件：${missing.join('、')}` }
    : { pass: true, reason: '必填附件均已上传' };
}

/** A paper copy as received (纸质材料签收), as far as the formal check reads it. */
export interface PaperReceiptFact {
  /** 'application' (申报书) | 'summary_table' (盖章的附件3) */
  kind: string;
  versionNo: number;
  /** 'current' | 'superseded' | 'not_forwarded' when it arrived */
  status: string;
  late: boolean;
  receivedOn: string;
  postmarkedOn: string | null;
}

/**
 * paper_received: a paper 申报书 of the application's current version arrived, as the current
 * version, in time. Otherwise why not: none arrived, only an earlier version's (not identical to
 * what is online), or it was late.
 */
export function paperFinding(
  receipts: readonly PaperReceiptFact[],
  currentVersionNo: number | null,
): AutomaticFinding {
  const copies = receipts.filter((r) => r.kind === 'application');
  const current = copies.filter((r) => r.versionNo === currentVersionNo && r.status === 'current');
  const inTime = current.find((r) => !r.late);
  if (inTime)
    return {
      pass: true,
      reason: `已于${inTime.receivedOn}收到第${inTime.versionNo}版纸质申报书`,
    };
  const late = current[0];
  if (late)
    return {
      pass: false,
      reason: `纸质申报书逾期寄达（${late.postmarkedOn ? `邮戳${late.postmarkedOn}` : `收到${late.receivedOn}`}）`,
    };
  const other = copies.find((r) => r.versionNo !== currentVersionNo);
  if (other)
    return {
      pass: false,
      reason: `收到的纸质申报书为第${other.versionNo}版，与网上当前的第${currentVersionNo ?? '—'}版不一致`,
    };
  return { pass: false, reason: '尚未收到纸质申报书' };
}

/**
 * not_awarded_duplicate: no open or confirmed duplicate finding (a past award's match is a finding
 * too). `standing`: the worst of the application's findings, or null when it has none.
 */
export function duplicateFinding(standing: 'open' | 'confirmed' | null): AutomaticFinding {
  if (standing === 'confirmed') return { pass: false, reason: '主管部门已确认重复申报' };
  if (standing === 'open')
    return { pass: false, reason: '有未处理的疑似重复记录（与往届获奖或本届其他申报相似）' };
  return { pass: true, reason: '无疑似重复记录' };
}

/** Everything the automatic rules read about one application. */
export interface FormalCheckSubject {
  facts: Pick<ApplicationFacts, 'category' | 'focusAreas'>;
  currentVersionNo: number | null;
  /** the frozen version's 字数 */
  wordCount: number;
  /** the frozen version's data and the ids of the files it froze */
  data: unknown;
  frozenAttachmentIds: ReadonlySet<string>;
  paper: readonly PaperReceiptFact[];
  duplicates: 'open' | 'confirmed' | null;
}

export interface FormalCheckContext {
  form: FormDeclaration;
  wordLimit: number;
  categories: readonly { code: string; name: string; focusAreas: readonly string[] }[];
}

export function findingOf(
  rule: FormalCheckRule,
  s: FormalCheckSubject,
  ctx: FormalCheckContext,
): AutomaticFinding {
  switch (rule) {
    case 'category_focus':
      return categoryFocusFinding(s.facts, ctx.categories);
    case 'word_limit':
      return wordLimitFinding(s.wordCount, ctx.wordLimit);
    case 'required_attachments':
      return requiredAttachmentsFinding(
        missingRequiredAttachments(ctx.form, s.data, s.frozenAttachmentIds),
      );
    case 'paper_received':
      return paperFinding(s.paper, s.currentVersionNo);
    case 'not_awarded_duplicate':
      return duplicateFinding(s.duplicates);
  }
}

/** The platform's findings on the checklist's automatic items, by item code. */
export function automaticFindings(
  checklist: readonly FormalCheckItem[],
  s: FormalCheckSubject,
  ctx: FormalCheckContext,
): Map<string, AutomaticFinding> {
  const out = new Map<string, AutomaticFinding>();
  for (const item of checklist) if (item.rule) out.set(item.code, findingOf(item.rule, s, ctx));
  return out;
}

/** A blocking item whose automatic finding fails: it cannot be recorded as passed. */
export function isBlocked(item: FormalCheckItem, finding: AutomaticFinding | undefined): boolean {
  return item.blocking && !!finding && !finding.pass;
}

/** The least reason a failed item needs (in 字, after trimming). */
export const FAIL_REASON_MIN = 2;

export interface RecordedItem {
  code: string;
  pass: boolean;
  reason: string;
}

/** A problem with a recorded check's items, at its path in the request body. */
export interface RecordIssue {
  path: string;
  message: string;
}

/**
 * What is wrong with the items an organizer records: each checklist item exactly once, nothing
 * else, and a reason for each failed one. (Blocking items are checked against the findings apart.)
 */
export function recordIssues(
  checklist: readonly FormalCheckItem[],
  items: readonly RecordedItem[],
): RecordIssue[] {
  const issues: RecordIssue[] = [];
  const known = new Map(checklist.map((i) => [i.code, i]));
  const seen = new Set<string>();
  items.forEach((it, i) => {
    const item = known.get(it.code);
    if (!item) issues.push({ path: `items.${i}.code`, message: `没有代码为“${it.code}”的检查项` });
    else if (seen.has(it.code))
      issues.push({ path: `items.${i}.code`, message: `检查项“${item.label}”重复` });
    else if (!it.pass && it.reason.trim().length < FAIL_REASON_MIN)
      issues.push({ path: `items.${i}.reason`, message: `请填写“${item.label}”不通过的理由` });
    seen.add(it.code);
  });
  for (const item of checklist)
    if (!seen.has(item.code))
      issues.push({ path: 'items', message: `请填写检查项“${item.label}”的审查结论` });
  return issues;
}

/** 合格 only when every item passes. */
export function resultOf(items: readonly { pass: boolean }[]): FormalCheckResult {
  return items.every((i) => i.pass) ? 'pass' : 'fail';
}

/** The failed items as the recommender and the enterprise read them: “label：reason；…”. */
export function failedSummary(items: readonly { label: string; pass: boolean; reason: string }[]) {
  return items
    .filter((i) => !i.pass)
    .map((i) => `${i.label}：${i.reason.trim()}`)
    .join('；');
}

/** The reason given to a manual item an organizer passes in bulk. */
export const BULK_PASS_REASON = '批量通过';

/**
 * Whether the bulk pass may pass this application, and if not why: it waits for its formal check
 * (forwarded, nothing recorded) and every automatic item passes.
 */
export function bulkPassProblem(
  checklist: readonly FormalCheckItem[],
  findings: ReadonlyMap<string, AutomaticFinding>,
  app: { state: string; recorded: boolean },
): string | null {
  if (app.recorded || app.state === 'ineligible' || app.state === 'under_review')
    return '已有形式审查结果，请逐份审查修改';
  if (app.state !== 'forwarded') return '不在待形式审查的申报书中（尚未报送或已进入后续环节）';
  const failed = checklist.filter((i) => findings.get(i.code)?.pass === false);
  if (failed.length)
    return failed.map((i) => `${i.label}：${findings.get(i.code)!.reason}`).join('；');
  return null;
}
