// Worker thread (server/lib/worker-pool.ts): the workbooks the platform hands out, from plain data.
// Each task builds its workbook with exceljs and returns the .xlsx bytes (formula-like text
// neutralised by workbookBytes, as on the main thread).
import type { RegistryRow } from '../../domain/api/registry';
import type { ProgressRow } from '../../domain/api/progress';
import { renderSummaryXlsx } from '../modules/batches/summary-xlsx';
import { followUpSummaryXlsx } from '../modules/follow-ups/summary';
import { renderProgressXlsx, type ProgressSheetInfo } from '../modules/progress/xlsx';
import { renderRegistryXlsx, type RegistrySheetInfo } from '../modules/registry/xlsx';
import { renderStatTableXlsx, type StatTable } from '../modules/statistics/xlsx';
import { serveTasks } from '../lib/worker-pool';

export const tasks = {
  registry: ({ rows, info }: { rows: RegistryRow[]; info: RegistrySheetInfo }) =>
    renderRegistryXlsx(rows, info),
  batchSummary: renderSummaryXlsx,
  statisticsTable: ({ table, sheetName }: { table: StatTable; sheetName: string }) =>
    renderStatTableXlsx(table, sheetName),
  progress: ({ rows, info }: { rows: ProgressRow[]; info: ProgressSheetInfo }) =>
    renderProgressXlsx(rows, info),
  followUpSummary: followUpSummaryXlsx,
};

export default serveTasks(tasks);
