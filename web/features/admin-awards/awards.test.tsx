import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/web/render';
import { AwardsPage } from './AwardsPage';
import { ImportAwards } from './ImportAwards';
import { templateCsv } from './template';

// antd in jsdom on a loaded 2-core machine: give each wait more than the default second
configure({ asyncUtilTimeout: 8000 });

/** fetch answering from a table of `METHOD /path` → [status, body]. */
function stubFetch(routes: Record<string, [number, unknown]>) {
  const calls: Array<{ method: string; path: string; body: unknown; headers: HeadersInit }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const path = url.split('?')[0]!.replace('/api/v1', '');
      calls.push({ method, path, body: init?.body, headers: init?.headers ?? {} });
      const [status, body] = routes[`${method} ${path}`] ?? [
        404,
        { error: { code: 'NOT_FOUND', message: '未找到', messageEn: 'Not found' } },
      ];
      return new Response(JSON.stringify(body), { status });
    }),
  );
  return calls;
}

const rejected = {
  error: {
    code: 'IMPORT_REJECTED',
    message: '导入文件中有不符合要求的行，全部未导入；请按逐行说明修改后重新导入',
    messageEn: 'Some rows are invalid; nothing was imported',
    details: {
      total: 3,
      problems: [
        { row: 3, column: '统一社会信用代码', message: '统一社会信用代码校验位错误' },
        { row: 4, column: '年份', message: '年份应为四位数字' },
        { row: 4, column: null, message: '与第2行重复' },
      ],
    },
  },
};

function upload(name: string, text: string) {
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  const file = new File([text], name, { type: 'text/csv' });
  fireEvent.change(input, { target: { files: [file] } });
}

describe('importing past awards', () => {
  it('shows every problem of a refused file, by row and column, and says nothing was imported', async () => {
    renderWithApp(<ImportAwards />);
    const calls = stubFetch({ 'POST /awards/import': [422, rejected] }); // after render: replaces its fetch
    upload(
      'awards.csv',
      `${templateCsv()}2019,方案A,企业A,91110108MA01XK2Q8A,基础共性,北京市,\r\n`,
    );

    const table = await screen.findByTestId('import-problems');
    const rows = within(table).getAllByRole('row').slice(1); // header first
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['3', '统一社会信用代码', '统一社会信用代码校验位错误'],
      ['4', '年份', '年份应为四位数字'],
      ['4', '整行', '与第2行重复'],
    ]);
    for (const h of ['行号', '列', '说明']) expect(within(table).getByText(h)).toBeTruthy();
    const alert = screen.getByTestId('import-rejected');
    expect(alert.textContent).toContain('未导入');
    expect(alert.textContent).toContain('全部 0 条已导入');
    expect(alert.textContent).toContain('共 3 处问题（文件共 3 行数据）');
    expect(screen.queryByTestId('import-success')).toBeNull();

    // one multipart request with the file under "file"
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /awards/import']);
    const body = calls[0]!.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect((body.get('file') as File).name).toBe('awards.csv');
  });

  it('reports the count when the file is taken', async () => {
    renderWithApp(<ImportAwards />);
    stubFetch({ 'POST /awards/import': [200, { imported: 12, total: 12 }] });
    upload('awards.csv', templateCsv());
    const ok = await screen.findByTestId('import-success');
    expect(ok.textContent).toContain('已导入 12 条获奖记录（awards.csv）');
    expect(screen.queryByTestId('import-problems')).toBeNull();
  });

  it('offers a template with the header row the server reads', () => {
    expect(templateCsv()).toBe(
      '\uFEFF年份,解决方案名称,企业名称,统一社会信用代码,类别,推荐单位,备注\r\n',
    );
  });
});

describe('the awards list', () => {
  it('shows the awards, flags an unmatched recommender and pages on the server', async () => {
    const { calls } = renderWithApp(<AwardsPage />, {
      'GET /awards': {
        total: 120,
        items: [
          {
            id: 'a1',
            year: 2020,
            solutionName: '基于工业互联网的设备预测性维护',
            enterpriseName: '某装备有限公司',
            uscc: '91110108MA01XK2Q8K',
            category: '行业通用工业APP',
            recommenderName: '北京市经济和信息化局',
            recommenderUnitId: null,
            source: 'imported',
          },
        ],
      },
    });
    expect(await screen.findByText('基于工业互联网的设备预测性维护')).toBeTruthy();
    expect(screen.getByText('未匹配')).toBeTruthy();
    expect(screen.getByText('共 120 条')).toBeTruthy();
    fireEvent.click(screen.getByTitle('2'));
    await waitFor(() => expect(calls.some((c) => c.url.includes('page=2'))).toBe(true));
  });
});
