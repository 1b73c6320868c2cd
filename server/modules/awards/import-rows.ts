// Checks every row of an imported award list and says what is wrong with each, in Chinese.
import { describeUsccProblem, findUsccProblem } from '../../../domain/uscc';
import { AWARD_COLUMNS, type AwardColumn, type HeaderMap, type ImportProblem } from './columns';
import type { SheetRow } from './import-file';

export const FIRST_AWARD_YEAR = 2017;
export const MAX_IMPORT_ROWS = 5000;

export interface AwardCandidate {
  rowNo: number;
  year: number;
  solutionName: string;
  enterpriseName: string;
  uscc: string;
  category: string;
  recommenderName: string;
  recommenderUnitId: string;
  /** A code failing its check digit, accepted because the note gives the reason. */
  checkDigitReason: string | null;
}

export interface RowLookups {
  /** Recommender units by exact name. */
  units: Map<string, { id: string; name: string }>;
  currentYear: number;
}

export const awardKey = (a: { year: number; uscc: string; solutionName: string }) =>
  `${a.year}\u0000${a.uscc}\u0000${a.solutionName}`;

const LIMITS: Partial<Record<AwardColumn, number>> = {
  solution: 200,
  enterprise: 200,
  category: 60,
  recommender: 200,
  note: 500,
};

/** Excel keeps 15 significant digits: an all-digit code typed into a number cell loses its tail. */
const looksLikeANumber = (code: string) =>
  /^\d+(\.\d+)?E\+\d+$/i.test(code) || (/^\d{16,18}$/.test(code) && /00$/.test(code));

/** A malformed code is refused; a failing check digit only without a reason in the note. */
function usccVerdict(
  uscc: string,
  note: string,
): { refused: string } | { accepted: string | null } {
  const p = findUsccProblem(uscc);
  if (!p) return { accepted: null };
  if (looksLikeANumber(uscc))
    return {
      refused: `统一社会信用代码“${uscc}”像是被表格存成了数字，末几位已丢失：请把该列设为“文本”格式后重新填写`,
    };
  if (p.kind !== 'check_digit') return { refused: describeUsccProblem(p) };
  if (note) return { accepted: note };
  return {
    refused: `${describeUsccProblem(p, 'zh', 'organizer')}；如已核实该代码确由登记机关发放，请在“备注”列写明核实依据后重新导入`,
  };
}

/** The data rows that hold anything in a known column. */
export function dataRows(rows: SheetRow[], map: HeaderMap): SheetRow[] {
  const at = Object.values(map.index);
  return rows.slice(1).filter((r) => at.some((i) => (r.cells[i] ?? '').trim() !== ''));
}

export function checkAwardRows(
  rows: SheetRow[],
  map: HeaderMap,
  lookups: RowLookups,
): { candidates: AwardCandidate[]; problems: ImportProblem[] } {
  const candidates: AwardCandidate[] = [];
  const problems: ImportProblem[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const value = (c: AwardColumn) =>
      map.index[c] === undefined ? '' : (row.cells[map.index[c]!] ?? '').trim();
    const found: ImportProblem[] = [];
    const problem = (c: AwardColumn, message: string) =>
      found.push({ row: row.rowNo, column: map.names[c], message });

    for (const c of AWARD_COLUMNS) {
      const v = value(c.key);
      if (c.required && v === '') problem(c.key, `请填写${c.zh}`);
      const max = LIMITS[c.key];
      if (max && [...v].length > max)
        problem(c.key, `${c.zh}最多${max}字（当前${[...v].length}字）`);
    }

    const yearText = value('year');
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (yearText && !(year >= FIRST_AWARD_YEAR && year <= lookups.currentYear))
      problem(
        'year',
        `年份应为${FIRST_AWARD_YEAR}至${lookups.currentYear}之间的四位整数，当前为“${yearText}”`,
      );

    const uscc = value('uscc').toUpperCase();
    const verdict = uscc ? usccVerdict(uscc, value('note')) : { accepted: null };
    if ('refused' in verdict) problem('uscc', verdict.refused);

    const recommender = value('recommender');
    const unit = recommender ? lookups.units.get(recommender) : undefined;
    if (recommender && !unit)
      problem(
        'recommender',
        `推荐单位“${recommender}”不存在：须与平台中推荐单位的名称完全一致（如“北京市”“中国航天科工集团有限公司”）`,
      );

    const solutionName = value('solution');
    if (found.length === 0) {
      const candidate: AwardCandidate = {
        rowNo: row.rowNo,
        year,
        solutionName,
        enterpriseName: value('enterprise'),
        uscc,
        category: value('category'),
        recommenderName: unit!.name,
        recommenderUnitId: unit!.id,
        checkDigitReason: 'accepted' in verdict ? verdict.accepted : null,
      };
      const first = firstRowOf.get(awardKey(candidate));
      if (first !== undefined)
        problem('solution', `与第${first}行重复（年份、统一社会信用代码、解决方案名称均相同）`);
      else {
        firstRowOf.set(awardKey(candidate), row.rowNo);
        candidates.push(candidate);
      }
    }
    problems.push(...found);
  }
  return { candidates, problems };
}

/** A row matching an award already in the registry is refused too. */
export function existingProblems(
  candidates: AwardCandidate[],
  existing: Set<string>,
  map: HeaderMap,
): ImportProblem[] {
  return candidates
    .filter((c) => existing.has(awardKey(c)))
    .map((c) => ({
      row: c.rowNo,
      column: map.names.solution,
      message: `该获奖记录已在往届获奖名单中（${c.year}年，${c.uscc}，${c.solutionName}），不能重复导入`,
    }));
}
