// 附件3 报送信息汇总表: one row per recommended application, drawn from its frozen version.
import type { Category } from '../../../domain/campaign';
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
}

/**
 * The printed table's columns, in order, for the XLSX (width in characters) and the PDF (width
 * in points on landscape A4 without the cell padding, the name taking what is left).
 */
export const SUMMARY_COLUMNS: {
  header: string;
  key: keyof SummaryRow;
  width: number;
  pdfWidth: number | '*';
}[] = [
  { header: '序号（推荐排序）', key: 'rank', width: 10, pdfWidth: 30 },
  { header: '解决方案名称', key: 'solutionName', width: 28, pdfWidth: '*' },
  { header: '类别', key: 'category', width: 16, pdfWidth: 74 },
  { header: '申报单位', key: 'applicantName', width: 24, pdfWidth: 84 },
  { header: '统一社会信用代码', key: 'uscc', width: 21, pdfWidth: 92 },
  { header: '所在地区', key: 'region', width: 14, pdfWidth: 54 },
  { header: '所属行业', key: 'industry', width: 20, pdfWidth: 72 },
  { header: 'APP数量', key: 'appCount', width: 8, pdfWidth: 30 },
  { header: '依托平台', key: 'platform', width: 20, pdfWidth: 62 },
  { header: '联系人', key: 'contactName', width: 10, pdfWidth: 34 },
  { header: '联系电话', key: 'phone', width: 15, pdfWidth: 60 },
];

/** Short numbers, centred in their cells. */
export const CENTRED: ReadonlySet<keyof SummaryRow> = new Set(['rank', 'appCount']);

export interface SummaryLookups {
  categories: Category[];
  regionNames: Record<string, string>;
  industryNames: Record<string, string>;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => list(v).filter((x) => typeof x === 'string');

/** 江苏省苏州市 for a city; a province, or a municipality whose city bears its name, once. */
export function regionLabel(code: string, names: Record<string, string>): string {
  const name = names[code];
  if (!name) return code;
  const province = names[`${code.slice(0, 2)}0000`];
  return province && province !== name ? `${province}${name}` : name;
}

export function summaryRow(src: SummarySource, rank: number, l: SummaryLookups): SummaryRow {
  const solution = obj(src.data.solution);
  const applicant = obj(src.data.applicant);
  const categoryCode = text(solution.category);
  return {
    applicationId: src.applicationId,
    rank,
    solutionName: text(solution.name),
    category: l.categories.find((c) => c.code === categoryCode)?.name ?? categoryCode,
    applicantName: text(applicant.name) || src.enterpriseName,
    uscc: text(applicant.uscc),
    region: regionLabel(text(applicant.region), l.regionNames),
    industry: strings(solution.industries)
      .map((c) => l.industryNames[c] ?? c)
      .join('、'),
    appCount: list(obj(src.data.apps).items).length,
    platform: text(solution.platform),
    contactName: text(applicant.contactName),
    phone: text(applicant.phone),
  };
}

export function summaryTitle(year: number) {
  return `${year}年工业互联网APP应用解决方案报送信息汇总表`;
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
  unitName: string;
  date: string;
  rows: SummaryRow[];
}
