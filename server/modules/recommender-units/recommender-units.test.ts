import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, createTestApp, query, signedIn, type TestApp } from '../../../test/harness';

let t: TestApp;
let organizer: Client;
const anonymous = () => new Client(t.app);
beforeAll(async () => {
  t = await createTestApp();
  organizer = await signedIn(t.app, 'organizer');
});
afterAll(() => t.close());

interface Unit {
  id: string;
  name: string;
  type: string;
  quota: number;
  quotaOverride: number | null;
  accounts: number;
  active: boolean;
}
const list = async (c: Client, qs = '') =>
  (await c.get(`/api/v1/recommender-units${qs}`)).body.items as Unit[];
const byName = (units: Unit[], name: string) => units.find((u) => u.name === name);

describe('the recommending units', () => {
  test('37 regional units, 100 central enterprises and the seeded associations, public', async () => {
    const units = await list(anonymous());
    const count = (type: string) => units.filter((u) => u.type === type).length;
    expect(count('province')).toBe(31);
    expect(count('plan_separate_city')).toBe(5);
    expect(count('xpcc')).toBe(1);
    expect(count('central_enterprise')).toBe(100);
    expect(count('association')).toBe(8);
    expect(
      units
        .filter((u) => u.type === 'plan_separate_city')
        .map((u) => u.name)
        .sort(),
    ).toEqual(['厦门市', '大连市', '宁波市', '深圳市', '青岛市'].sort());
    expect(byName(units, '新疆生产建设兵团')?.type).toBe('xpcc');
  });

  test('quotas 10/5/5 come from the campaign; accounts are counted for organizers only', async () => {
    const units = await list(anonymous());
    for (const u of units) {
      expect(u.quota, u.name).toBe(
        u.type === 'central_enterprise' || u.type === 'association' ? 5 : 10,
      );
    }
    expect(byName(units, '北京市')?.accounts).toBeUndefined();
    const seenByOrganizer = await list(organizer);
    expect(byName(seenByOrganizer, '北京市')?.accounts).toBe(1);
    expect(byName(seenByOrganizer, '中国航天科工集团有限公司')?.accounts).toBe(1);
  });

  test('filters by type and name', async () => {
    const central = await list(
      anonymous(),
      '?type=central_enterprise&q=' + encodeURIComponent('航天'),
    );
    expect(central.map((u) => u.name).sort()).toEqual(
      ['中国航天科技集团有限公司', '中国航天科工集团有限公司'].sort(),
    );
    expect((await anonymous().get('/api/v1/recommender-units?type=city')).status).toBe(400);
  });

  test('an individual quota wins over the campaign’s, and can be removed again', async () => {
    const tianjin = byName(await list(anonymous()), '天津市')!;
    const res = await organizer.patch(`/api/v1/recommender-units/${tianjin.id}`, {
      quotaOverride: 12,
    });
    expect(res.status).toBe(200);
    expect(byName(await list(anonymous()), '天津市')).toMatchObject({
      quotaOverride: 12,
      quota: 12,
    });
    await organizer.patch(`/api/v1/recommender-units/${tianjin.id}`, { quotaOverride: null });
    expect(byName(await list(anonymous()), '天津市')).toMatchObject({
      quotaOverride: null,
      quota: 10,
    });
    const [row] = await query<{ summary: any; actor_label: string }>(
      t,
      `select * from audit_log where action = 'recommender_unit.update' and target_id = '${tianjin.id}' order by id limit 1`,
    );
    expect(row).toMatchObject({
      actor_label: 'organizer',
      summary: { before: { quotaOverride: null }, after: { quotaOverride: 12 } },
    });
  });

  test('an organizer adds an association; the same name again → 409', async () => {
    const res = await organizer.post('/api/v1/recommender-units', {
      name: '中国工业互联网产业联盟',
      type: 'association',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'association', active: true, quotaOverride: null });
    expect(byName(await list(anonymous()), '中国工业互联网产业联盟')).toMatchObject({ quota: 5 });
    const [row] = await query<{ action: string; summary: any }>(
      t,
      `select * from audit_log where target_id = '${res.body.id}'`,
    );
    expect(row).toMatchObject({
      action: 'recommender_unit.create',
      summary: { after: { name: '中国工业互联网产业联盟' } },
    });

    const again = await organizer.post('/api/v1/recommender-units', {
      name: '中国工业互联网产业联盟',
      type: 'association',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('UNIT_NAME_TAKEN');
    const rename = await organizer.patch(`/api/v1/recommender-units/${res.body.id}`, {
      name: '北京市',
    });
    expect(rename.status).toBe(409);
    expect(rename.body.error.code).toBe('UNIT_NAME_TAKEN');
  });

  test('a disabled unit disappears from the public list; organizers still see it on request', async () => {
    const created = await organizer.post('/api/v1/recommender-units', {
      name: '待停用的行业协会',
      type: 'association',
    });
    const id = created.body.id;
    const res = await organizer.patch(`/api/v1/recommender-units/${id}`, { active: false });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect(byName(await list(anonymous()), '待停用的行业协会')).toBeUndefined();
    expect(byName(await list(organizer), '待停用的行业协会')).toBeUndefined();
    expect(
      byName(await list(organizer, '?includeInactive=true'), '待停用的行业协会'),
    ).toMatchObject({
      active: false,
    });
    // only organizers may ask for the disabled ones
    expect((await anonymous().get('/api/v1/recommender-units?includeInactive=true')).status).toBe(
      401,
    );
    const beijing = await signedIn(t.app, 'beijing');
    expect((await beijing.get('/api/v1/recommender-units?includeInactive=true')).status).toBe(403);

    const [row] = await query<{ action: string; summary: any }>(
      t,
      `select * from audit_log where target_id = '${id}' and action = 'recommender_unit.disable'`,
    );
    expect(row!.summary).toEqual({ before: { active: true }, after: { active: false } });
    // and back
    await organizer.patch(`/api/v1/recommender-units/${id}`, { active: true });
    expect(byName(await list(anonymous()), '待停用的行业协会')).toBeDefined();
  });

  test('invalid input → 400; an unknown unit → 404', async () => {
    for (const body of [
      { name: 'x', type: 'association' },
      { name: '某协会', type: 'club' },
      { name: '某协会', type: 'association', quotaOverride: -1 },
      { name: '某协会', type: 'association', quotaOverride: 1.5 },
    ]) {
      expect((await organizer.post('/api/v1/recommender-units', body)).status).toBe(400);
    }
    expect(
      (
        await organizer.patch('/api/v1/recommender-units/00000000-0000-4000-8000-000000000000', {
          active: false,
        })
      ).status,
    ).toBe(404);
  });
});
