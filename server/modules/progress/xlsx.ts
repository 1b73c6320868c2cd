import { RECOMMENDER_UNIT_TYPE_LABELS } from '../../../domain/recommender-units';
import { ExcelJS, workbookBytes } from '../../lib/xlsx';
import type { ProgressRow } from './service';

interface Column {
  header: string;
  width: number;
  value: (r: ProgressRow) => string | number;
  totalled?: true;
}

const COLUMNS: Column[] = [
  { header: '推荐单位', width: 30, value: (r) => r.unitName },
  { header: '单位类型', width: 26, value: (r) => RECOMMENDER_UNIT_TYPE_LABELS[r.unitType].zh },
  { header: '已收到申报', width: 11, value: (r) => r.received, totalled: true },
  { header: '待审核', width: 9, value: (r) => r.pending, totalled: true },
  { header: '已推荐', width: 9, value: (r) => r.recommended, totalled: true },
  { header: '推荐数量上限', width: 12, value: (r) => r.quota, totalled: true },
  {
    header: '报送状态',
    width: 12,
    value: (r) => (r.batchState === 'signed_off' ? '已确认报送' : '未确认报送'),
  },
  { header: '确认报送时间', width: 18, value: (r) => shanghaiMinute(r.signedOffAt) },
  { header: '附件4应报', width: 11, value: (r) => r.followUpsExpected, totalled: true },
  { header: '附件4已报', width: 11, value: (r) => r.followUpsSubmitted, totalled: true },
];

/** 2021-10-20 17:30 in Asia/Shanghai. */
function shanghaiMinute(iso: string | null): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + 8 * 3_600_000)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

export async function renderProgressXlsx(rows: ProgressRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '征选 Zhengxuan';
  const ws = wb.addWorksheet('推荐单位进度', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.addRow(COLUMNS.map((c) => c.header)).font = { bold: true };
  for (const r of rows) ws.addRow(COLUMNS.map((c) => c.value(r)));
  const totals = ws.addRow(
    COLUMNS.map((c, i) =>
      i === 0 ? '合计' : c.totalled ? rows.reduce((sum, r) => sum + Number(c.value(r)), 0) : '',
    ),
  );
  totals.font = { bold: true };
  return workbookBytes(wb);
}
