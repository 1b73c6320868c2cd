// 申报项目库 as a workbook: the call's title, the filters it was taken with, the export time, then
// one ruled row per application. Text an applicant typed never runs as a formula (workbookBytes).
import type { RegistryRow } from '../../../domain/api/registry';
import { AUDIT_STATE_NAMES } from '../../../domain/audit-actions';
import { DUPLICATE_FLAG_LABELS, FORMAL_CHECK_LABELS } from '../../../domain/registry';
import {
  ExcelJS,
  fitRowHeights,
  printedSheet,
  RULED,
  SHEET_FONT,
  workbookBytes,
} from '../../lib/xlsx';

/** 2021-10-20 17:30 in Asia/Shanghai. */
export function shanghaiMinute(iso: string | null): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + 8 * 3_600_000)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

/** The paper 申报书 in words: 已收到 / 已收到（逾期）/ 未收到, and an older version's copy. */
export function paperText(p: RegistryRow['paper']): string {
  const main = p.received ? (p.late ? '已收到（逾期）' : '已收到') : '未收到';
  return p.mismatch ? `${main}；另收到非当前版本` : main;
}

interface Column {
  header: string;
  width: number;
  value: (r: RegistryRow, i: number) => string | number;
  centred?: true;
  text?: true;
}

export const REGISTRY_COLUMNS: Column[] = [
  { header: '序号', width: 6, value: (_, i) => i + 1, centred: true },
  { header: '推荐单位', width: 18, value: (r) => r.unitName },
  { header: '推荐排序', width: 8, value: (r) => r.rank ?? '', centred: true },
  { header: '解决方案名称', width: 30, value: (r) => r.solutionName },
  { header: '申报类别', width: 14, value: (r) => r.categoryLabel },
  { header: '申报单位', width: 26, value: (r) => r.applicantName },
  { header: '统一社会信用代码', width: 21, value: (r) => r.uscc, text: true },
  { header: '所在地区', width: 16, value: (r) => r.regionName },
  { header: '状态', width: 14, value: (r) => AUDIT_STATE_NAMES[r.state] ?? r.state, centred: true },
  {
    header: '当前版本',
    width: 8,
    value: (r) => (r.currentVersionNo ? `第${r.currentVersionNo}版` : ''),
    centred: true,
  },
  { header: '提交时间', width: 17, value: (r) => shanghaiMinute(r.submittedAt), centred: true },
  { header: '疑似重复', width: 14, value: (r) => DUPLICATE_FLAG_LABELS[r.duplicates] },
  { header: '纸质材料', width: 16, value: (r) => paperText(r.paper) },
  {
    header: '形式审查',
    width: 10,
    value: (r) => FORMAL_CHECK_LABELS[r.formalCheck ?? 'none'],
    centred: true,
  },
];

export const REGISTRY_HEADER_ROW = 4;

export interface RegistrySheetInfo {
  campaignTitle: string;
  /** the filters in words, e.g. 推荐单位：北京市；纸质材料：未收到 (全部 when none) */
  filters: string;
  exportedAt: Date;
}

export async function renderRegistryXlsx(
  rows: RegistryRow[],
  info: RegistrySheetInfo,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '征选 Zhengxuan';
  const n = REGISTRY_COLUMNS.length;
  const H = REGISTRY_HEADER_ROW;
  const ws = printedSheet(wb, '申报项目库', `1:${H}`, H);
  ws.columns = REGISTRY_COLUMNS.map((c) => ({ width: c.width }));
  const line = (rowNo: number, value: string, size: number, bold = false) => {
    ws.mergeCells(rowNo, 1, rowNo, n);
    Object.assign(ws.getCell(rowNo, 1), {
      value,
      font: { name: SHEET_FONT, size, bold },
      alignment: {
        horizontal: rowNo === 1 ? 'center' : 'left',
        vertical: 'middle',
        wrapText: true,
      },
    });
  };
  line(1, `${info.campaignTitle}申报项目库`, 16, true);
  ws.getRow(1).height = 30;
  line(2, `筛选条件：${info.filters}`, 10.5);
  line(
    3,
    `共 ${rows.length} 份，导出时间：${shanghaiMinute(info.exportedAt.toISOString())}（北京时间）`,
    10.5,
  );
  ws.getRow(H).values = REGISTRY_COLUMNS.map((c) => c.header);
  rows.forEach((r, i) => ws.addRow(REGISTRY_COLUMNS.map((c) => c.value(r, i))));
  for (let rowNo = H; rowNo <= ws.rowCount; rowNo++) {
    ws.getRow(rowNo).eachCell({ includeEmpty: true }, (cell, col) => {
      const c = REGISTRY_COLUMNS[col - 1]!;
      cell.border = RULED;
      cell.font = { name: SHEET_FONT, size: rowNo === H ? 10.5 : 10, bold: rowNo === H };
      cell.alignment = {
        vertical: 'middle',
        horizontal: rowNo === H || c.centred ? 'center' : 'left',
        wrapText: true,
      };
      if (rowNo === H)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
      else if (c.text) cell.numFmt = '@';
    });
  }
  fitRowHeights(ws, 2);
  return workbookBytes(wb);
}
