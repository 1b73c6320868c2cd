import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
};
type Industry = {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  section: string;
};

describe('regions (GB/T 2260)', () => {
  test('31 provinces; 北京市 has the city 110100; cacheable', async () => {
    const res = await get('/api/v1/regions');
    expect(res.status).toBe(200);
    const items = res.body.items as {
      code: string;
      name: string;
      level: number;
      parentCode: string | null;
    }[];
    expect(items.filter((r) => r.level === 1)).toHaveLength(31);
    expect(items.find((r) => r.code === '110000')).toMatchObject({
      name: '北京市',
      level: 1,
      parentCode: null,
    });
    expect(items.filter((r) => r.parentCode === '110000').map((r) => r.code)).toEqual(['110100']);
    expect(items.find((r) => r.code === '330200')).toMatchObject({
      name: '宁波市',
      parentCode: '330000',
    });
    expect(res.headers['cache-control']).toContain('max-age');
  });
});

describe('industries (GB/T 4754-2017)', () => {
  test('by name: 软件 finds 软件开发 (651) and its classes', async () => {
    const { items } = (await get(`/api/v1/industries?q=${encodeURIComponent('软件')}`)).body as {
      items: Industry[];
    };
    const codes = items.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['65', '651', '6511', '6512', '6513']));
    expect(items.find((i) => i.code === '651')).toMatchObject({
      name: '软件开发',
      level: 3,
      parentCode: '65',
      section: 'I',
    });
    expect(items.find((i) => i.code === '6513')).toMatchObject({
      name: '应用软件开发',
      level: 4,
      parentCode: '651',
    });
    // shorter (higher) codes first
    expect(items.map((i) => i.level)).toEqual([...items.map((i) => i.level)].sort());
  });

  test('by code prefix: 13 gives 农副食品加工业 first, then its groups and classes', async () => {
    const { items } = (await get('/api/v1/industries?q=13')).body as { items: Industry[] };
    expect(items[0]).toMatchObject({ code: '13', name: '农副食品加工业', level: 2, section: 'C' });
    expect(items.every((i) => i.code.startsWith('13'))).toBe(true);
    expect(items.map((i) => i.code)).toContain('1311');
  });

  test('by code with its section letter, as forms write it: C13, c1311', async () => {
    const c13 = (await get('/api/v1/industries?q=C13')).body.items as Industry[];
    expect(c13[0]).toMatchObject({ code: '13', name: '农副食品加工业' });
    expect(c13.every((i) => i.section === 'C' && i.code.startsWith('13'))).toBe(true);
    const c1311 = (await get('/api/v1/industries?q=c1311')).body.items as Industry[];
    expect(c1311.map((i) => i.code)).toEqual(['1311']);
    // a letter that is not the code's section finds nothing
    expect((await get('/api/v1/industries?q=A13')).body.items).toEqual([]);
  });

  test('a section letter alone, and the level filter', async () => {
    const sections = (await get('/api/v1/industries?level=1&limit=200')).body.items as Industry[];
    expect(sections).toHaveLength(20);
    expect(sections[0]).toMatchObject({ code: 'A', name: '农、林、牧、渔业' });
    const i = (await get('/api/v1/industries?q=I&level=2')).body.items as Industry[];
    expect(i.map((x) => x.code)).toEqual(['63', '64', '65']);
    const classes = (await get(`/api/v1/industries?q=${encodeURIComponent('软件')}&level=4`)).body
      .items as Industry[];
    expect(classes.length).toBeGreaterThan(0);
    expect(classes.every((x) => x.level === 4)).toBe(true);
  });

  test('limit caps the answer; nothing found is an empty list', async () => {
    expect((await get('/api/v1/industries?limit=5')).body.items).toHaveLength(5);
    expect(
      (await get(`/api/v1/industries?q=${encodeURIComponent('不存在的行业名')}`)).body.items,
    ).toEqual([]);
    expect((await get('/api/v1/industries?limit=0')).status).toBe(400);
  });
});
