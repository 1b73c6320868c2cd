// 目录清单 (issue 15) through the API and the public pages: only the organizer publishes; a version
// is refused, with nothing written, for unknown, revoked or withdrawn solutions (naming them),
// duplicates, a bad or out-of-order date, no entries or an unknown evaluation round; versions
// count up, each frozen with the facts of its day, and the second's changes are exactly what moved;
// the public pages and open data show only published versions, with the same public ids as the
// published list, escaping what enterprises typed; an imported sheet comes back with row problems.
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type {
  CatalogueImport,
  CataloguePreview,
  CatalogueView,
} from '../../../domain/api/catalogue-versions';
import type { OpenDataFile } from '../../../domain/api/catalogue';
import { parseCsv } from '../../lib/csv';
import { csvOf, xlsxOf } from '../../../test/fixtures/award-imports';
import { postFile } from '../../../test/fixtures/applications';
import { publishedWorld, type PublishedList } from '../../../test/fixtures/published';
import {
  Client,
  createTestApp,
  DEMO_ENTERPRISE_USCC,
  query,
  signedIn,
  type TestApp,
} from '../../../test/harness';

let t: TestApp;
let anon: Client;
let org: Client;
let others: Client[];
/** 12 solutions, 2 revoked; one more is withdrawn below */
let a: PublishedList;
/** names with markup and a formula */
let esc: PublishedList;
let withdrawnId: string;
let valid: string[];

const NASTY_SOLUTION = '<script>alert("方案")</script>智能排产APP';
const NASTY_ENTERPRISE = '<img src=x onerror=alert(1)>测试有限公司';
const FORMULA_ENTERPRISE = '=HYPERLINK("http://evil.example","点击")科技有限公司';

const V1 = {
  title: '工业互联网APP优秀解决方案目录清单（2026年版）',
  documentNo: '工信厅信发函〔2026〕200号',
  publishedOn: '2026-10-20',
};
const V2 = {
  title: '工业互联网APP优秀解决方案目录清单（2026年第二版）',
  documentNo: '工信厅信发函〔2026〕260号',
  publishedOn: '2026-11-01',
};

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 1000 } });
  anon = new Client(t.app);
  org = await signedIn(t.app, 'organizer');
  others = await Promise.all(
    [DEMO_ENTERPRISE_USCC, 'beijing', 'expert'].map((login) => signedIn(t.app, login)),
  );
  a = await publishedWorld(t, 12, { year: 2024, publishedOn: '2024-12-01', revoked: 2 });
  esc = await publishedWorld(t, 2, {
    year: 2022,
    publishedOn: '2022-12-01',
    revoked: 0,
    solutionNames: [NASTY_SOLUTION],
    enterpriseNames: [NASTY_ENTERPRISE, FORMULA_ENTERPRISE],
  });
  valid = a.publicIds.filter((id) => !a.revokedIds.includes(id));
  withdrawnId = valid.pop()!;
  await query(
    t,
    `update published_solutions set status = 'withdrawn' where public_id = '${withdrawnId}'`,
  );
});
afterAll(() => t?.close());

const versionsWritten = async () =>
  (
    await query<{ n: number }>(
      t,
      `select (select count(*)::int from catalogue_versions) +
              (select count(*)::int from audit_log where action = 'catalogue.publish') as n`,
    )
  )[0]!.n;

const publish = (c: Client, body: Record<string, unknown>) =>
  c.post('/api/v1/catalogue/versions', body);

/** v1: A类 = valid 0–2, B类 = valid 3–5 and the escaping world's two, C类 = valid 6–7 */
const v1Entries = () => [
  ...valid.slice(0, 3).map((publicId) => ({ publicId, band: 'A类' })),
  ...valid.slice(3, 6).map((publicId) => ({ publicId, band: 'B类' })),
  ...esc.publicIds.map((publicId) => ({ publicId, band: 'B类' })),
  ...valid.slice(6, 8).map((publicId) => ({ publicId, band: 'C类' })),
];

