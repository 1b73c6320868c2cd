// The columns of an imported 往届获奖名单, named in Chinese or English in the header row, any order.

export const AWARD_COLUMNS = [
  { key: 'year', zh: '年份', en: 'year', required: true },
  { key: 'solution', zh: '解决方案名称', en: 'solution', required: true },
  { key: 'enterprise', zh: '企业名称', en: 'enterprise', required: true },
  { key: 'uscc', zh: '统一社会信用代码', en: 'uscc', required: true },
  { key: 'category', zh: '类别', en: 'category', required: true },
  { key: 'recommender', zh: '推荐单位', en: 'recommender', required: true },
  { key: 'note', zh: '备注', en: 'note', required: false },
] as const;

export type AwardColumn = (typeof AWARD_COLUMNS)[number]['key'];

export interface ImportProblem {
  row: number; // as the sheet shows it: the header is row 1
  column: string; // the header as written in the file, or the column's Chinese name when missing
  message: string;
}

/** Where each column is, and its header as written. */
export interface HeaderMap {
  index: Partial<Record<AwardColumn, number>>;
  names: Record<AwardColumn, string>;
}

// 年份（必填）, * 年份, YEAR: the same column
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
  const names = Object.fromEntries(AWARD_COLUMNS.map((c) => [c.key, c.zh])) as HeaderMap['names'];
  const problems: ImportProblem[] = [];
  header.forEach((raw, i) => {
    const h = normalise(raw);
    const col = AWARD_COLUMNS.find((c) => c.zh === h || c.en === h);
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
  for (const c of AWARD_COLUMNS) {
    if (c.required && index[c.key] === undefined)
      problems.push({
        row: headerRow,
        column: c.zh,
        message: `表头（第${headerRow}行）缺少必填列“${c.zh}”（或英文列名 ${c.en}）`,
      });
  }
  return { map: { index, names }, problems };
}
