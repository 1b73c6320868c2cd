import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MIIT_2021 } from '../../../domain/campaigns/miit-2021';
import { renderWithApp, type RouteAnswer } from '../../../test/web/render';
import type { Campaign } from '../../lib/types';
import type { ExpertImportResult, ExpertView } from './api';
import { ExpertsPage } from './ExpertsPage';

// antd in jsdom on a loaded 2-core machine: give each wait more than the default second
configure({ asyncUtilTimeout: 8000 });

const UNIT = '00000000-0000-4000-8000-0000000000a1';

const campaign: Campaign = {
  id: '00000000-0000-4000-8000-0000000000c1',
  code: 'demo-2026',
  year: 2026,
  title: '【演示】2026年工业互联网APP优秀解决方案征集遴选',
  docNumber: '演示活动',
  issuer: MIIT_2021.issuer,
  publishedOn: '2026-09-01',
  opensAt: '2026-09-01T00:00:00.000Z',
  onlineDeadline: '2099-10-20T15:59:59.000Z',
  paperDeadline: '2099-10-20T15:59:59.000Z',
  isDemo: true,
  copiedFromId: null,
  phase: 'open',
  settings: MIIT_2021.settings,
};

const expert = (over: Partial<ExpertView>): ExpertView => ({
  id: '00000000-0000-4000-8000-000000000e01',
  userId: '00000000-0000-4000-8000-000000000b01',
  login: '13800000001',
  accountStatus: 'active',
  name: '王建国',
  employerName: '北京航空航天大学',
  employerUscc: '12100000400000624D',
  title: '教授',
  regionCode: '110100',
  regionName: '北京市',
  categories: ['basic_common'],
  industries: ['3451'],
  focusAreas: ['核心基础零部件'],
  conflictEnterprises: [{ name: '示例装备股份有限公司' }],
  conflictUnitIds: [UNIT],
  phone: '13800000001',
  email: 'wang@example.com',
  active: true,
  createdAt: '2026-09-01T00:00:00.000Z',
  updatedAt: '2026-09-01T00:00:00.000Z',
  ...over,
});

const experts = [
  expert({}),
  expert({
    id: '00000000-0000-4000-8000-000000000e02',
    name: '李敏',
    login: 'zj00012345',
    employerName: '某工业软件研究院',
    employerUscc: null,
    regionCode: '310100',
    regionName: '上海市',
    categories: [],
    industries: [],
    focusAreas: [],
    conflictEnterprises: [],
    conflictUnitIds: [],
    active: false,
  }),
];

const reference = {
  'GET /campaigns': { items: [campaign] },
  'GET /regions': {
    items: [
      { code: '110000', name: '北京市', level: 1, parentCode: null },
      { code: '110100', name: '北京市', level: 2, parentCode: '110000' },
      { code: '310000', name: '上海市', level: 1, parentCode: null },
      { code: '310100', name: '上海市', level: 2, parentCode: '310000' },
    ],
  },
  'GET /recommender-units': { items: [{ id: UNIT, name: '北京市经济和信息化局' }] },
  'GET /industries': { items: [{ code: '3451', name: '滚动轴承制造', level: 4 }] },
};

function renderPage(list: RouteAnswer | unknown = { items: experts, total: 2 }) {
  return renderWithApp(<ExpertsPage />, { ...reference, 'GET /experts': list });
}

const expertCalls = (calls: Array<{ method: string; url: string }>) =>
  calls
    .filter((c) => c.method === 'GET' && c.url.split('?')[0] === '/api/v1/experts')
    .map((c) => new URLSearchParams(c.url.split('?')[1] ?? ''));

/** Opens an antd Select by its accessible name and picks an option by its title. */
async function pick(label: string, option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: label }));
  const found = await screen.findAllByTitle(option);
  fireEvent.click(found[found.length - 1]!);
}

