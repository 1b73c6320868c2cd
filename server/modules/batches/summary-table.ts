// 附件3 报送信息汇总表: one row per recommended application, drawn from the facts of its frozen
// version, in the columns and under the title the campaign configures.
import type { Category, SummaryColumnFact, SummaryTableSettings } from '../../../domain/campaign';
import { factsOf } from '../../../domain/facts';
import type { FormDeclaration } from '../../../domain/form';
import type { SummarySource } from './repository';

export interface SummaryRow {
  applicationId: string;
  rank: number;
  solutionName: string;
  category: string;
  applicantName: string;
  uscc: string;
  region: string;
  industry: string;
  appCount: number;
  platform: string;
  contactName: string;
  phone: string;
  /** the campaign's configured 附件3 columns, in order */
  cells: (string | number)[];
}

/** Short numbers, centred in their cells. */
export const CENTRED: ReadonlySet<SummaryColumnFact> = new Set(['rank', 'appCount', 'wordCount']);

/** Kept as text in a spreadsheet: long digit strings would otherwise become numbers. */
export const AS_TEXT: ReadonlySet<SummaryColumnFact> = new Set(['uscc', 'phone']);

export interface SummaryLookups {
  categories: Category[];
  regionNames: Record<string, string>;
  industryNames: Record<string, string>;
}

/** 江苏省苏州市 for a city; a province, or a municipality whose city bears its name, once. */
export function regionLabel(code: string, names: Record<string, string>): string {
  const name = names[code];
  if (!name) return code;
  const province = names[`${code.slice(0, 2)}0000`];
  return province && province !== name ? `${province}${name}` : name;
}

/** One row of 附件3, from the facts of the application's frozen version. */
export function summaryRow(
  src: SummarySource,
  form: FormDeclaration,
  rank: number,
  l: SummaryLookups,
  columns: SummaryTableSettings['columns'],
): SummaryRow {
  const f = factsOf(form, src.data);
  const cell: Record<SummaryColumnFact, string | number> = {
    rank,
    solutionName: f.solutionName,
    category: l.categories.find((c) => c.code === f.category)?.name ?? f.category ?? '',
    focusAreas: f.focusAreas.join('、'),
    applicantName: f.applicantName || src.enterpriseName,
    uscc: f.uscc,
    region: f.region ? regionLabel(f.region, l.regionNames) : '',
    industries: f.industries.map((c) => l.industryNames[c] ?? c).join('、'),
    businessStages: f.businessStages.join('、'),
    appCount: f.appCount,
    appNames: f.apps
      .map((a) => a.name)
      .filter(Boolean)
      .join('、'),
    platform: f.platform,
    ownership: f.ownership ?? '',
    size: f.size ?? '',
    contactName: f.contactName,
    phone: f.phone,
    email: f.email,
    wordCount: f.wordCount,
  };
  return {
    applicationId: src.applicationId,
    rank,
    solutionName: f.solutionName,
    category: String(cell.category),
    applicantName: String(cell.applicantName),
    uscc: f.uscc,
    region: String(cell.region),
    industry: String(cell.industries),
    appCount: f.appCount,
    platform: f.platform,
    contactName: f.contactName,
    phone: f.phone,
    cells: columns.map((c) => cell[c.fact]),
  };
}

/** 2021年10月20日, the calendar day in Asia/Shanghai (UTC+8, no DST). */
export function shanghaiDateLabel(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

export function summaryFilename(unitName: string, ext: 'xlsx' | 'pdf') {
  return `附件3-报送信息汇总表-${unitName}.${ext}`;
}

export interface SummaryDocument {
  title: string;
  columns: SummaryTableSettings['columns'];
  unitName: string;
  date: string;
  rows: SummaryRow[];
}
