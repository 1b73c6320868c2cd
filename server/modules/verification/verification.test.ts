// 企业认证 and 代码申诉: submitting needs the licence, recommending needs the account verified by
// its recommender (or an organizer), a past winner's 附件4 opens only to an account verified by
// the award's recommender or an organizer, and a company whose code was taken gets it back.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PDF, readyApplication } from '../../../test/fixtures/applications';
import { csvOf, HEADER_ZH, importFile } from '../../../test/fixtures/award-imports';
import { makePng } from '../../../test/fixtures/files';
import {
  decide,
  enterpriseIdOf,
  fileClaim,
  uploadProof,
} from '../../../test/fixtures/verification';
import {
  Client,
  countRows,
  createTestApp,
  DEMO_ENTERPRISE_USCC,
  makeUscc,
  query,
  registration,
  signedIn,
  type TestApp,
} from '../../../test/harness';

let t: TestApp;
let campaignId: string;
let org: Client;
let beijing: Client;
let casic: Client;

async function register(n: number, over: Record<string, unknown> = {}) {
  const reg = registration(n, over);
  const res = await new Client(t.app, `10.30.${n % 250}.1`).post('/api/v1/enterprises', reg);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const c = await signedIn(t.app, reg.uscc, 'Secret2021pass', `10.30.${n % 250}.2`);
  return { c, uscc: reg.uscc, id: res.body.enterprise.id as string, reg };
}

const status = async (c: Client, id: string) =>
  (await c.get(`/api/v1/enterprises/${id}/verification`)).body;
const submitRaw = (c: Client, d: { id: string; draftVersion: number }) =>
  c.post(`/api/v1/applications/${d.id}/submit`, { draftVersion: d.draftVersion });

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
  org = await signedIn(t.app, 'organizer');
  beijing = await signedIn(t.app, 'beijing');
  casic = await signedIn(t.app, 'casic');
  campaignId = (await org.get('/api/v1/campaigns')).body.items.find(
    (c: { isDemo: boolean }) => c.isDemo,
  ).id;
}, 300_000);
afterAll(() => t.close());

