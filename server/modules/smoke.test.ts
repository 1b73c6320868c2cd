import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

test('health and campaign', async () => {
  const h = await t.app.inject({ method: 'GET', url: '/api/health' });
  expect(h.statusCode).toBe(200);
  const org = await signedIn(t.app, 'organizer');
  const me = await org.get('/api/v1/me');
  expect(me.body.user.role).toBe('organizer');
});
