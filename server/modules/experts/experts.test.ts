// 专家库 (issue 13): experts added one by one or imported (all or nothing, a row-by-row report),
// each with an expert account; edited, deactivated, listed with filters; the organizers' alone.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXPERT_IMPORT_COLUMNS } from '../../../domain/experts';
import { ExcelJS } from '../../lib/xlsx';
import {
  Client,
  countRows,
  createTestApp,
  DEMO_ENTERPRISE_USCC,
  makeUscc,
  query,
  signedIn,
  type TestApp,
} from '../../../test/harness';
import {
  addedExpert,
  expertBody,
  expertClient,
  expertXlsx,
  importExperts,
} from '../../../test/fixtures/review-assignments';
import { csvOf } from '../../../test/fixtures/award-imports';
import { makePng } from '../../../test/fixtures/files';

let t: TestApp;
let org: Client;
beforeAll(async () => {
  t = await createTestApp();
  org = await signedIn(t.app, 'organizer');
});
afterAll(() => t.close());

describe('an expert added by hand', () => {
  test('gets an expert account: login = the mobile number, a one-time password shown once, audited', async () => {
    const res = await org.post(
      '/api/v1/experts',
      expertBody(9101, {
        employerUscc: makeUscc(9151, '12100000MA'),
        conflictEnterprises: [{ name: '某某智能装备有限公司' }, { uscc: makeUscc(9152) }],
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      login: '13900009101',
      oneTimePassword: expect.stringMatching(/^[A-Za-z0-9]{12}$/),
      expert: {
        name: '专家9101',
        employerName: '华东工程研究院第9101研究所',
        regionCode: '440300',
        regionName: '深圳市',
        categories: ['basic_common'],
        industries: ['34'],
        active: true,
        accountStatus: 'active',
        conflictEnterprises: [{ name: '某某智能装备有限公司' }, { uscc: makeUscc(9152) }],
      },
    });
    const [user] = await query<{ role: string; email: string; must_change_password: boolean }>(
      t,
      `select role::text, email, must_change_password from users where id = '${res.body.expert.userId}'`,
    );
    expect(user).toEqual({
      role: 'expert',
      email: 'expert9101@test.zhengxuan.invalid',
      must_change_password: true,
    });
    // the expert signs in with the login or the e-mail
    const c = await expertClient(t, {
      id: res.body.expert.id,
      login: res.body.login,
      password: res.body.oneTimePassword,
      userId: res.body.expert.userId,
    });
    expect((await c.get('/api/v1/me')).body.user.role).toBe('expert');
    const audit = await query<{ action: string }>(
      t,
      `select action from audit_log where target_id in ('${res.body.expert.id}', '${res.body.expert.userId}')
         and action like '%.create' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['user.create', 'expert.create']);
  });

  test('without a mobile number (or with one an account holds) the login is generated', async () => {
    const none = await org.post('/api/v1/experts', expertBody(9102, { phone: '' }));
    expect(none.status, JSON.stringify(none.body)).toBe(201);
    expect(none.body.login).toMatch(/^zj\d{8}$/);
    const taken = await org.post(
      '/api/v1/experts',
      expertBody(9103, { phone: '13900009101' }), // 9101's login
    );
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    expect(taken.body.login).toMatch(/^zj\d{8}$/);
  });

  test('what it names must exist: region, industries, categories, focus areas, units; codes well-formed', async () => {
    const before = await countRows(t, 'experts');
    const bad = await org.post(
      '/api/v1/experts',
      expertBody(9104, {
        regionCode: '999999',
        industries: ['34', '9999'],
        categories: ['no_such_category'],
        focusAreas: ['不存在的领域'],
        conflictUnitIds: ['00000000-0000-4000-8000-000000000000'],
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'regionCode',
      'categories.0',
      'industries.1',
      'focusAreas.0',
      'conflictUnitIds.0',
    ]);
    const code = await org.post(
      '/api/v1/experts',
      expertBody(9104, { employerUscc: '91110108MA01XK2Q8X' }),
    );
    expect(code.status).toBe(400);
    expect(code.body.error.details[0].path).toBe('employerUscc');
    const email = await org.post(
      '/api/v1/experts',
      expertBody(9104, { email: 'expert9101@test.zhengxuan.invalid' }),
    );
    expect(email.status).toBe(409);
    expect(email.body.error.code).toBe('EMAIL_TAKEN');
    expect(await countRows(t, 'experts')).toBe(before);
  });

  test('edited (the account follows its name and e-mail), deactivated and found by the filters', async () => {
    const e = await addedExpert(org, 9105, {
      categories: ['secure_reliable'],
      industries: ['3451'],
      regionCode: '110100',
    });
    const edited = await org.patch(`/api/v1/experts/${e.id}`, {
      name: '专家九一零五',
      email: 'expert9105-new@test.zhengxuan.invalid',
      title: '教授级高工',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ name: '专家九一零五', title: '教授级高工' });
    const [user] = await query<{ name: string; email: string }>(
      t,
      `select name, email from users where id = '${e.userId}'`,
    );
    expect(user).toEqual({ name: '专家九一零五', email: 'expert9105-new@test.zhengxuan.invalid' });

    const find = async (q: string) =>
      ((await org.get(`/api/v1/experts?${q}&pageSize=200`)).body.items as { id: string }[]).map(
        (x) => x.id,
      );
    expect(await find('category=secure_reliable')).toEqual([e.id]);
    expect(await find('industry=34')).toContain(e.id); // 3451 is in 34
    expect(await find('region=110000')).toEqual([e.id]); // the city is in the province
    expect(await find(`q=${encodeURIComponent('九一零五')}`)).toEqual([e.id]);
    expect(await find(`q=${encodeURIComponent('第9105研究所')}`)).toEqual([e.id]);

    const off = await org.patch(`/api/v1/experts/${e.id}`, { active: false });
    expect(off.body.active).toBe(false);
    expect(await find('active=true')).not.toContain(e.id);
    expect(await find('active=false')).toEqual([e.id]);
    const [audit] = await query<{ action: string }>(
      t,
      `select action from audit_log where target_id = '${e.id}' order by id desc limit 1`,
    );
    expect(audit!.action).toBe('expert.deactivate');
    const page = await org.get('/api/v1/experts?pageSize=2&page=1');
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(4);
  });
});

describe('importing experts', () => {
  const good = (n: number) => ({
    name: `导入专家${n}`,
    employerName: `江南大学第${n}学院`,
    employerUscc: '',
    title: '教授',
    region: n % 2 ? '上海市' : '320500',
    categories: '基础共性工业APP、secure_reliable',
    industries: 'C3451、34',
    focusAreas: '核心基础零部件',
    conflictEnterprises: `示例装备股份有限公司（${makeUscc(n + 50)}）；另一家企业有限公司`,
    conflictUnits: '北京市；上海市',
    phone: `137${String(n).padStart(8, '0')}`,
    email: `import${n}@test.zhengxuan.invalid`,
  });

  test('a good file: every row an expert with an account, the references resolved', async () => {
    const res = await importExperts(org, await expertXlsx([good(9110), good(9111), good(9112)]));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ imported: 3, total: 3 });
    expect(res.body.accounts.map((a: { row: number; login: string }) => [a.row, a.login])).toEqual([
      [2, '13700009110'],
      [3, '13700009111'],
      [4, '13700009112'],
    ]);
    expect(res.body.accounts[0].oneTimePassword).toMatch(/^[A-Za-z0-9]{12}$/);
    const one = await org.get(`/api/v1/experts/${res.body.accounts[1].expertId}`);
    const units = (await org.get('/api/v1/recommender-units')).body.items as {
      id: string;
      name: string;
    }[];
    expect(one.body).toMatchObject({
      name: '导入专家9111',
      regionCode: '310100', // 上海市: the city (the province has the same name)
      categories: ['basic_common', 'secure_reliable'],
      industries: ['3451', '34'],
      focusAreas: ['核心基础零部件'],
      employerUscc: null,
      conflictEnterprises: [
        { name: '示例装备股份有限公司', uscc: makeUscc(9161) },
        { name: '另一家企业有限公司' },
      ],
      conflictUnitIds: ['北京市', '上海市'].map((n) => units.find((u) => u.name === n)!.id),
    });
    const [audit] = await query<{ summary: { after: Record<string, unknown> } }>(
      t,
      `select summary from audit_log where action = 'expert.import' order by id desc limit 1`,
    );
    expect(audit!.summary.after).toMatchObject({ imported: 3, filename: '专家.xlsx' });
  });

  test('a file with bad rows: nothing written, each bad row and column named', async () => {
    const experts = await countRows(t, 'experts');
    const users = await countRows(t, 'users');
    const res = await importExperts(
      org,
      await expertXlsx([
        good(9120),
        { ...good(9121), region: '火星', industries: '34、99999' },
        { ...good(9122), email: 'import9120@test.zhengxuan.invalid' }, // the same as row 2's
        { ...good(9123), email: 'import9110@test.zhengxuan.invalid' }, // an account holds it
        { ...good(9124), name: '', categories: '不存在的类别', conflictUnits: '火星市' },
        { ...good(9125), employerUscc: '91110108MA01XK2Q8X', phone: '12345' },
      ]),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_REJECTED');
    const problems = res.body.error.details.problems as {
      row: number;
      column: string;
      message: string;
    }[];
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [3, '* 所在地区'],
      [3, '所属行业'],
      [4, '* 电子邮箱'],
      [5, '* 电子邮箱'],
      [6, '* 姓名'],
      [6, '申报类别'],
      [6, '回避推荐单位'],
      [7, '单位统一社会信用代码'],
      [7, '联系电话'],
    ]);
    expect(problems.find((p) => p.row === 4)!.message).toContain('与第2行相同');
    expect(problems.find((p) => p.row === 5)!.message).toContain('已被平台中的其他账号使用');
    expect(res.body.error.details.total).toBe(6);
    expect(await countRows(t, 'experts')).toBe(experts);
    expect(await countRows(t, 'users')).toBe(users);
  });

  test('a header missing a required column, an empty file, a Word file: refused with a reason', async () => {
    const header = await importExperts(
      org,
      csvOf([
        ['姓名', '工作单位'],
        ['张三', '某大学'],
      ]),
      '专家.csv',
    );
    expect(header.status).toBe(422);
    expect(header.body.error.details.problems.map((p: { column: string }) => p.column)).toEqual([
      '所在地区',
      '电子邮箱',
    ]);
    const empty = await importExperts(org, await expertXlsx([]));
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('没有专家');
    const png = await importExperts(org, makePng(), 'x.xlsx');
    expect(png.status).toBe(400);
    expect(png.body.error.code).toBe('FILE_REJECTED');
  });

  test('the template: the header in Chinese, with the notes and the known categories', async () => {
    const res = await org.get('/api/v1/experts/import-template.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]!.getRow(1).values as string[]).slice(1);
    expect(header).toEqual(EXPERT_IMPORT_COLUMNS.map((c) => (c.required ? `* ${c.zh}` : c.zh)));
    const notes = wb.worksheets[1]!;
    const text = notes.getSheetValues().flat().join(' ');
    expect(text).toContain('基础共性工业APP');
    expect(text).toContain('核心基础零部件');
    // the template imports as it is once filled in
    const filled = await expertXlsx([good(9130)]);
    expect((await importExperts(org, filled)).status).toBe(200);
  });
});

test('nobody but an organizer reads or changes the pool', async () => {
  const e = await addedExpert(org, 9140);
  const callers = [
    await signedIn(t.app, DEMO_ENTERPRISE_USCC),
    await signedIn(t.app, 'beijing'),
    await expertClient(t, e),
  ];
  for (const c of callers) {
    const calls = [
      c.get('/api/v1/experts'),
      c.get(`/api/v1/experts/${e.id}`),
      c.post('/api/v1/experts', expertBody(9141)),
      c.patch(`/api/v1/experts/${e.id}`, { active: false }),
      c.get('/api/v1/experts/import-template.xlsx'),
      importExperts(c, await expertXlsx([])),
    ];
    for (const res of await Promise.all(calls)) expect(res.status).toBe(403);
  }
  expect((await new Client(t.app).get('/api/v1/experts')).status).toBe(401);
});
