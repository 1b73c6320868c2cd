import { createHash } from 'node:crypto';
import type { Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError, isUniqueViolation } from '../../lib/errors';
import { recordAudit } from '../audit';
import { listRecommenderUnitRows } from '../recommender-units';
import { mapHeader, type ImportProblem } from './columns';
import { readImportSheet } from './import-file';
import {
  awardKey,
  checkAwardRows,
  dataRows,
  existingProblems,
  MAX_IMPORT_ROWS,
} from './import-rows';
import { awardsWithUscc, insertAwards } from './repository';

const rejected = (total: number, problems: ImportProblem[]) =>
  new AppError('IMPORT_REJECTED', {
    message: `导入文件中有${new Set(problems.map((p) => p.row)).size}行不符合要求，全部未导入；请按逐行说明修改后重新导入`,
    details: { total, problems: problems.sort((a, b) => a.row - b.row) },
  });

function shanghaiYear(at: Date) {
  return new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/**
 * Imports a list of past awards, all or nothing: any bad row refuses the whole file, and the
 * answer names every bad row. One audit row records the file.
 */
export async function importAwards(
  deps: Deps,
  user: SignedInUser,
  file: { filename: string; bytes: Buffer },
  actor: Actor,
) {
  const sheet = await readImportSheet(file.bytes);
  const [header] = sheet.rows;
  if (!header) throw new AppError('FILE_REJECTED', { message: '文件中没有内容：第1行应为列名' });
  const { map, problems: headerProblems } = mapHeader(header.cells, header.rowNo);
  const rows = dataRows(sheet.rows, map);
  if (headerProblems.length) throw rejected(rows.length, headerProblems);
  if (rows.length === 0)
    throw new AppError('FILE_REJECTED', { message: '文件中只有列名，没有获奖记录' });
  if (rows.length > MAX_IMPORT_ROWS)
    throw new AppError('FILE_REJECTED', {
      message: `一次最多导入${MAX_IMPORT_ROWS}行，本文件有${rows.length}行：请分成几个文件导入`,
    });

  const units = (await listRecommenderUnitRows(deps.db, { includeInactive: true })).map(
    (r) => r.unit,
  );
  const checked = checkAwardRows(rows, map, {
    units: new Map(units.map((u) => [u.name.trim(), { id: u.id, name: u.name }])),
    currentYear: shanghaiYear(deps.clock.now()),
  });
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  try {
    return await deps.db.transaction(async (tx) => {
      const held = await awardsWithUscc(tx, [...new Set(checked.candidates.map((c) => c.uscc))]);
      const problems = [
        ...checked.problems,
        ...existingProblems(checked.candidates, new Set(held.map(awardKey)), map),
      ];
      if (problems.length) throw rejected(rows.length, problems);
      const now = deps.clock.now();
      await insertAwards(
        tx,
        checked.candidates.map((c) => ({
          year: c.year,
          solutionName: c.solutionName,
          enterpriseName: c.enterpriseName,
          uscc: c.uscc,
          category: c.category,
          recommenderName: c.recommenderName,
          recommenderUnitId: c.recommenderUnitId,
          source: 'imported' as const,
          importedBy: user.id,
          createdAt: now,
        })),
      );
      await recordAudit(tx, deps.clock, actor, {
        action: 'award.import',
        targetType: 'award',
        after: {
          imported: checked.candidates.length,
          filename: file.filename,
          format: sheet.format,
          size: file.bytes.length,
          sha256,
          checkDigitAccepted: checked.candidates
            .filter((c) => c.checkDigitReason)
            .map((c) => ({ row: c.rowNo, uscc: c.uscc, reason: c.checkDigitReason })),
        },
      });
      return { imported: checked.candidates.length, total: rows.length };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'awards_identity'))
      throw new AppError('CONFLICT', {
        message: '另一次导入同时写入了相同的获奖记录，本次全部未导入：请重新导入以查看逐行说明',
      });
    throw e;
  }
}
