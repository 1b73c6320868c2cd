import fs from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { renderApiDoc } from '../../scripts/api-doc';
import { createTestApp, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

const STABLE = ['registerEnterprise', 'signIn', 'signOut', 'getMe', 'getCampaign', 'listCampaigns'];

test('the OpenAPI document names every operation, and the stable names stay', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  const doc = res.json();
  const operations: { path: string; method: string; operationId?: string }[] = [];
  for (const [p, methods] of Object.entries(
    doc.paths as Record<string, Record<string, { operationId?: string }>>,
  )) {
    for (const [method, op] of Object.entries(methods))
      operations.push({ path: p, method, operationId: op.operationId });
  }
  expect(operations.length).toBeGreaterThan(15);
  expect(operations.filter((o) => !o.operationId)).toEqual([]);
  const ids = operations.map((o) => o.operationId);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of STABLE) expect(ids).toContain(id);
  expect(operations.every((o) => o.path.startsWith('/api/v1/'))).toBe(true);
  // request bodies come from the same zod schemas as the forms
  const register = doc.paths['/api/v1/enterprises'].post;
  expect(Object.keys(register.requestBody.content['application/json'].schema.properties)).toEqual(
    expect.arrayContaining([
      'name',
      'uscc',
      'provinceCode',
      'cityCode',
      'contactName',
      'phone',
      'email',
      'password',
    ]),
  );
});

test('docs/API.md is the current OpenAPI document (npm run api-doc)', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  expect(fs.readFileSync('docs/API.md', 'utf8')).toBe(renderApiDoc(doc));
});