describe('企业认证: documents before submitting, verification before recommending', () => {
  test('the demo enterprise is verified; a new one starts with nothing submitted', async () => {
    const demo = await signedIn(t.app, DEMO_ENTERPRISE_USCC);
    const demoId = await enterpriseIdOf(demo);
    expect(await status(demo, demoId)).toMatchObject({
      status: 'verified',
      missing: [],
      verifiedBy: '主管部门',
      mayDecide: false,
    });
    const { c, id } = await register(3001);
    expect(await status(c, id)).toMatchObject({
      status: 'unsubmitted',
      missing: ['licence'],
      licence: null,
    });
    expect((await c.get('/api/v1/me')).body.enterprise.verificationStatus).toBe('unsubmitted');
  });

  test('submitting without the licence → 409 naming it; with it (unverified) the submission goes through', async () => {
    const { c, id, uscc } = await register(3002);
    const draft = await readyApplication(c, campaignId, uscc);
    const refused = await submitRaw(c, draft);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('VERIFICATION_DOCUMENTS_MISSING');
    expect(refused.body.error.message).toContain('营业执照');
    // the filer is not the legal representative: the letter is asked for too
    const filer = await c.request('PUT', `/api/v1/enterprises/${id}/verification/filer`, {
      filerIsLegalRep: false,
    });
    expect(filer.body.missing).toEqual(['licence', 'authorisation']);
    // checked by content: a text file named .pdf, or a DOCX, is no licence
    const fake = await uploadProof(c, id, 'licence', Buffer.from('not a pdf at all'));
    expect(fake.status).toBe(400);
    expect(fake.body.error.code).toBe('FILE_REJECTED');
    expect((await uploadProof(c, id, 'licence', makePng(), '执照.png')).status).toBe(200);
    const still = await submitRaw(c, draft);
    expect(still.body.error).toMatchObject({ code: 'VERIFICATION_DOCUMENTS_MISSING' });
    expect(still.body.error.message).toContain('授权书');
    expect(still.body.error.message).not.toContain('营业执照');
    const letter = await uploadProof(c, id, 'authorisation');
    expect(letter.body).toMatchObject({ status: 'pending', missing: [] });
    expect((await submitRaw(c, draft)).status).toBe(200);
  });

  test('an unverified enterprise cannot be recommended (409 ENTERPRISE_UNVERIFIED); its recommender verifies, then recommends', async () => {
    const { c, id, uscc } = await register(3003);
    expect((await uploadProof(c, id)).status).toBe(200);
    const draft = await readyApplication(c, campaignId, uscc);
    expect((await submitRaw(c, draft)).status).toBe(200);
    const refused = await beijing.post(`/api/v1/applications/${draft.id}/recommend`, { rank: 1 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ENTERPRISE_UNVERIFIED');
    expect(refused.body.error.message).toContain('核验企业');
    // another unit, the enterprise itself, an expert: none decides
    expect((await decide(casic, id, 'verified')).status).toBe(403);
    expect((await decide(c, id, 'verified')).status).toBe(403);
    expect((await casic.get(`/api/v1/enterprises/${id}/verification`)).status).toBe(403);
    // the recommender sees the licence and may decide
    expect((await status(beijing, id)).mayDecide).toBe(true);
    const file = await beijing.get(`/api/v1/enterprises/${id}/verification/documents/licence`);
    expect(file.status).toBe(200);
    expect(file.raw.rawPayload.equals(PDF)).toBe(true);
    // 核验不通过 needs a reason; the enterprise sees it
    expect((await decide(beijing, id, 'rejected')).status).toBe(400);
    const rejected = await decide(beijing, id, 'rejected', '营业执照名称与账号不符');
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: '营业执照名称与账号不符' });
    expect(await status(c, id)).toMatchObject({ status: 'rejected', verifiedBy: '北京市' });
    expect(
      (await beijing.post(`/api/v1/applications/${draft.id}/recommend`, { rank: 1 })).body.error
        .code,
    ).toBe('ENTERPRISE_UNVERIFIED');
    // a new licence: back to 待核验; then verified, and recommended
    expect((await uploadProof(c, id)).body.status).toBe('pending');
    expect((await decide(beijing, id, 'verified')).body).toMatchObject({
      status: 'verified',
      verifiedBy: '北京市',
    });
    const ok = await beijing.post(`/api/v1/applications/${draft.id}/recommend`, { rank: 1 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const actions = (
      await query<{ action: string; actor_label: string }>(
        t,
        `select action, actor_label from audit_log where target_type = 'enterprise' and target_id = '${id}' order by id`,
      )
    ).map((r) => `${r.action}:${r.actor_label}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        `enterprise.verification_document_upload:${uscc}`,
        'enterprise.verification_reject:beijing',
        'enterprise.verify:beijing',
      ]),
    );
  });

  test('nothing uploaded: nobody can verify it (409 naming what is missing)', async () => {
    const { id } = await register(3004);
    const res = await decide(org, id, 'verified');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('VERIFICATION_DOCUMENTS_MISSING');
    expect(res.body.error.message).toContain('营业执照');
  });
});

describe('申报书: the applicant is the account', () => {
  test('name and code sent through the draft API are the account’s own; co-applicants stay free', async () => {
    const { c, uscc, reg } = await register(3010);
    const created = await c.post('/api/v1/applications', { campaignId });
    const coApplicants = [{ name: '合作单位有限公司', uscc: makeUscc(3999), role: '联合开发' }];
    const data = {
      applicant: { name: '北京示例智造科技有限公司', uscc: DEMO_ENTERPRISE_USCC, coApplicants },
    };
    const saved = await c.request('PUT', `/api/v1/applications/${created.body.id}/draft`, {
      baseVersion: created.body.draftVersion,
      data,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const got = (await c.get(`/api/v1/applications/${created.body.id}`)).body.application;
    expect(got.data.applicant).toMatchObject({ name: reg.name, uscc, coApplicants });
  });
});

describe('代码申诉: a past winner’s code taken by someone else', () => {
  const WINNER = makeUscc(3100);
  let awardId: string;

  beforeAll(async () => {
    const imported = await importFile(
      org,
      'winners.csv',
      csvOf([
        HEADER_ZH,
        [2020, '真正获奖的方案', '真正的获奖企业有限公司', WINNER, '行业通用工业APP', '北京市', ''],
      ]),
    );
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    awardId = (await org.get(`/api/v1/awards?q=${WINNER}`)).body.items[0].id;
  });

  test('the hijacker with the taken code cannot open 附件4, uploaded licence or not (403)', async () => {
    const { c, id } = await register(3100, { email: 'hijacker@test.zhengxuan.invalid' });
    const url = `/api/v1/follow-up-reports/${awardId}?campaignId=${campaignId}`;
    const refused = await c.get(url);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FOLLOW_UP_NEEDS_VERIFICATION');
    const save = await c.request('PUT', `/api/v1/follow-up-reports/${awardId}`, {
      campaignId,
      draftVersion: 0,
      data: { promotion: { newCustomers: 1 } },
    });
    expect(save.body.error.code).toBe('FOLLOW_UP_NEEDS_VERIFICATION');
    await uploadProof(c, id);
    expect((await c.get(url)).status).toBe(403);
    expect(await countRows(t, 'follow_up_reports')).toBe(0);
  });

  test('registering answers USCC_TAKEN; the claim is filed anonymously with the licence, checked by content', async () => {
    const anon = new Client(t.app, '10.31.0.1');
    const taken = await anon.post(
      '/api/v1/enterprises',
      registration(3100, { email: 'real@test.zhengxuan.invalid' }),
    );
    expect(taken.body.error.code).toBe('USCC_TAKEN');
    const bad = await fileClaim(anon, WINNER, Buffer.from('GIF89a not a licence'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('FILE_REJECTED');
    const incomplete = await fileClaim(anon, WINNER, PDF, { phone: '123' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.details.map((d: { path: string }) => d.path)).toContain('phone');
    expect(await countRows(t, 'uscc_claims')).toBe(0);
    const filed = await fileClaim(anon, WINNER);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(Object.keys(filed.body).sort()).toEqual(['createdAt', 'id']);
  });

  test('claims are rate-limited per address', async () => {
    const spammer = new Client(t.app, '10.31.9.9');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await fileClaim(spammer, makeUscc(3200 + i))).status);
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(statuses[5]).toBe(429);
  });

  test('the organizer upholds and moves the code: the hijacker is out, the claimant signs in and opens 附件4', async () => {
    const claims = (await org.get('/api/v1/uscc-claims?state=open')).body.items as {
      id: string;
      uscc: string;
      holder: { name: string } | null;
    }[];
    const claim = claims.find((c) => c.uscc === WINNER)!;
    expect(claim.holder?.name).toBe(registration(3100).name);
    expect((await beijing.get('/api/v1/uscc-claims')).status).toBe(403);
    const licence = await org.get(`/api/v1/uscc-claims/${claim.id}/licence`);
    expect(licence.raw.rawPayload.equals(PDF)).toBe(true);
    const hijacker = await signedIn(t.app, WINNER, 'Secret2021pass', '10.31.1.1');
    const res = await org.post(`/api/v1/uscc-claims/${claim.id}/resolve`, {
      decision: 'upheld',
      reason: '申诉企业营业执照与代码一致，原账号无法提供执照',
      moveCode: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.claim).toMatchObject({
      state: 'upheld',
      movedToEnterpriseId: expect.any(String),
    });
    expect(res.body.account).toMatchObject({ login: WINNER, oneTimePassword: expect.any(String) });
    // the hijacker's session is gone and its account cannot sign in
    expect((await hijacker.get('/api/v1/me')).status).toBe(401);
    expect((await new Client(t.app, '10.31.1.2').signIn(WINNER, 'Secret2021pass')).status).toBe(
      401,
    );
    // the claimant signs in with the one-time password and sees its 附件4
    const claimant = await signedIn(t.app, WINNER, res.body.account.oneTimePassword, '10.31.1.3');
    const me = (await claimant.get('/api/v1/me')).body;
    expect(me.enterprise).toMatchObject({
      name: '真正的获奖企业有限公司',
      verificationStatus: 'verified',
    });
    // a one-time password is changed before anything else
    const changed = await claimant.post('/api/v1/me/password', {
      currentPassword: res.body.account.oneTimePassword,
      newPassword: 'Claimant2021pass',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const report = await claimant.get(
      `/api/v1/follow-up-reports/${awardId}?campaignId=${campaignId}`,
    );
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    // audited: the claim, the move
    const actions = (
      await query<{ action: string }>(
        t,
        `select action from audit_log where action like 'uscc_claim.%' or action = 'enterprise.uscc_move'`,
      )
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['uscc_claim.file', 'uscc_claim.uphold', 'enterprise.uscc_move']),
    );
    // decided once
    const again = await org.post(`/api/v1/uscc-claims/${claim.id}/resolve`, {
      decision: 'dismissed',
      reason: '重复处理',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('WRONG_STATE');
  });

  test('a dismissed claim changes nothing but itself', async () => {
    const { id } = await register(3300);
    const filed = await fileClaim(new Client(t.app, '10.31.2.1'), makeUscc(3300));
    const res = await org.post(`/api/v1/uscc-claims/${filed.body.id}/resolve`, {
      decision: 'dismissed',
      reason: '申诉材料中的营业执照与代码不符',
    });
    expect(res.body).toMatchObject({ claim: { state: 'dismissed' }, account: null });
    expect((await query(t, `select released_at from enterprises where id = '${id}'`))[0]).toEqual({
      released_at: null,
    });
    const moveDismissed = await org.post(`/api/v1/uscc-claims/${filed.body.id}/resolve`, {
      decision: 'dismissed',
      reason: '再试',
      moveCode: true,
    });
    expect(moveDismissed.status).toBe(400);
  });
});
