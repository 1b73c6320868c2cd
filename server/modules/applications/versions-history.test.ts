// A frozen version as submitted, and an application's history from the audit log, for whoever
// may see the application.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, createTestApp, signedIn, userIdOf, type TestApp } from '../../../test/harness';
import { recordAudit } from '../audit';
import { deskWorld, filed, newCampaign, type DeskWorld } from '../../../test/fixtures/desk';

let t: TestApp;
let w: DeskWorld;
let id: string;
let versions: { versionNo: number; verificationCode: string }[];

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
  w = await deskWorld(t, 7700);
  const c = await newCampaign(w.org);
  id = await filed(w.bjEnterprise, c.id, { uscc: w.bjUscc, name: '第一版名称' });
  await w.beijing.post(`/api/v1/applications/${id}/return`, { comment: '请补充量化指标' });
  const mine = (await w.bjEnterprise.get(`/api/v1/applications/${id}`)).body.application;
  const saved = await w.bjEnterprise.request('PUT', `/api/v1/applications/${id}/draft`, {
    baseVersion: mine.draftVersion,
    data: { ...mine.data, solution: { ...mine.data.solution, name: '第二版名称' } },
  });
  expect(saved.status).toBe(200);
  const again = await w.bjEnterprise.post(`/api/v1/applications/${id}/submit`, {
    draftVersion: saved.body.draftVersion,
  });
  expect(again.status).toBe(200);
  await w.beijing.post(`/api/v1/applications/${id}/recommend`, { rank: 1 });
  versions = (await w.org.get(`/api/v1/applications/${id}`)).body.versions;
});
afterAll(() => t.close());

describe('getApplicationVersion', () => {
  test('each version as it was frozen, with its attachments', async () => {
    for (const [no, name] of [
      [1, '第一版名称'],
      [2, '第二版名称'],
    ] as const) {
      const res = await w.beijing.get(`/api/v1/applications/${id}/versions/${no}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        versionNo: no,
        verificationCode: versions.find((v) => v.versionNo === no)!.verificationCode,
        submittedAt: expect.any(String),
        wordCount: expect.any(Number),
      });
      expect(res.body.data.solution.name).toBe(name);
      expect(res.body.attachments).toEqual([
        expect.objectContaining({ filename: '软件著作权证书.pdf', kind: 'pdf' }),
      ]);
    }
    expect((await w.org.get(`/api/v1/applications/${id}/versions/3`)).status).toBe(404);
  });

  test('only for those who may see the application', async () => {
    const path = `/api/v1/applications/${id}/versions/1`;
    expect((await w.bjEnterprise.get(path)).status).toBe(200);
    expect((await w.org.get(path)).status).toBe(200);
    expect((await w.shanghai.get(path)).status).toBe(403);
    expect((await w.shEnterprise.get(path)).status).toBe(403);
    const expert = await signedIn(t.app, 'expert');
    expect((await expert.get(path)).status).toBe(403);
    expect((await new Client(t.app).get(path)).status).toBe(401);
  });
});

describe('getApplicationHistory', () => {
  test('every step, oldest first: who, from which state to which, and why', async () => {
    const res = await w.bjEnterprise.get(`/api/v1/applications/${id}/history`);
    expect(res.status).toBe(200);
    const items = res.body.items as Record<string, unknown>[];
    expect(items.map((i) => i.action)).toEqual([
      'application.create',
      'application.attachment_upload',
      'application.submit',
      'application.return',
      'application.submit',
      'application.recommend',
    ]);
    // to the enterprise: the recommender by its unit, not the person's login
    expect(items[3]).toEqual({
      at: expect.any(String),
      action: 'application.return',
      actionLabel: '退回修改',
      actorName: '北京市',
      actorOrg: null,
      actorLabel: null,
      actorRole: 'recommender',
      fromState: 'submitted',
      toState: 'returned',
      note: '请补充量化指标',
    });
    expect(items[4]).toMatchObject({ fromState: 'returned', toState: 'submitted', note: null });
    expect(items[1]).toMatchObject({ fromState: null, toState: null });
    // its own people by name, with the enterprise
    expect(items[0]).toMatchObject({
      actionLabel: '创建申报书',
      actorName: expect.not.stringMatching(/^9\d{5}/),
      actorOrg: expect.stringContaining('测试企业'),
    });
  });

  test('names, not logins: staff see the person and unit; an enterprise never sees an organizer', async () => {
    const staff = (await w.org.get(`/api/v1/applications/${id}/history`)).body.items;
    expect(staff[3]).toMatchObject({
      actorName: '北京市推荐员',
      actorOrg: '北京市',
      actorLabel: 'beijing',
    });
    const orgId = await userIdOf(t, 'organizer');
    await recordAudit(
      t.deps.db,
      t.clock,
      { userId: orgId, role: 'organizer', label: 'organizer', ip: '127.0.0.1' },
      { action: 'application.attachment_upload', targetType: 'application', targetId: id },
    );
    const seenByOrg = (await w.org.get(`/api/v1/applications/${id}/history`)).body.items.at(-1);
    expect(seenByOrg).toMatchObject({ actorName: '演示主管部门', actorOrg: '主管部门' });
    const seenByEnterprise = (await w.bjEnterprise.get(`/api/v1/applications/${id}/history`)).body
      .items;
    expect(seenByEnterprise.at(-1)).toMatchObject({
      actorName: '主管部门',
      actorOrg: null,
      actorLabel: null,
    });
    expect(JSON.stringify(seenByEnterprise)).not.toContain(
      '"organizer"'.replace('"o', '"actorLabel":"o'),
    );
    expect(JSON.stringify(seenByEnterprise)).not.toContain('"beijing"');
    expect(JSON.stringify(seenByEnterprise)).not.toContain('演示主管部门');
    expect(JSON.stringify(seenByEnterprise)).not.toContain('北京市推荐员');
  });

  test('only for those who may see the application', async () => {
    const path = `/api/v1/applications/${id}/history`;
    expect((await w.beijing.get(path)).status).toBe(200);
    expect((await w.org.get(path)).status).toBe(200);
    expect((await w.shanghai.get(path)).status).toBe(403);
    expect((await w.shEnterprise.get(path)).status).toBe(403);
    expect((await new Client(t.app).get(path)).status).toBe(401);
    expect((await w.org.get(`/api/v1/applications/${crypto.randomUUID()}/history`)).status).toBe(
      404,
    );
  });
});
