// 评审 (issue 13): the 申报项目库 — every application that reached the ministry — and 纸质材料签收,
// the paper copies arriving by post. Pure rules: no I/O.
import { APPLICATION_STATES, type ApplicationState } from './application-states';

/** The states of an application that reached the ministry: forwarded and every later one. */
export const REGISTRY_STATES = APPLICATION_STATES.slice(
  APPLICATION_STATES.indexOf('forwarded'),
) as unknown as readonly [ApplicationState, ...ApplicationState[]];

export function inRegistry(state: ApplicationState): boolean {
  return (REGISTRY_STATES as readonly string[]).includes(state);
}

/** 疑似重复 as the registry shows it: any confirmed finding, else any open one, else none. */
export const DUPLICATE_FLAGS = ['open', 'confirmed', 'none'] as const;
export type DuplicateFlag = (typeof DUPLICATE_FLAGS)[number];
export const DUPLICATE_FLAG_LABELS: Record<DuplicateFlag, string> = {
  open: '疑似重复待处理',
  confirmed: '已确认重复',
  none: '无',
};

/**
 * The paper filter: `yes` a paper 申报书 of the current version arrived, `no` none did, `late` it
 * arrived but every such copy was late, `mismatch` a copy of another version arrived.
 */
export const PAPER_FILTERS = ['yes', 'no', 'late', 'mismatch'] as const;
export type PaperFilter = (typeof PAPER_FILTERS)[number];
export const PAPER_FILTER_LABELS: Record<PaperFilter, string> = {
  yes: '已收到',
  no: '未收到',
  late: '逾期',
  mismatch: '版本不符',
};

/** 形式审查's result, or none yet. */
export const FORMAL_CHECK_FILTERS = ['pass', 'fail', 'none'] as const;
export type FormalCheckFilter = (typeof FORMAL_CHECK_FILTERS)[number];
export const FORMAL_CHECK_LABELS: Record<FormalCheckFilter, string> = {
  pass: '合格',
  fail: '不合格',
  none: '未审查',
};

export const REGISTRY_SORTS = ['unit', 'submittedAt', 'name'] as const;
export type RegistrySort = (typeof REGISTRY_SORTS)[number];
export const REGISTRY_SORT_LABELS: Record<RegistrySort, string> = {
  unit: '按推荐单位和推荐排序',
  submittedAt: '按提交时间',
  name: '按方案名称',
};

/** 批量下载 builds at most this many applications into one ZIP. */
export const REGISTRY_ZIP_MAX = 500;

// ------------------------------------------------------------------ 纸质材料签收

/** What arrived: a printed 申报书 (carrying its verification code) or a unit's stamped 附件3. */
export const PAPER_KINDS = ['application', 'summary_table'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];
export const PAPER_KIND_LABELS: Record<PaperKind, string> = {
  application: '申报书',
  summary_table: '附件3汇总表（盖章）',
};

/**
 * What a copy was when it arrived. A 申报书: the current frozen version of an application that
 * reached the ministry, a version since replaced by a newer one, or an application that was not
 * (yet) forwarded. A 附件3: its unit's batch signed off (current) or not (not_forwarded).
 */
export const PAPER_STATUSES = ['current', 'superseded', 'not_forwarded'] as const;
export type PaperReceiptStatus = (typeof PAPER_STATUSES)[number];
export const PAPER_STATUS_LABELS: Record<PaperReceiptStatus, string> = {
  current: '当前版本',
  superseded: '已被新版本取代',
  not_forwarded: '未报送至主管部门',
};

/** The status of a 申报书 by its code's version and the application as it stands. */
export function paperStatusOfCopy(
  versionNo: number,
  app: { state: ApplicationState; currentVersionNo: number | null },
): PaperReceiptStatus {
  if (!inRegistry(app.state)) return 'not_forwarded';
  return app.currentVersionNo === versionNo ? 'current' : 'superseded';
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a real calendar day written YYYY-MM-DD. */
export function isCalendarDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** The Beijing calendar day (YYYY-MM-DD) of a moment. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The paper deadline's Beijing day: a deadline at 24:00 belongs to the day that ends then. */
export function paperDeadlineDay(deadline: Date): string {
  return beijingDay(new Date(deadline.getTime() - 1));
}

/**
 * 逾期: the postmark (the day the copy was sent), or without one the day it was received, is after
 * the paper deadline's day. The notice counts paper as in time when it was posted in time.
 */
export function isLate(
  copy: { receivedOn: string; postmarkedOn?: string | null },
  paperDeadline: Date,
): boolean {
  return (copy.postmarkedOn || copy.receivedOn) > paperDeadlineDay(paperDeadline);
}

/**
 * The verification code in what was scanned or typed: the code itself, or the address the printed
 * QR code holds (…/verify?code=XXXX-XXXX-XXXX). Returns the raw code text to normalise, or the
 * input when it is no address.
 */
export function codeTextOf(input: string): string {
  const s = input.trim();
  const m = /[?&]code=([^&#\s]*)/i.exec(s);
  if (!m) return s;
  try {
    return decodeURIComponent(m[1]!.replace(/\+/g, ' '));
  } catch {
    return m[1]!;
  }
}
