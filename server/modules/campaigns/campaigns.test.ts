import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MIIT_2021 } from '../../../domain/campaigns/miit-2021';
import {
  Client,
  countRows,
  createTestApp,
  query,
  signedIn,
  type TestApp,
} from '../../../test/harness';

let t: TestApp;
let organizer: Client;
const anonymous = () => new Client(t.app);
beforeAll(async () => {
  t = await createTestApp(); // the test clock stands at 2026-11-01 09:00 Beijing time
  organizer = await signedIn(t.app, 'organizer');
});
afterAll(() => t.close());

const copyBody = (over: Record<string, unknown> = {}) => ({
  code: 'miit-iiapp-2027',
  year: 2027,
  title: '2027年工业互联网APP优秀解决方案征集遴选',
  docNumber: '工信厅信发函〔2027〕1号',
  opensAt: '2027-09-01T00:00:00+08:00',
  onlineDeadline: '2027-10-20T23:59:59.999+08:00',
  paperDeadline: '2027-10-20T23:59:59.999+08:00',
  ...over,
});

describe('reading campaigns (public)', () => {
  test('the 2021 call by its code: closed, 4 categories, 5000 characters, quotas 10/5/5', async () => {
    const res = await anonymous().get('/api/v1/campaigns/miit-iiapp-2021');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      code: 'miit-iiapp-2021',
      year: 2021,
      docNumber: '工信厅信发函〔2021〕224号',
      phase: 'closed',
      isDemo: false,
      onlineDeadline: '2021-10-20T15:59:59.999Z',
      paperDeadline: '2021-10-20T15:59:59.999Z',
    });
    expect(res.body.settings.categories).toHaveLength(4);
    expect(res.body.settings.wordLimit).toBe(5000);
    expect(res.body.settings.quotas).toEqual({ region: 10, central_enterprise: 5, association: 5 });
    expect(res.body.settings).toEqual(MIIT_2021.settings);
    // and by its id
    const byId = await anonymous().get(`/api/v1/campaigns/${res.body.id}`);
    expect(byId.body.code).toBe('miit-iiapp-2021');
  });

  test('the list holds the 2021 call and the open demo copy of this year', async () => {
    const { items } = (await anonymous().get('/api/v1/campaigns')).body;
    const demo = items.find((c: { isDemo: boolean }) => c.isDemo);
    expect(demo).toMatchObject({ code: 'demo-miit-iiapp-2026', year: 2026, phase: 'open' });
    // the 2021 settings, with 附件3 titled for this year
    const { summaryTable, ...rest } = MIIT_2021.settings;
    expect(demo.settings).toEqual({
      ...rest,
      summaryTable: { ...summaryTable, title: '2026年工业互联网APP应用解决方案报送信息汇总表' },
    });
    expect(items.map((c: { code: string }) => c.code)).toContain('miit-iiapp-2021');
  });

  test('an unknown campaign → 404', async () => {
    for (const key of ['miit-iiapp-1999', '00000000-0000-4000-8000-000000000000']) {
      const res = await anonymous().get(`/api/v1/campaigns/${key}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
  });
});

describe('copying a campaign (organizer)', () => {
  test('201: a new call with the source’s settings, linked to it, and an audit row', async () => {
    const source = (await anonymous().get('/api/v1/campaigns/miit-iiapp-2021')).body;
    const res = await organizer.post('/api/v1/campaigns/miit-iiapp-2021/copy', copyBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: 'miit-iiapp-2027',
      year: 2027,
      copiedFromId: source.id,
      issuer: source.issuer,
      phase: 'upcoming',
      isDemo: false,
      opensAt: '2027-08-31T16:00:00.000Z',
      onlineDeadline: '2027-10-20T15:59:59.999Z',
    });
    expect(res.body.settings).toEqual({
      ...source.settings,
      summaryTable: {
        ...source.settings.summaryTable,
        title: '2027年工业互联网APP应用解决方案报送信息汇总表',
      },
    });
    expect((await anonymous().get('/api/v1/campaigns/miit-iiapp-2027')).status).toBe(200);

    const [row] = await query<{
      action: string;
      actor_label: string;
      actor_role: string;
      summary: any;
    }>(
      t,
      `select * from audit_log where action = 'campaign.copy' and target_id = '${res.body.id}'`,
    );
    expect(row).toMatchObject({ actor_label: 'organizer', actor_role: 'organizer' });
    expect(row!.summary.after).toMatchObject({
      code: 'miit-iiapp-2027',
      copiedFrom: 'miit-iiapp-2021',
    });
  });

  test('the same code again → 409 CAMPAIGN_CODE_TAKEN, nothing created', async () => {
    const before = await countRows(t, 'campaigns');
    const res = await organizer.post(
      '/api/v1/campaigns/miit-iiapp-2021/copy',
      copyBody({ code: 'miit-iiapp-2021' }),
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CAMPAIGN_CODE_TAKEN');
    expect(await countRows(t, 'campaigns')).toBe(before);
  });

  test('a deadline before the opening → 400 on onlineDeadline', async () => {
    const res = await organizer.post(
      '/api/v1/campaigns/miit-iiapp-2021/copy',
      copyBody({ code: 'miit-iiapp-2028', onlineDeadline: '2027-08-01T00:00:00+08:00' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('onlineDeadline');
  });

  test('copying an unknown campaign → 404', async () => {
    const res = await organizer.post(
      '/api/v1/campaigns/no-such-call/copy',
      copyBody({ code: 'miit-iiapp-2029' }),
    );
    expect(res.status).toBe(404);
  });
});

describe('phase follows the clock', () => {
  test('open at the deadline instant, closed one millisecond after', async () => {
    const deadline = new Date('2021-10-20T15:59:59.999Z').getTime();
    try {
      t.clock.set(new Date(deadline).toISOString());
      expect((await anonymous().get('/api/v1/campaigns/miit-iiapp-2021')).body.phase).toBe('open');
      t.clock.set(new Date(deadline + 1).toISOString());
      expect((await anonymous().get('/api/v1/campaigns/miit-iiapp-2021')).body.phase).toBe(
        'closed',
      );
      t.clock.set('2021-09-16T23:59:59.999+08:00');
      expect((await anonymous().get('/api/v1/campaigns/miit-iiapp-2021')).body.phase).toBe(
        'upcoming',
      );
    } finally {
      t.clock.set('2026-11-01T09:00:00+08:00');
    }
  });
});
