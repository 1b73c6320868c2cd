import { RECOMMENDER_UNIT_TYPE_LABELS } from '../../../domain/recommender-units';
import {
  ExcelJS,
  fitRowHeights,
  printedSheet,
  RULED,
  SHEET_FONT,
  workbookBytes,
} from '../../lib/xlsx';
import type { ProgressRow } from './service';

interface Column {
  header: string;
  width: number;
  value: (r: ProgressRow) => string | number;
  totalled?: true;
  /** numbers and short states sit in the middle of their cells */
  centred?: true;
}

const COLUMNS: Column[] = [
  { header: '推荐单位', width: 30, value: (r) => r.unitName },
  { header: '单位类型', width: 26, value: (r) => RECOMMENDER_UNIT_TYPE_LABELS[r.unitType].zh },
  { header: '已收到申报', width: 11, value: (r) => r.received, totalled: true, centred: true },
  { header: '待审核', width: 9, value: (r) => r.pending, totalled: true, centred: true },
  { header: '已推荐', width: 9, value: (r) => r.recommended, totalled: true, centred: true },
  { header: '推荐数量上限', width: 12, value: (r) => r.quota, totalled: true, centred: true },
  {
    header: '报送状态',
    width: 12,
    value: (r) => (r.batchState === 'signed_off' ? '已确认报送' : '未确认报送'),
    centred: true,
  },
  { header: '确认报送时间', width: 18, value: (r) => shanghaiMinute(r.signedOffAt), centred: true },
  {
    header: '附件4应报',
    width: 11,
    value: (r) => r.followUpsExpected,
    totalled: true,
    centred: true,
  },
  {
    header: '附件4已报',
    width: 11,
    value: (r) => r.followUpsSubmitted,
    totalled: true,
    centred: true,
  },
  { header: '已报送主管部门', width: 13, value: (r) => r.forwarded, totalled: true, centred: true },
  {
    header: '纸质申报书已收',
    width: 13,
    value: (r) => r.paperReceived,
    totalled: true,
    centred: true,
  },
  {
    header: '附件3纸质件',
    width: 12,
    value: (r) => r.summaryTableReceivedOn ?? '未收到',
    centred: true,
  },
];

/** 2021-10-20 17:30 in Asia/Shanghai. */
function shanghaiMinute(iso: string | null): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + 8 * 3_600_000)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

export const PROGRESS_HEADER_ROW = 3;

export interface ProgressSheetInfo {
  /** the campaign's title, e.g. 2021年工业互联网APP优秀解决方案征集遴选 */
  campaignTitle: string;
  exportedAt: Date;
}

/** The organizer's overview as a sheet that prints like 附件3: title, ruled cells, header on every page. */
export async function renderProgressXlsx(
  rows: ProgressRow[],
  info: ProgressSheetInfo,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '征选 Zhengxuan';
  const n = COLUMNS.length;
  const H = PROGRESS_HEADER_ROW;
  // title and header on every printed page
  const ws = printedSheet(wb, '推荐单位进度', `1:${H}`, H);
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));

  ws.mergeCells(1, 1, 1, n);
  Object.assign(ws.getCell(1, 1), {
    value: `${info.campaignTitle}推荐单位进度`,
    font: { name: SHEET_FONT, size: 16, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  });
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, n);
  Object.assign(ws.getCell(2, 1), {
    value: `导出时间：${shanghaiMinute(info.exportedAt.toISOString())}（北京时间）`,
    font: { name: SHEET_FONT, size: 10.5 },
    alignment: { horizontal: 'right', vertical: 'middle' },
  });
  ws.getRow(2).height = 20;

  ws.getRow(H).values = COLUMNS.map((c) => c.header);
  for (const r of rows) ws.addRow(COLUMNS.map((c) => c.value(r)));
  ws.addRow(
    COLUMNS.map((c, i) =>
      i === 0 ? '合计' : c.totalled ? rows.reduce((sum, r) => sum + Number(c.value(r)), 0) : '',
    ),
  );
  const last = ws.rowCount;
  for (let rowNo = H; rowNo <= last; rowNo++) {
    const bold = rowNo === H || rowNo === last;
    ws.getRow(rowNo).eachCell({ includeEmpty: true }, (cell, col) => {
      const c = COLUMNS[col - 1]!;
      cell.border = RULED;
      cell.font = { name: SHEET_FONT, size: rowNo === H ? 10.5 : 10, bold };
      cell.alignment = {
        vertical: 'middle',
        horizontal: rowNo === H || c.centred ? 'center' : 'left',
        wrapText: true,
      };
      if (rowNo === H)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    });
  }
  fitRowHeights(ws, H);
  return workbookBytes(wb);
}
