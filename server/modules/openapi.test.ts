import fs from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../../domain/api/errors';
import { ERRORS } from '../../domain/errors';
import { renderApiDoc } from '../../scripts/api-doc';
import { OPERATION_ERRORS } from '../lib/error-responses';
import { AppError } from '../lib/errors';
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

type Responses = Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
type Op = { operationId: string; responses: Responses; description?: string };

function operationsOf(doc: { paths: Record<string, Record<string, Op>> }) {
  return Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path: p, method, ...op })),
  );
}

const ENVELOPE_REF = '#/components/schemas/ErrorResponse';

test('every operation documents its 4xx answers with the one error envelope', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const envelope = doc.components.schemas.ErrorResponse;
  expect(envelope.properties.error.properties.code.enum).toEqual(Object.keys(ERRORS));
  expect(envelope.properties.error.required).toEqual(['code', 'message', 'messageEn']);
  const problems: string[] = [];
  for (const op of operationsOf(doc)) {
    const errors = Object.entries(op.responses).filter(([status]) => /^4\d\d$/.test(status));
    if (!errors.length) problems.push(`${op.operationId}: no 4xx`);
    for (const [status, r] of errors) {
      if (r.content?.['application/json']?.schema?.$ref !== ENVELOPE_REF)
        problems.push(`${op.operationId} ${status}: not the error envelope`);
    }
    const statuses = errors.map(([s]) => Number(s));
    if (!statuses.includes(400)) problems.push(`${op.operationId}: no 400`);
    if (op.path.includes('{') && !statuses.includes(404))
      problems.push(`${op.operationId}: no 404`);
    if (op.method !== 'get' && !statuses.includes(403)) problems.push(`${op.operationId}: no 403`);
    const access = OPERATION_ERRORS[op.operationId]?.access;
    if (access !== 'public' && !statuses.includes(401)) problems.push(`${op.operationId}: no 401`);
    // the server never answers a 5xx on purpose: none is declared, so none is reshaped
    if (Object.keys(op.responses).some((s) => s.startsWith('5')))
      problems.push(`${op.operationId}: declares a 5xx`);
  }
  expect(problems).toEqual([]);
});

test('the error catalogue names every operation and no other', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const ids = operationsOf(doc).map((o) => o.operationId);
  expect(Object.keys(OPERATION_ERRORS).sort()).toEqual([...ids].sort());
});

test('a status is documented with the codes the route can answer with', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const submit = doc.paths['/api/v1/applications/{id}/submit'].post.responses;
  expect(Object.keys(submit)).toEqual(['200', '400', '401', '403', '404', '409']);
  expect(submit['409'].description).toContain('DEADLINE_PASSED');
  expect(submit['400'].description).toContain('APPLICATION_INCOMPLETE');
  const campaign = doc.paths['/api/v1/campaigns/{idOrCode}'].get.responses;
  expect(Object.keys(campaign)).toEqual(['200', '400', '404']); // public: no 401
  const signIn = doc.paths['/api/v1/auth/sign-in'].post.responses;
  expect(Object.keys(signIn)).toEqual(expect.arrayContaining(['401', '423', '429']));
});

test('the envelope passes every error body through unchanged', () => {
  const serialize = serializerCompiler({
    schema: errorResponseSchema,
    method: 'POST',
    url: '/x',
  } as never) as (data: unknown) => string;
  const bodies = [
    new AppError('NOT_FOUND', { message: '未找到该申报书' }),
    new AppError('VALIDATION_FAILED', {
      details: [
        { path: 'solution.name', message: '必填' },
        { path: '', message: '格式' },
      ],
    }),
    new AppError('IMPORT_REJECTED', {
      details: { total: 3, problems: [{ row: 2, column: 'uscc', message: '不正确' }] },
    }),
    new AppError('INVALID_CREDENTIALS', { details: { attemptsLeft: 2 } }),
    new AppError('DRAFT_CONFLICT', { details: { currentVersion: 4, updatedAt: null } }),
  ].map((e) => e.toBody());
  for (const body of bodies) expect(serialize(body)).toBe(JSON.stringify(body));
});
