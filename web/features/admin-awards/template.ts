// The import template: a CSV with the header row the server reads, made in the browser.

export const TEMPLATE_HEADER = [
  '年份',
  '解决方案名称',
  '企业名称',
  '统一社会信用代码',
  '类别',
  '推荐单位',
  '备注',
] as const;

export const TEMPLATE_FILENAME = '往届获奖名单导入模板.csv';

/** UTF-8 with a BOM, so Excel and WPS open the Chinese header correctly; CRLF like Excel writes. */
export function templateCsv(): string {
  return `\uFEFF${TEMPLATE_HEADER.join(',')}\r\n`;
}

export function downloadTemplate(): void {
  const blob = new Blob([templateCsv()], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = TEMPLATE_FILENAME;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
