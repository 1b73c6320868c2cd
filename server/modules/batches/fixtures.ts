// Route-test fixtures for the recommender's desk: two units with staff and enterprises, a fresh
// campaign per test (so each starts with an empty desk), applications with chosen content.
import { expect } from 'vitest';
import { completeData, PDF, upload } from '../../test/applications';
import { Client, registration, signedIn, type TestApp } from '../../test/harness';

export interface DeskWorld {
  org: Client;
  beijing: Client;
  beijingUnit: string;
  shanghai: Client;
  shanghaiUnit: string;
  bjEnterprise: Client;
  bjUscc: string;
  shEnterprise: Client;
  shUscc: string;
}

async function enterprise(t: TestApp, n: number, over: Record<string, unknown> = {}) {
  const reg = registration(n, over);
  const res = await new Client(t.app, `10.7.${n % 250}.1`).post('/api/v1/enterprises', reg);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return {
    client: await signedIn(t.app, reg.uscc, 'Secret2021pass', `10.7.${n % 250}.2`),
    uscc: reg.uscc,
  };
}

/** 北京市 (the demo account) and 上海市 (a new account), one enterprise filing through each. */
export async function deskWorld(t: TestApp, n: number): Promise<DeskWorld> {
  const org = await signedIn(t.app, 'organizer');
  const beijing = await signedIn(t.app, 'beijing');
  const beijingUnit = (await beijing.get('/api/v1/me')).body.recommenderUnit.id as string;
  const units = (await org.get(`/api/v1/recommender-units?q=${encodeURIComponent('上海市')}`)).body
    .items as { id: string; name: string }[];
  const shanghaiUnit = units.find((u) => u.name === '上海市')!.id;
  const login = `shanghai${n}`;
  const created = await org.post('/api/v1/users', {
    role: 'recommender',
    login,
    name: '上海推荐员',
    email: `${login}@test.zhengxuan.invalid`,
    recommenderUnitId: shanghaiUnit,
    password: 'Shanghai2021desk',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const shanghai = await signedIn(t.app, login, 'Shanghai2021desk');
  const bj = await enterprise(t, n);
  const sh = await enterprise(t, n + 1, {
    provinceCode: '310000',
    cityCode: '310100',
    email: `sh${n}@test.zhengxuan.invalid`,
  });
  return {
    org,
    beijing,
    beijingUnit,
    shanghai,
    shanghaiUnit,
    bjEnterprise: bj.client,
    bjUscc: bj.uscc,
    shEnterprise: sh.client,
    shUscc: sh.uscc,
  };
}

let campaigns = 0;

/** A copy of the 2021 call, open now (the test clock's 2026-11-01) until 2026-12-31. */
export async function newCampaign(org: Client) {
  const n = ++campaigns;
  const res = await org.post('/api/v1/campaigns/miit-iiapp-2021/copy', {
    code: `desk-${n}-${Math.random().toString(36).slice(2, 8)}`,
    year: 2026,
    title: `推荐台测试活动${n}`,
    opensAt: '2026-10-01T00:00:00+08:00',
    onlineDeadline: '2026-12-31T23:59:59.999+08:00',
    paperDeadline: '2026-12-31T23:59:59.999+08:00',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; year: number; paperDeadline: string };
}

export interface Filing {
  uscc: string;
  name: string;
  category?: string;
  focusAreas?: string[];
  region?: string;
  industries?: string[];
  apps?: number;
  platform?: string;
  contactName?: string;
  phone?: string;
  applicantName?: string;
}

/** A submitted application with the given content; returns its id. */
export async function filed(c: Client, campaignId: string, f: Filing): Promise<string> {
  const created = await c.post('/api/v1/applications', { campaignId });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const cert = await upload(c, created.body.id, '软件著作权证书.pdf', PDF);
  expect(cert.status).toBe(201);
  const data = completeData(cert.body.id);
  data.solution.name = f.name;
  data.solution.category = f.category ?? data.solution.category;
  data.solution.focusAreas = f.focusAreas ?? data.solution.focusAreas;
  data.solution.industries = f.industries ?? data.solution.industries;
  data.solution.platform = f.platform ?? data.solution.platform;
  data.applicant.uscc = f.uscc;
  data.applicant.region = f.region ?? data.applicant.region;
  data.applicant.name = f.applicantName ?? data.applicant.name;
  data.applicant.contactName = f.contactName ?? data.applicant.contactName;
  data.applicant.phone = f.phone ?? data.applicant.phone;
  if (f.apps)
    data.apps.items = Array.from({ length: f.apps }, (_, i) => ({
      ...data.apps.items[0]!,
      name: `APP${i + 1}`,
    }));
  const saved = await c.request('PUT', `/api/v1/applications/${created.body.id}/draft`, {
    baseVersion: created.body.draftVersion,
    data,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const sub = await c.post(`/api/v1/applications/${created.body.id}/submit`, {
    draftVersion: saved.body.draftVersion,
  });
  expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  return created.body.id as string;
}

/** Several submitted applications with distinct names. */
export async function filedMany(c: Client, campaignId: string, uscc: string, names: string[]) {
  const ids: string[] = [];
  for (const name of names) ids.push(await filed(c, campaignId, { uscc, name }));
  return ids;
}

export const batchUrl = (campaignId: string, unitId: string) =>
  `/api/v1/campaigns/${campaignId}/units/${unitId}/batch`;

export function postFile(c: Client, url: string, filename: string, bytes: Buffer) {
  const boundary = '----zxdesk' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request('POST', url, body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

export const uploadScan = (c: Client, campaignId: string, unitId: string, bytes = PDF) =>
  postFile(c, `${batchUrl(campaignId, unitId)}/stamped-scan`, '附件3盖章扫描件.pdf', bytes);

export const recommend = (c: Client, id: string, rank: number) =>
  c.post(`/api/v1/applications/${id}/recommend`, { rank });