describe('before any version', () => {
  test('the API and the open data answer 404; the page says so', async () => {
    const res = await anon.get('/api/v1/catalogue');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('目录清单尚未发布');
    expect((await anon.get('/api/v1/catalogue/versions')).body).toEqual({ items: [] });
    // the page exists (the list's pages link it) and says so
    const page = await anon.get('/catalogue');
    expect(page.status).toBe(200);
    expect(page.raw.body).toContain('目录清单尚未发布');
    expect((await anon.get('/catalogue/v/1')).status).toBe(404);
    expect((await anon.get('/open-data/catalogue.json')).status).toBe(404);
    expect((await anon.get('/open-data/catalogue.csv')).status).toBe(404);
  });
});

describe('publishCatalogue refused, nothing written', () => {
  test('anyone but the organizer', async () => {
    const body = { ...V1, entries: v1Entries() };
    expect((await publish(anon, body)).status).toBe(401);
    for (const c of others) {
      expect((await publish(c, body)).status).toBe(403);
      expect((await c.post('/api/v1/catalogue/preview', { entries: body.entries })).status).toBe(
        403,
      );
      expect(
        (await postFile(c, '/api/v1/catalogue/import', 'a.csv', csvOf([['公开编号', '等级']])))
          .status,
      ).toBe(403);
    }
    expect(await versionsWritten()).toBe(0);
  });

  test('unknown ids, named', async () => {
    const res = await publish(org, {
      ...V1,
      entries: [
        ...v1Entries(),
        { publicId: '1999-IIAPP-001', band: 'A类' },
        { publicId: '2024-IIAPP-999', band: 'C类' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toBe(
      '以下公开编号不在已发布的优秀解决方案名单中：1999-IIAPP-001、2024-IIAPP-999',
    );
    expect(res.body.error.details).toEqual([
      { path: 'entries.10.publicId', message: '不在已发布的名单中' },
      { path: 'entries.11.publicId', message: '不在已发布的名单中' },
    ]);
    expect(await versionsWritten()).toBe(0);
  });

  test('revoked and withdrawn solutions, named with their status', async () => {
    const [r1, r2] = a.revokedIds;
    const res = await publish(org, {
      ...V1,
      entries: [
        { publicId: r1, band: 'A类' },
        ...v1Entries(),
        { publicId: withdrawnId, band: 'B类' },
        { publicId: r2, band: 'C类' },
      ],
    });
    expect(res.status).toBe(400);
    // in the order given
    expect(res.body.error.message).toBe(
      `以下解决方案已撤销或已退出，不能列入目录清单：${r1}（已撤销）、${withdrawnId}（已退出）、${r2}（已撤销）`,
    );
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(
      ['entries.0.publicId', 'entries.11.publicId', 'entries.12.publicId'].sort(),
    );
    expect(await versionsWritten()).toBe(0);
  });

  test('the same solution twice, even in another band or spelled in lower case', async () => {
    const res = await publish(org, {
      ...V1,
      entries: [...v1Entries(), { publicId: valid[1]!.toLowerCase(), band: 'C类' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(`公开编号重复：${valid[1]}，每项解决方案只能列入一次`);
    expect(await versionsWritten()).toBe(0);
  });

  test('a bad date, a day after today, no entries, no 文号, an unknown evaluation round', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ publishedOn: '2026-02-30' }, 400, '填写的内容有误，请按提示修改'],
      [{ publishedOn: '2026-11-02' }, 400, '发布日期不能晚于今天'],
      [{ entries: [] }, 400, '填写的内容有误，请按提示修改'],
      [{ documentNo: '' }, 400, '填写的内容有误，请按提示修改'],
      [{ evaluationRoundId: '00000000-0000-4000-8000-000000000000' }, 404, '评价轮次不存在'],
    ];
    for (const [over, status, message] of cases) {
      const res = await publish(org, { ...V1, entries: v1Entries(), ...over });
      expect(res.status, JSON.stringify(over)).toBe(status);
      expect(res.body.error.message).toBe(message);
    }
    const empty = await publish(org, { ...V1, entries: [] });
    expect(empty.body.error.details).toContainEqual({
      path: 'entries',
      message: '目录清单至少要列入一项解决方案',
    });
    expect(await versionsWritten()).toBe(0);
  });
});

describe('versions', () => {
  let v1: CatalogueView;
  let v2: CatalogueView;

  test('the first version: numbered 1, grouped by band then category, facts copied, audited', async () => {
    const res = await publish(org, { ...V1, entries: v1Entries() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    v1 = res.body;
    expect(v1).toMatchObject({ version: 1, ...V1, count: 10, evaluationRoundId: null });
    expect(v1.url).toBe('http://localhost:3000/catalogue/v/1');
    expect(v1.bands.map((b) => [b.band, b.count])).toEqual([
      ['A类', 3],
      ['B类', 5],
      ['C类', 2],
    ]);
    for (const b of v1.bands) {
      const codes = b.categories.map((c) => c.category);
      expect(codes).toEqual([...codes].sort((x, y) => x.localeCompare(y, 'en', { numeric: true })));
    }
    const facts = await query<Record<string, string>>(
      t,
      `select public_id, solution_name, enterprise_name, category, category_name, region_name
         from published_solutions where public_id = '${valid[0]}'`,
    );
    const entry = v1.bands[0]!.categories.flatMap((c) => c.entries).find(
      (e) => e.publicId === valid[0],
    );
    expect(entry).toEqual({
      publicId: valid[0],
      band: 'A类',
      category: facts[0]!.category,
      categoryName: facts[0]!.category_name,
      solutionName: facts[0]!.solution_name,
      enterpriseName: facts[0]!.enterprise_name,
      regionName: facts[0]!.region_name,
      score: null,
    });
    expect(v1.changes.previousVersion).toBeNull();
    expect(v1.changes.added).toHaveLength(10);
    const audit = await query<{ target_id: string; actor_role: string }>(
      t,
      `select target_id, actor_role from audit_log where action = 'catalogue.publish'`,
    );
    expect(audit).toEqual([{ target_id: '1', actor_role: 'organizer' }]);
  });

  test('a date before the last version is refused', async () => {
    const res = await publish(org, { ...V2, publishedOn: '2026-10-19', entries: v1Entries() });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('发布日期不能早于上一版本（第1版）的发布日期2026-10-20');
    expect(await versionsWritten()).toBe(2);
  });

  // v2: valid[0] removed; valid[1] A→B; valid[3] B→A; valid[8] added to C类; esc[0] B→C
  const v2Entries = () => [
    { publicId: valid[3]!, band: 'A类' },
    { publicId: valid[2]!, band: 'A类' },
    { publicId: valid[1]!, band: 'B类' },
    ...valid.slice(4, 6).map((publicId) => ({ publicId, band: 'B类' })),
    { publicId: esc.publicIds[1]!, band: 'B类' },
    { publicId: esc.publicIds[0]!, band: 'C类' },
    ...valid.slice(6, 9).map((publicId) => ({ publicId, band: 'C类' })),
  ];

  test('the preview shows the second version and its changes before publishing, writing nothing', async () => {
    const res = await org.post('/api/v1/catalogue/preview', { entries: v2Entries() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const p = res.body as CataloguePreview;
    expect(p.problems).toEqual([]);
    expect(p.rowProblems).toEqual([]);
    expect(p.version).toBe(2);
    expect(p.entries.map((e) => e.publicId)).toEqual(v2Entries().map((e) => e.publicId));
    expect(p.changes.added.map((e) => e.publicId)).toEqual([valid[8]]);
    const bad = await org.post('/api/v1/catalogue/preview', {
      entries: [
        { publicId: a.revokedIds[0], band: 'A类' },
        { publicId: '1999-IIAPP-001', band: 'A类' },
      ],
    });
    expect(bad.body.problems).toEqual([
      '以下公开编号不在已发布的优秀解决方案名单中：1999-IIAPP-001',
      `以下解决方案已撤销或已退出，不能列入目录清单：${a.revokedIds[0]}（已撤销）`,
    ]);
    expect(bad.body.rowProblems).toEqual([
      { publicId: '1999-IIAPP-001', message: '不在已发布的名单中' },
      { publicId: a.revokedIds[0], message: '已撤销' },
    ]);
    expect(await versionsWritten()).toBe(2);
  });

  test('the second version: numbered 2, its changes exactly, the first left as it was', async () => {
    // the published facts change after version 1: version 1 keeps the names of its day
    await query(
      t,
      `update published_solutions set solution_name = '改名后的方案' where public_id = '${valid[2]}'`,
    );
    const res = await publish(org, { ...V2, entries: v2Entries() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    v2 = res.body;
    expect(v2).toMatchObject({ version: 2, ...V2, count: 10 });
    expect(v2.changes.previousVersion).toBe(1);
    expect(v2.changes.added.map((e) => [e.publicId, e.band])).toEqual([[valid[8], 'C类']]);
    expect(v2.changes.removed.map((e) => [e.publicId, e.band])).toEqual([[valid[0], 'A类']]);
    expect(v2.changes.bandChanged.map((b) => [b.entry.publicId, b.from, b.to])).toEqual([
      [valid[3], 'B类', 'A类'],
      [valid[1], 'A类', 'B类'],
      [esc.publicIds[0], 'B类', 'C类'],
    ]);
    const names = (v: CatalogueView) =>
      new Map(
        v.bands
          .flatMap((b) => b.categories.flatMap((c) => c.entries))
          .map((e) => [e.publicId, e.solutionName]),
      );
    expect(names(v2).get(valid[2]!)).toBe('改名后的方案');

    const again = await anon.get('/api/v1/catalogue?version=1');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(v1);
    expect(names(again.body).get(valid[2]!)).not.toBe('改名后的方案');
    const latest = await anon.get('/api/v1/catalogue');
    expect(latest.body).toEqual(v2);
    expect(latest.headers['cache-control']).toBe('public, max-age=60');
    expect((await anon.get('/api/v1/catalogue?version=3')).status).toBe(404);
    expect((await anon.get('/api/v1/catalogue?version=0')).status).toBe(400);

    const list = await anon.get('/api/v1/catalogue/versions');
    expect(list.body.items).toEqual([
      { version: 2, ...V2, count: 10 },
      { version: 1, ...V1, count: 10 },
    ]);
  });

  test('the public pages: latest, one version, the 变更, the versions, escaped', async () => {
    const res = await anon.get('/catalogue');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const raw = res.raw.body;
    expect(raw).not.toContain('<script>alert');
    expect(raw).not.toContain('<img src=x');
    const doc = new JSDOM(raw).window.document;
    expect(doc.querySelector('h1')!.textContent).toBe(V2.title);
    expect(doc.querySelector('.meta')!.textContent).toContain(V2.documentNo);
    expect(doc.querySelector('.meta')!.textContent).toContain('2026年11月1日');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    const bandTitles = [...doc.querySelectorAll('section h2[id^="h-band"]')].map(
      (h) => h.textContent,
    );
    expect(bandTitles).toEqual(['A类（2项）', 'B类（4项）', 'C类（4项）']);
    const links = [...doc.querySelectorAll('section[aria-labelledby^="h-band"] td a')].map((x) =>
      x.getAttribute('href'),
    );
    expect(links.sort()).toEqual(
      v2Entries()
        .map((e) => `/solutions/${e.publicId}`)
        .sort(),
    );
    expect(doc.body.textContent).toContain(NASTY_SOLUTION);
    expect(doc.body.textContent).toContain(NASTY_ENTERPRISE);
    const changes = doc.querySelector('section[aria-labelledby="h-changes"]')!.textContent!;
    expect(changes).toContain('与第1版相比：新增 1 项，移出 1 项，等级调整 3 项');
    expect(changes).toContain(`${valid[1]}`);
    expect(changes).toMatch(/A类 → B类/);
    const versionRows = [
      ...doc.querySelectorAll('section[aria-labelledby="h-versions"] tbody tr'),
    ].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    expect(versionRows.map((r) => r.slice(0, 2))).toEqual([
      ['第2版', '2026-11-01'],
      ['第1版', '2026-10-20'],
    ]);
    expect(versionRows[1]![3]).toBe('首次发布，共 10 项');

    const one = await anon.get('/catalogue/v/1');
    expect(one.status).toBe(200);
    const d1 = new JSDOM(one.raw.body).window.document;
    expect(d1.querySelector('h1')!.textContent).toBe(V1.title);
    expect(d1.querySelector('.note')!.textContent).toContain('不是最新版本');
    expect(d1.querySelector('link[rel=canonical]')!.getAttribute('href')).toBe(
      'http://localhost:3000/catalogue/v/1',
    );
    expect(d1.querySelector('section[aria-labelledby="h-changes"]')!.textContent).toContain(
      '第1版为首次发布，共 10 项',
    );
    for (const bad of ['/catalogue/v/3', '/catalogue/v/abc', '/catalogue/v/0'])
      expect((await anon.get(bad)).status, bad).toBe(404);
  });

  test('the open data: the latest and each version, JSON and CSV the same, the list’s stable ids', async () => {
    const json = await anon.get('/open-data/catalogue.json');
    expect(json.status).toBe(200);
    expect(json.headers['cache-control']).toBe('public, max-age=300');
    expect(json.body).toMatchObject({ version: 2, ...V2, count: 10 });
    const solutions = (await anon.get('/api/v1/published-solutions.json')).body as OpenDataFile;
    const urlOf = new Map(solutions.items.map((s) => [s.publicId, s.url]));
    for (const item of json.body.items) expect(item.url).toBe(urlOf.get(item.publicId));
    expect(json.body.items.map((i: { band: string }) => i.band)).toEqual([
      'A类',
      'A类',
      ...Array(4).fill('B类'),
      ...Array(4).fill('C类'),
    ]);

    const csv = await anon.get('/open-data/catalogue.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = csv.raw.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows.map((r) => r.publicId)).toEqual(
      json.body.items.map((i: { publicId: string }) => i.publicId),
    );
    const formula = rows.find((r) => r.enterpriseName!.includes('HYPERLINK'))!;
    expect(formula.enterpriseName).toBe(`'${FORMULA_ENTERPRISE}`);
    expect(rows[0]).toMatchObject({ version: '2', documentNo: V2.documentNo, band: 'A类' });

    const v1json = await anon.get('/open-data/catalogue/v/1.json');
    expect(v1json.body).toMatchObject({ version: 1, documentNo: V1.documentNo, count: 10 });
    const v1csv = await anon.get('/open-data/catalogue/v/1.csv');
    expect(parseCsv(v1csv.raw.rawPayload.toString('utf8').slice(1)).map((r) => r.publicId)).toEqual(
      v1json.body.items.map((i: { publicId: string }) => i.publicId),
    );
    expect((await anon.get('/open-data/catalogue/v/3.json')).status).toBe(404);
    expect((await anon.get('/open-data/catalogue/v/1.xml')).status).toBe(404);
    // no USCC anywhere public
    const all = [json.raw.body, text, (await anon.get('/catalogue')).raw.body].join('\n');
    for (const uscc of [...a.usccs, ...esc.usccs]) expect(all).not.toContain(uscc);
  });
});

describe('importCatalogueEntries', () => {
  test('a CSV: the good rows, and each bad row with its problem', async () => {
    const file = csvOf([
      ['公开编号', '等级'],
      ['2024-iiapp-001', 'A类'],
      ['2024-IIAPP-002', ''],
      ['not-an-id', 'B类'],
      ['2024-IIAPP-001', 'C类'],
      ['', ''],
      ['2024-IIAPP-003', ' B类 '],
    ]);
    const res = await postFile(org, '/api/v1/catalogue/import', '目录.csv', file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const out = res.body as CatalogueImport;
    expect(out.entries).toEqual([
      { row: 2, publicId: '2024-IIAPP-001', band: 'A类' },
      { row: 7, publicId: '2024-IIAPP-003', band: 'B类' },
    ]);
    expect(out.problems).toEqual([
      { row: 3, column: '等级', message: '请填写等级（如 A类）' },
      { row: 4, column: '公开编号', message: '“NOT-AN-ID”不是公开编号，应如 2021-IIAPP-001' },
      { row: 5, column: '公开编号', message: '与第2行重复' },
    ]);
    expect(await versionsWritten()).toBe(4);
  });

  test('an XLSX with English headers; a sheet without the columns is refused', async () => {
    const xlsx = await xlsxOf([
      ['band', 'publicId'],
      ['A类', '2024-IIAPP-004'],
    ]);
    const res = await postFile(org, '/api/v1/catalogue/import', '目录.xlsx', xlsx);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      entries: [{ row: 2, publicId: '2024-IIAPP-004', band: 'A类' }],
      problems: [],
    });
    const bad = await postFile(
      org,
      '/api/v1/catalogue/import',
      'x.csv',
      csvOf([
        ['名称', '类别'],
        ['a', 'b'],
      ]),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('表格第一行应为列名：公开编号、等级（或 publicId、band）');
  });
});