describe('专家库: the list and its filters', () => {
  it('shows each expert with employer code, categories by name, conflicts and state', async () => {
    renderPage();
    const table = await screen.findByTestId('experts-table');
    const row = (await within(table).findByText('王建国')).closest('tr')!;
    const text = row.textContent ?? '';
    for (const s of [
      '北京航空航天大学',
      '12100000400000624D',
      '教授',
      '北京市',
      '基础共性工业APP',
      '核心基础零部件',
      '企业 1单位 1',
      '13800000001',
      '启用',
    ])
      expect(text).toContain(s);
    await waitFor(() => expect(row.textContent).toContain('3451 滚动轴承制造'));
    const other = within(table).getByText('李敏').closest('tr')!;
    expect(other.textContent).toContain('未填统一社会信用代码');
    expect(other.textContent).toContain('已停用');
    expect(within(other).getByRole('button', { name: '启用' })).toBeTruthy();
    expect(screen.getByText('共 2 位专家')).toBeTruthy();
  });

  it('sends each filter to the server and starts again at page 1', async () => {
    const { calls } = renderPage({
      byQuery: () => ({ items: experts, total: 45 }),
    });
    await screen.findByText('王建国');
    expect(expertCalls(calls)[0]!.toString()).toBe('page=1&pageSize=20');

    fireEvent.click(screen.getByTitle('2'));
    await waitFor(() => expect(expertCalls(calls).at(-1)!.get('page')).toBe('2'));

    const search = screen.getByRole('searchbox', { name: '姓名或工作单位' });
    fireEvent.change(search, { target: { value: ' 王建国 ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(expertCalls(calls).at(-1)!.get('q')).toBe('王建国'));
    expect(expertCalls(calls).at(-1)!.get('page')).toBe('1');

    await pick('申报类别', '安全可靠工业APP');
    await waitFor(() => expect(expertCalls(calls).at(-1)!.get('category')).toBe('secure_reliable'));

    await pick('状态', '已停用');
    await waitFor(() => expect(expertCalls(calls).at(-1)!.get('active')).toBe('false'));

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '地区（含下级）' }));
    fireEvent.click((await screen.findAllByTitle('上海市'))[0]!);
    await waitFor(() => expect(expertCalls(calls).at(-1)!.get('region')).toBe('310000'));

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '行业（含下级）' }));
    fireEvent.click(await screen.findByTitle('3451 滚动轴承制造'));
    await waitFor(() => expect(expertCalls(calls).at(-1)!.get('industry')).toBe('3451'));

    expect(expertCalls(calls).at(-1)!.toString()).toBe(
      'q=%E7%8E%8B%E5%BB%BA%E5%9B%BD&category=secure_reliable&active=false&region=310000&industry=3451&page=1&pageSize=20',
    );
  });

  it('停用 asks first and sends active=false', async () => {
    const { calls } = renderWithApp(<ExpertsPage />, {
      ...reference,
      'GET /experts': { items: experts, total: 2 },
      [`PATCH /experts/${experts[0]!.id}`]: { ...experts[0]!, active: false },
    });
    const row = (await screen.findByText('王建国')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: /停\s*用/ }));
    expect(await screen.findByText('停用专家 王建国？')).toBeTruthy();
    fireEvent.click(
      within(document.querySelector('.ant-popconfirm') as HTMLElement).getByRole('button', {
        name: /停\s*用/,
      }),
    );
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({ active: false });
    expect(await screen.findByText('已停用 王建国')).toBeTruthy();
  });
});

