// The CLI's inputs: AWARDS.csv (year,solution,enterprise,uscc,category[,text][,id]) and
// APPS.jsonl (one {"id","enterprise","uscc","name","text"[,"channel"]} per line).
import { z } from 'zod';
import { parseCsv } from '../csv';
import type { DuplicateDoc } from './types';

/** Input a person must fix; the message says where and what, in Chinese and English. */
export class DuplicateInputError extends Error {}

const AWARD_COLUMNS = ['year', 'solution', 'enterprise', 'uscc', 'category'] as const;

/** Awards as documents; an award's id is its `id` column, or `award-<row>` (the header is row 1). */
export function awardsFromCsv(csv: string, file: string): DuplicateDoc[] {
  const rows = parseCsv(csv);
  if (!rows.length) throw new DuplicateInputError(`${file}: 没有数据行 / no data rows`);
  const header = Object.keys(rows[0]!).map((h) => h.trim());
  const missing = AWARD_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    throw new DuplicateInputError(
      `${file}: 缺少列 ${missing.join(', ')} / missing column(s) ${missing.join(', ')} (需要 needs: ${AWARD_COLUMNS.join(',')}[,text])`,
    );
  return rows.map((raw, i) => {
    const row = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.trim(), v.trim()]));
    const at = `${file} 第${i + 2}行 / row ${i + 2}`;
    const year = Number(row.year);
    if (!/^\d{4}$/.test(row.year ?? '') || year < 2000 || year > 2100)
      throw new DuplicateInputError(`${at}: year “${row.year}” 不是年份 / is not a year`);
    for (const c of ['solution', 'enterprise'] as const)
      if (!row[c]) throw new DuplicateInputError(`${at}: ${c} 为空 / is empty`);
    return {
      id: row.id || `award-${i + 2}`,
      kind: 'award' as const,
      year,
      name: row.solution!,
      enterprise: row.enterprise!,
      uscc: row.uscc || null,
      text: row.text || null,
    };
  });
}

const applicationLine = z.object({
  id: z.union([z.string().trim().min(1), z.number()]).transform(String),
  enterprise: z.string().trim().min(1),
  uscc: z.string().nullish(),
  name: z.string().trim().min(1),
  text: z.string().nullish(),
  channel: z.string().nullish(),
});

export function applicationsFromJsonl(jsonl: string, file: string): DuplicateDoc[] {
  const docs: DuplicateDoc[] = [];
  const seen = new Set<string>();
  jsonl.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const at = `${file} 第${i + 1}行 / line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new DuplicateInputError(`${at}: 不是有效的 JSON / not valid JSON`);
    }
    const parsed = applicationLine.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DuplicateInputError(
        `${at}: 字段 ${issue.path.join('.') || '(整行 line)'} 缺失或无效 / missing or invalid (${issue.message})`,
      );
    }
    if (seen.has(parsed.data.id))
      throw new DuplicateInputError(`${at}: id “${parsed.data.id}” 重复 / duplicate id`);
    seen.add(parsed.data.id);
    docs.push({ ...parsed.data, kind: 'application' });
  });
  if (!docs.length) throw new DuplicateInputError(`${file}: 没有申报 / no applications`);
  return docs;
}
