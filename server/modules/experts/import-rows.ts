// Checks every row of an imported 专家库 file and says what is wrong with each, in Chinese: the
// header (any order, Chinese or English names), each cell against the expert's schema and the
// references, e-mails and logins unique within the file and not held by an account already.
import {
  createExpertSchema,
  EXPERT_IMPORT_COLUMNS,
  parseConflictEnterprises,
  splitList,
  type CreateExpertInput,
  type ExpertImportColumn,
} from '../../../domain/experts';
import type { SheetRow } from '../awards';
import { industryCode, type ExpertReferences } from './references';

export const MAX_EXPERT_ROWS = 1000;

export interface ImportProblem {
  row: number; // as the sheet shows it: the header is row 1
  column: string; // the header as written in the file, or the column's Chinese name
  message: string;
}

export interface HeaderMap {
  index: Partial<Record<ExpertImportColumn, number>>;
  names: Record<ExpertImportColumn, string>;
}

export interface ExpertCandidate {
  rowNo: number;
  input: CreateExpertInput;
}

// “* 姓名”, “姓名（必填）”, “NAME”: the same column
const normalise = (h: string) =>
  h
    .replace(/[（(][^）)]*[）)]\s*$/, '')
    .replace(/[\s*＊]/g, '')
    .toLowerCase();

/** Maps the header row; a missing required column or one named twice is a problem of row 1. */
export function mapHeader(
  header: string[],
  headerRow: number,
): { map: HeaderMap; problems: ImportProblem[] } {
  const index: HeaderMap['index'] = {};
  const names = Object.fromEntries(
    EXPERT_IMPORT_COLUMNS.map((c) => [c.key, c.zh]),
  ) as HeaderMap['names'];
  const problems: ImportProblem[] = [];
  header.forEach((raw, i) => {
    const h = normalise(raw);
    const col = EXPERT_IMPORT_COLUMNS.find((c) => c.zh === h || c.key.toLowerCase() === h);
    if (!col) return; // 序号 and other extra columns are ignored
    if (index[col.key] !== undefined) {
      problems.push({
        row: headerRow,
        column: raw.trim(),
        message: `“${col.zh}”列出现了两次（第${index[col.key]! + 1}列和第${i + 1}列），请只保留一列`,
      });
      return;
    }
    index[col.key] = i;
    names[col.key] = raw.trim();
  });
  for (const c of EXPERT_IMPORT_COLUMNS)
    if (c.required && index[c.key] === undefined)
      problems.push({
        row: headerRow,
        column: c.zh,
        message: `表头（第${headerRow}行）缺少必填列“${c.zh}”`,
      });
  return { map: { index, names }, problems };
}

/** The data rows that hold anything in a known column. */
export function dataRows(rows: SheetRow[], map: HeaderMap): SheetRow[] {
  const at = Object.values(map.index);
  return rows.slice(1).filter((r) => at.some((i) => (r.cells[i] ?? '').trim() !== ''));
}

/** Which column a schema path belongs to. */
const COLUMN_OF: Record<string, ExpertImportColumn> = {
  name: 'name',
  employerName: 'employerName',
  employerUscc: 'employerUscc',
  title: 'title',
  regionCode: 'region',
  categories: 'categories',
  industries: 'industries',
  focusAreas: 'focusAreas',
  conflictEnterprises: 'conflictEnterprises',
  conflictUnitIds: 'conflictUnits',
  phone: 'phone',
  email: 'email',
};

/**
 * Each row as a new expert, or its problems. `knownIndustries` holds the GB/T 4754 codes of the
 * file that exist; `taken` the logins and e-mails accounts hold already.
 */
export function checkExpertRows(
  rows: SheetRow[],
  map: HeaderMap,
  refs: ExpertReferences,
  knownIndustries: Set<string>,
  taken: { emails: Set<string> },
): { candidates: ExpertCandidate[]; problems: ImportProblem[] } {
  const candidates: ExpertCandidate[] = [];
  const problems: ImportProblem[] = [];
  const firstRowOfEmail = new Map<string, number>();
  for (const row of rows) {
    const value = (c: ExpertImportColumn) =>
      map.index[c] === undefined ? '' : (row.cells[map.index[c]!] ?? '').trim();
    const found: ImportProblem[] = [];
    const problem = (c: ExpertImportColumn, message: string) =>
      found.push({ row: row.rowNo, column: map.names[c], message });

    for (const c of EXPERT_IMPORT_COLUMNS)
      if (c.required && value(c.key) === '') problem(c.key, `请填写${c.zh}`);

    // 所在地区: a code, or a name only one region has
    const regionText = value('region');
    let regionCode = regionText;
    if (regionText && !refs.regions.has(regionText)) {
      const byName = refs.regionByName.get(regionText);
      if (byName) regionCode = byName;
      else
        problem(
          'region',
          byName === null
            ? `地区名称“${regionText}”有重名，请填写6位行政区划代码`
            : `“${regionText}”不是行政区划代码（GB/T 2260，6位数字）或地区名称`,
        );
    }

    const categories = splitList(value('categories')).flatMap((c) => {
      const code = refs.categories.has(c) ? c : refs.categoryByName.get(c);
      if (!code) {
        problem('categories', `申报类别“${c}”不存在：请填写类别名称（如“安全可靠工业APP”）或代码`);
        return [];
      }
      return [code];
    });

    const industries = splitList(value('industries')).flatMap((c) => {
      const code = industryCode(c);
      if (!knownIndustries.has(code)) {
        problem('industries', `行业代码“${c}”不在国民经济行业分类（GB/T 4754-2017）中`);
        return [];
      }
      return [code];
    });

    const focusAreas = splitList(value('focusAreas'));
    for (const f of focusAreas)
      if (!refs.focusAreas.has(f))
        problem('focusAreas', `聚焦领域“${f}”不是任何申报类别的聚焦领域`);

    const conflictUnitIds = splitList(value('conflictUnits'), /[；;\n\r]+/).flatMap((name) => {
      const id = refs.unitByName.get(name);
      if (!id) {
        problem('conflictUnits', `推荐单位“${name}”不存在：须与平台中推荐单位的名称完全一致`);
        return [];
      }
      return [id];
    });

    const parsed = createExpertSchema.safeParse({
      name: value('name'),
      employerName: value('employerName'),
      employerUscc: value('employerUscc'),
      title: value('title'),
      regionCode: /^\d{6}$/.test(regionCode) ? regionCode : '000000',
      categories: [...new Set(categories)],
      industries: [...new Set(industries)],
      focusAreas: [...new Set(focusAreas)],
      conflictEnterprises: parseConflictEnterprises(value('conflictEnterprises')),
      conflictUnitIds: [...new Set(conflictUnitIds)],
      phone: value('phone'),
      email: value('email'),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = COLUMN_OF[String(issue.path[0])];
        // a required cell left empty is said once, above
        if (column && !(value(column) === '' && found.some((f) => f.column === map.names[column])))
          problem(column, issue.message);
      }
    }

    const email = parsed.success ? parsed.data.email : value('email').toLowerCase();
    if (email && taken.emails.has(email))
      problem('email', `电子邮箱 ${email} 已被平台中的其他账号使用`);
    const first = email ? firstRowOfEmail.get(email) : undefined;
    if (first !== undefined)
      problem('email', `电子邮箱与第${first}行相同：每位专家须有自己的电子邮箱`);
    else if (email) firstRowOfEmail.set(email, row.rowNo);

    if (found.length === 0 && parsed.success)
      candidates.push({ rowNo: row.rowNo, input: parsed.data });
    problems.push(...found);
  }
  return { candidates, problems };
}