describe('新增专家', () => {
  it('refuses bad input with the schema’s Chinese messages and sends nothing', async () => {
    const { calls } = renderPage();
    await screen.findByText('王建国');
    fireEvent.click(screen.getByRole('button', { name: /新增专家/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('工作单位'), {
      target: { value: '北京航空航天大学' },
    });
    fireEvent.change(within(dialog).getByLabelText('工作单位统一社会信用代码'), {
      target: { value: '91110108MA01XK2Q8X' },
    });
    fireEvent.change(within(dialog).getByLabelText('联系电话'), { target: { value: '12345' } });
    fireEvent.change(within(dialog).getByLabelText('电子邮箱'), { target: { value: 'wang@' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '添加回避企业' }));
    fireEvent.change(within(dialog).getByLabelText('统一社会信用代码'), {
      target: { value: '1234' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '新增并开通账号' }));

    expect(await within(dialog).findByText('请填写专家姓名')).toBeTruthy();
    expect(within(dialog).getByText(/统一社会信用代码校验位错误/)).toBeTruthy();
    expect(within(dialog).getByText('统一社会信用代码应为18位，当前为4位')).toBeTruthy();
    expect(
      within(dialog).getByText('请填写11位手机号或带区号的固定电话，如 010-68208206'),
    ).toBeTruthy();
    expect(within(dialog).getByText('电子邮箱格式不正确')).toBeTruthy();
    expect(within(dialog).getByText('请选择所在地区')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('sends a good form and shows the one-time password', async () => {
    const created = expert({ id: '00000000-0000-4000-8000-000000000e09', name: '赵云' });
    const { calls } = renderWithApp(<ExpertsPage />, {
      ...reference,
      'GET /experts': { items: experts, total: 2 },
      'POST /experts': { expert: created, login: 'zj00000009', oneTimePassword: 'Ab3dEf6hJk9m' },
    });
    await screen.findByText('王建国');
    fireEvent.click(screen.getByRole('button', { name: /新增专家/ }));
    const dialog = await screen.findByRole('dialog');
    const type = (label: string, value: string) =>
      fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });
    type('姓名', ' 赵云 ');
    type('工作单位', '北京航空航天大学');
    type('工作单位统一社会信用代码', '12100000400000624d');
    type('电子邮箱', 'Zhao@Example.com');
    fireEvent.mouseDown(within(dialog).getByLabelText('所在地区'));
    fireEvent.mouseEnter((await screen.findAllByTitle('北京市'))[0]!);
    fireEvent.click((await screen.findAllByTitle('北京市')).at(-1)!);
    fireEvent.click(within(dialog).getByRole('button', { name: '添加回避企业' }));
    type('企业名称', '示例装备股份有限公司');
    fireEvent.click(within(dialog).getByRole('button', { name: '新增并开通账号' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      name: '赵云',
      employerName: '北京航空航天大学',
      employerUscc: '12100000400000624D',
      title: '',
      regionCode: '110100',
      email: 'zhao@example.com',
      categories: [],
      industries: [],
      focusAreas: [],
      conflictEnterprises: [{ name: '示例装备股份有限公司' }],
      conflictUnitIds: [],
    });
    expect((await screen.findByTestId('one-time-password')).textContent).toContain('Ab3dEf6hJk9m');
  });
});

describe('编辑', () => {
  it('fills the form from getExpert and sends every field with the change', async () => {
    const one = experts[0]!;
    const { calls } = renderWithApp(<ExpertsPage />, {
      ...reference,
      'GET /experts': { items: experts, total: 2 },
      [`GET /experts/${one.id}`]: one,
      [`PATCH /experts/${one.id}`]: { ...one, title: '研究员' },
    });
    const row = (await screen.findByText('王建国')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: /编\s*辑/ }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() =>
      expect((within(dialog).getByLabelText('姓名') as HTMLInputElement).value).toBe('王建国'),
    );
    expect((within(dialog).getByLabelText('企业名称') as HTMLInputElement).value).toBe(
      '示例装备股份有限公司',
    );
    fireEvent.change(within(dialog).getByLabelText('职称职务'), { target: { value: '研究员' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({
      name: '王建国',
      employerName: '北京航空航天大学',
      employerUscc: '12100000400000624D',
      title: '研究员',
      regionCode: '110100',
      phone: '13800000001',
      email: 'wang@example.com',
      categories: ['basic_common'],
      industries: ['3451'],
      focusAreas: ['核心基础零部件'],
      conflictEnterprises: [{ name: '示例装备股份有限公司' }],
      conflictUnitIds: [UNIT],
    });
    expect(await screen.findByText('已保存 王建国 的信息')).toBeTruthy();
  });
});

/** fetch for the import: the page's reads, and one answer for the upload. */
function stubImport(answer: [number, unknown]) {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  const routes: Record<string, unknown> = {
    ...reference,
    'GET /experts': { items: experts, total: 2 },
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const path = url.split('?')[0]!.replace('/api/v1', '');
      calls.push({ method, path, body: init?.body });
      if (method === 'POST' && path === '/experts/import')
        return new Response(JSON.stringify(answer[1]), { status: answer[0] });
      return new Response(JSON.stringify(routes[`${method} ${path}`] ?? {}), { status: 200 });
    }),
  );
  return calls;
}

async function openImportAndUpload(name: string) {
  await screen.findByText('王建国');
  fireEvent.click(screen.getByRole('button', { name: /导入专家/ }));
  const dialog = await screen.findByRole('dialog');
  expect(
    within(dialog)
      .getByRole('link', { name: /下载导入模板/ })
      .getAttribute('href'),
  ).toBe('/api/v1/experts/import-template.xlsx');
  const input = dialog.querySelector('input[type=file]') as HTMLInputElement;
  const file = new File(['x'], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  fireEvent.change(input, { target: { files: [file] } });
  return dialog;
}

describe('导入专家', () => {
  it('a refused file: every problem by row and column, and nothing written', async () => {
    renderPage();
    const calls = stubImport([
      422,
      {
        error: {
          code: 'IMPORT_REJECTED',
          message: '导入文件中有2行不符合要求，全部未导入；请按逐行说明修改后重新导入',
          messageEn: 'Some rows are invalid; nothing was imported',
          details: {
            total: 6,
            problems: [
              { row: 3, column: '* 所在地区', message: '所在地区“火星”不在行政区划中' },
              { row: 3, column: '所属行业', message: '行业代码 99999 不在国民经济行业分类中' },
              { row: 4, column: '* 电子邮箱', message: '电子邮箱与第2行相同' },
            ],
          },
        },
      },
    ]);
    const dialog = await openImportAndUpload('专家.xlsx');
    const table = await within(dialog).findByTestId('expert-import-problems');
    for (const h of ['行号', '列', '问题']) expect(within(table).getByText(h)).toBeTruthy();
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) =>
          within(r)
            .getAllByRole('cell')
            .map((c) => c.textContent),
        ),
    ).toEqual([
      ['3', '* 所在地区', '所在地区“火星”不在行政区划中'],
      ['3', '所属行业', '行业代码 99999 不在国民经济行业分类中'],
      ['4', '* 电子邮箱', '电子邮箱与第2行相同'],
    ]);
    const alert = within(dialog).getByTestId('expert-import-rejected');
    expect(alert.textContent).toContain('《专家.xlsx》未导入：没有写入任何专家');
    expect(alert.textContent).toContain('共 3 处问题，涉及 2 行（文件共 6 行数据）');
    expect(within(dialog).queryByTestId('expert-import-success')).toBeNull();
    const upload = calls.find((c) => c.method === 'POST')!;
    expect(upload.path).toBe('/experts/import');
    expect(((upload.body as FormData).get('file') as File).name).toBe('专家.xlsx');
    expect(within(dialog).getByRole('button', { name: /修改后重新上传/ })).toBeTruthy();
  });

  it('a taken file: the accounts with their one-time passwords, shown once', async () => {
    renderPage();
    const result: ExpertImportResult = {
      imported: 3,
      total: 3,
      accounts: [
        {
          row: 2,
          expertId: 'e1',
          name: '导入专家一',
          email: 'a@example.com',
          login: '13900000001',
          oneTimePassword: 'Pw1aaaaaaaaa',
        },
        {
          row: 3,
          expertId: 'e2',
          name: '导入专家二',
          email: 'b@example.com',
          login: 'zj12345678',
          oneTimePassword: 'Pw2bbbbbbbbb',
        },
        {
          row: 4,
          expertId: 'e3',
          name: '导入专家三',
          email: 'c@example.com',
          login: 'zj87654321',
          linkSentTo: 'c@example.com',
        },
      ],
    };
    const calls = stubImport([200, result]);
    const dialog = await openImportAndUpload('专家.xlsx');
    expect((await within(dialog).findByTestId('expert-import-success')).textContent).toContain(
      '已导入 3 位专家（专家.xlsx）',
    );
    expect(within(dialog).getByTestId('expert-import-once').textContent).toContain('只显示这一次');
    expect(
      within(dialog)
        .getAllByTestId('expert-one-time-password')
        .map((e) => e.textContent),
    ).toEqual(['Pw1aaaaaaaaa', 'Pw2bbbbbbbbb']);
    expect(within(dialog).getByText('已向 c@example.com 发送设置密码链接')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: /下载账号清单/ })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: /复制全部账号/ })).toBeTruthy();
    // the list is read again with the new experts
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'GET' && c.path === '/experts').length).toBe(1),
    );

    // closing asks first; afterwards the passwords are gone for good
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }));
    const confirm = (await screen.findAllByRole('dialog')).find((d) =>
      d.textContent?.includes('关闭后无法再次查看这些一次性密码'),
    )!;
    fireEvent.click(within(confirm).getByRole('button', { name: '已保存，关闭' }));
    // opened again: the upload, not the passwords
    fireEvent.click(screen.getByRole('button', { name: /导入专家/ }));
    await waitFor(() => expect(screen.queryByTestId('expert-import-accounts')).toBeNull());
    expect(screen.getByRole('button', { name: /选择文件并导入/ })).toBeTruthy();
    expect(screen.queryByText('Pw1aaaaaaaaa')).toBeNull();
    expect(screen.queryByText('Pw2bbbbbbbbb')).toBeNull();
  });
});
