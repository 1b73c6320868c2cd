// Bad input, everywhere: every operation of the OpenAPI document, as four kinds of caller, with
// malformed, oversized, wrongly typed and edge-case input. No answer may be a 5xx, and a refused
// request leaves nothing behind (no half-saved draft, no stored file without its row).
import fs from 'node:fs';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makePng } from '../test/fixtures/files';
import { PDF, postFile, submittedApplication, upload } from '../test/fixtures/applications';
import {
  Client,
  createTestApp,
  DEMO_ENTERPRISE_USCC,
  query,
  signedIn,
  testDbKind,
  type TestApp,
} from '../test/harness';

const IDENTITIES = ['anonymous', 'enterprise', 'recommender', 'organizer'] as const;
type Identity = (typeof IDENTITIES)[number];
const LOGINS: Record<Exclude<Identity, 'anonymous'>, string> = {
  enterprise: DEMO_ENTERPRISE_USCC,
  recommender: 'beijing',
  organizer: 'organizer',
};
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
const clients = {} as Record<Identity, Client>;
const ids = {} as {
  campaign: string;
  draft: string;
  /** a draft of its own for deleteApplicationDraft, so that the others keep theirs */
  toDelete: string;
  attachment: string;
  submitted: string;
  toReturn: string;
  toReject: string;
  toRecommend: string;
  code: string;
  unit: string;
  user: string;
  enterprise: string;
  recommenderUnit: string;
  award: string;
};

// ---- the edge cases -------------------------------------------------------------------------

const TEXT: Record<string, string> = {
  'lone high surrogate': 'x\ud800y',
  'lone low surrogate (and a reversed pair)': '\udc00\ud800',
  NUL: 'x\u0000y',
  // legitimate if unusual text: stored as sent
  'RTL override, emoji, combining and zero-width marks':
    '\u202eevil\u202c 😀👨‍👩‍👧‍👦🇨🇳 e\u0301\u0308\u0334 \u200b\ufeff',
  'control characters and non-characters': '\u0001\u001b[31m\u007f\u0085\uffff\ufffe',
  'oversized (100k)': '长'.repeat(100_000),
  empty: '',
};
const NUMBERS: Record<string, unknown> = {
  'int4 max + 1': 2147483648,
  'int4 min - 1': -2147483649,
  '2^53 + 2': 2 ** 53 + 2,
  '1e308': 1e308,
  negative: -1,
  zero: 0,
  fraction: 1.5,
  'numeric string': '1',
};
const TYPES: Record<string, unknown> = { null: null, true: true, array: [], object: {} };
const DATES: Record<string, string> = {
  'year 0': '0000-01-01T00:00:00Z',
  'year 9999': '9999-12-31T23:59:59Z',
  'beyond JS dates': '+275760-09-13T00:00:01Z',
  'negative year': '-000001-01-01T00:00:00Z',
  '30 February': '2026-02-30T00:00:00Z',
  'no time zone': '2026-01-01T00:00:00',
  epoch: '1970-01-01T00:00:00Z',
};
/** Values for a body field, by the field's type: its own edge cases and a few of the wrong type. */
function valuesFor(schema: Schema | undefined): [string, unknown][] {
  const type = schema && (Array.isArray(schema.type) ? schema.type[0] : schema.type);
  const wrong = (entries: [string, unknown][]) => entries.map(([k, v]) => [`wrong type: ${k}`, v]);
  switch (type) {
    case 'integer':
    case 'number':
      return [
        ...Object.entries(NUMBERS),
        ...wrong([
          ['text', 'x'],
          ['lone surrogate', 'x\ud800'],
          ['null', null],
          ['array', [1]],
        ] as [string, unknown][]),
      ] as [string, unknown][];
    case 'boolean':
      return wrong([
        ['text', 'true'],
        ['number', 1],
        ['null', null],
      ]) as [string, unknown][];
    case 'object':
    case 'array':
      return [...Object.entries(TYPES), ['lone surrogate', 'x\ud800']];
    default:
      return [
        ...Object.entries(TEXT),
        ...(schema?.format === 'date-time'
          ? Object.entries(DATES)
          : [['a date in year 0', DATES['year 0']]]),
        ...wrong([
          ['int4 max + 1', 2147483648],
          ['null', null],
          ['object', { a: 'x\ud800' }],
        ] as [string, unknown][]),
      ] as [string, unknown][];
  }
}
/** Raw percent-encodings that decode to nothing valid. */
const RAW_PARAM_VALUES: [string, string][] = [
  ['encoded surrogate (CESU-8)', 'x%ED%A0%80y'],
  ['invalid UTF-8', '%C3%28'],
  ['broken escape', '%E4%B8'],
  ['lone percent', '%'],
  ['encoded NUL', '%00'],
];

/** Values for a path or query parameter, by its type, as percent-encoded text. */
function paramValuesFor(schema: Schema): [string, string][] {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const pick = (from: Record<string, unknown>, keys: string[]) =>
    keys.map((k) => [k, String(from[k])] as [string, string]);
  const few: [string, string][] = [
    ...pick(TEXT, ['lone high surrogate', 'NUL']),
    ['oversized (5k)', '长'.repeat(5000)],
    ['int4 max + 1', '2147483648'],
    ['year 0', DATES['year 0']!],
  ];
  let values: [string, string][];
  if (type === 'integer' || type === 'number')
    values = [
      ...Object.entries(NUMBERS).map(([k, v]) => [k, String(v)] as [string, string]),
      ['2^64', '18446744073709551616'],
      ['exponent', '1e3'],
      ['hex', '0x10'],
      ['text', 'x'],
      ...pick(TEXT, ['lone high surrogate', 'NUL', 'empty']),
    ];
  else if (schema.format === 'date-time')
    values = [...Object.entries(DATES), ...pick(TEXT, ['lone high surrogate', 'NUL'])];
  else if (schema.format === 'uuid' || schema.enum) values = few;
  else
    values = [
      ...Object.entries(TEXT).filter(([k]) => !k.startsWith('oversized')),
      ['oversized (5k)', '长'.repeat(5000)],
      ['int4 max + 1', '2147483648'],
      ['year 0', DATES['year 0']!],
      ['dot-dot', '..'],
      ['slash', 'a/b'],
    ];
  return [...values.map(([k, v]) => [k, enc(v)] as [string, string]), ...RAW_PARAM_VALUES];
}

/** Percent-encodes text as WTF-8, so that a lone surrogate gets through (encodeURIComponent throws). */
function enc(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(s[i]!);
  }
  return out;
}

// ---- request bodies from the document's schemas ----------------------------------------------

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  oneOf?: Schema[];
  anyOf?: Schema[];
  default?: unknown;
}
interface Parameter {
  in: 'path' | 'query';
  name: string;
  schema: Schema;
}
interface Operation {
  operationId: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
  /** Takes a file (multipart/form-data), as its summary says. */
  uploads: boolean;
}

/** Draft data the form accepts, one field of the 申报书 and one of 附件4 (the sweep edits them). */
const sampleData = (op: string) =>
  op === 'saveFollowUpReport'
    ? { promotion: { newCustomers: 1, description: '推广情况' } }
    : { solution: { name: '边界测试方案', summary: '方案简介' } };

/** A plausible value for a schema: known names get real ids, the rest the simplest valid-looking. */
function sample(s: Schema, name: string, op = ''): unknown {
  if (name === 'campaignId') return ids.campaign;
  if (name === 'channelUnitId') return ids.recommenderUnit;
  if (name === 'data') return sampleData(op);
  if (s.default !== undefined) return s.default;
  if (s.enum) return s.enum[0];
  const alt = s.oneOf ?? s.anyOf;
  if (alt?.length) return sample(alt[0]!, name, op);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v, k, op)]),
      );
    case 'array':
      return s.items ? [sample(s.items, name, op)] : [];
    case 'integer':
    case 'number':
      return Math.min(Math.max(s.minimum ?? 1, 1), s.maximum ?? Infinity);
    case 'boolean':
      return false;
    case 'string':
      if (s.format === 'uuid') return NO_SUCH_ID;
      if (s.format === 'date-time') return '2026-11-20T00:00:00+08:00';
      if (s.format === 'date') return '2026-11-20';
      if (s.format === 'email') return 'edge@test.zhengxuan.invalid';
      if (s.pattern === '^\\d{6}$') return '110000';
      return 'edge-case'.padEnd(s.minLength ?? 0, 'x');
    default:
      return {};
  }
}

/** The fields of a body with their schemas, two levels into objects (and into draft data). */
function leaves(
  schema: Schema,
  prefix: string[] = [],
  depth = 0,
): [string[], Schema | undefined][] {
  const out: [string[], Schema | undefined][] = prefix.length ? [[prefix, schema]] : [];
  if (prefix.at(-1) === 'data' && !schema.properties) {
    // draft data: a text field of the application, a number of 附件4, and the whole record
    out.push([[...prefix, 'solution', 'summary'], { type: 'string' }]);
    out.push([[...prefix, 'promotion', 'description'], { type: 'string' }]);
    out.push([[...prefix, 'promotion', 'newCustomers'], { type: 'integer' }]);
    return out;
  }
  if (depth >= 2) return out;
  for (const [k, v] of Object.entries(schema.properties ?? {}))
    out.push(...leaves(v, [...prefix, k], depth + 1));
  return out;
}

function withValue(body: unknown, at: string[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  let cur = copy;
  for (const k of at.slice(0, -1)) {
    if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[at.at(-1)!] = value;
  return copy;
}

/** The real value for a path parameter of an operation: an id of something that exists. */
function pathValue(op: Operation, name: string): string {
  const p = op.path;
  switch (name) {
    case 'idOrCode':
      return ids.campaign;
    case 'unitId':
      return ids.recommenderUnit;
    case 'awardId':
      return ids.award;
    case 'attachmentId':
      return ids.attachment;
    case 'versionNo':
      return '1';
    case 'code':
      return ids.code;
  }
  if (p.startsWith('/api/v1/users/')) return ids.user;
  if (p.startsWith('/api/v1/recommender-units/')) return ids.unit;
  if (p.startsWith('/api/v1/enterprises/')) return ids.enterprise;
  if (p.startsWith('/api/v1/findings/')) return NO_SUCH_ID;
  if (p.endsWith('/return')) return ids.toReturn;
  if (p.endsWith('/reject')) return ids.toReject;
  if (p.endsWith('/recommend') || p.endsWith('/unrecommend')) return ids.toRecommend;
  if (p.includes('/versions/')) return ids.submitted;
  if (op.operationId === 'deleteApplicationDraft') return ids.toDelete;
  return ids.draft;
}

function urlOf(op: Operation, override: Record<string, string> = {}, search = ''): string {
  const p = op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    name in override ? override[name]! : enc(pathValue(op, name)),
  );
  return search ? `${p}?${search}` : p;
}

/** The version a save must name, read fresh so that edge cases reach the write. */
async function currentVersions(op: Operation): Promise<Record<string, unknown>> {
  if (op.operationId === 'saveApplicationDraft' || op.operationId === 'submitApplication') {
    const res = await clients.organizer.get(`/api/v1/applications/${ids.draft}`);
    const v = res.body.application.draftVersion;
    return op.operationId === 'submitApplication' ? { draftVersion: v } : { baseVersion: v };
  }
  if (op.operationId === 'saveFollowUpReport') {
    const res = await clients.organizer.get(
      `/api/v1/follow-up-reports/${ids.award}?campaignId=${ids.campaign}`,
    );
    return { draftVersion: res.body.report?.draftVersion ?? 0 };
  }
  return {};
}

// ---- the probes -----------------------------------------------------------------------------

interface Probe {
  what: string;
  method: string;
  url: string;
  payload?: string | Buffer;
  headers?: Record<string, string>;
  /** Builds the JSON body just before sending (for versions that must be current). */
  body?: () => Promise<unknown>;
}

function multipart(
  parts: { name: string; filename?: string | Buffer; value: Buffer | string }[],
  boundary = 'zxEdgeBoundary',
) {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const fn =
      p.filename === undefined
        ? ''
        : Buffer.concat([Buffer.from('; filename="'), Buffer.from(p.filename), Buffer.from('"')]);
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`),
      Buffer.from(fn),
      Buffer.from(
        p.filename === undefined
          ? '\r\n\r\n'
          : '\r\nContent-Type: application/octet-stream\r\n\r\n',
      ),
      Buffer.from(p.value),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const MP = 'multipart/form-data; boundary=zxEdgeBoundary';
const JSON_TYPE = { 'content-type': 'application/json' };

function multipartProbes(op: Operation): Probe[] {
  const url = urlOf(op);
  const png = makePng();
  const file = (filename: string | Buffer, value: Buffer = png) => ({
    name: 'file',
    filename,
    value,
  });
  const cases: [string, Buffer | string, string][] = [
    ['multipart without a boundary', 'x', 'multipart/form-data'],
    ['multipart with an empty boundary', 'x', 'multipart/form-data; boundary='],
    ['multipart, body not multipart', '{"a":1}', MP],
    ['multipart, truncated', multipart([file('图.png')]).subarray(0, 120), MP],
    ['multipart, no parts', '--zxEdgeBoundary--\r\n', MP],
    ['multipart, file name with NUL', multipart([file('图\u0000.png')]), MP],
    [
      'multipart, file name with an encoded surrogate',
      multipart([file(Buffer.from([0x78, 0xed, 0xa0, 0x80, 0x2e, 0x70, 0x6e, 0x67]))]),
      MP,
    ],
    ['multipart, file name with invalid UTF-8', multipart([file(Buffer.from([0xc3, 0x28]))]), MP],
    ['multipart, file name of RTL and emoji', multipart([file('\u202egnp.😀.png')]), MP],
    ['multipart, file name of 5000 characters', multipart([file('长'.repeat(5000) + '.png')]), MP],
    ['multipart, empty file name', multipart([file('')]), MP],
    ['multipart, empty file', multipart([file('空.png', Buffer.alloc(0))]), MP],
    ['multipart, a PDF', multipart([file('扫描件.pdf', PDF)]), MP],
    [
      'multipart, a text field with NUL and a surrogate before the file',
      multipart([{ name: 'note', value: 'x\u0000\ud800y' }, file('图.png')]),
      MP,
    ],
    [
      'multipart, two files',
      multipart([file('一.png'), { name: 'file2', filename: '二.png', value: png }]),
      MP,
    ],
    ['multipart, the file under another name', multipart([{ ...file('图.png'), name: 'x' }]), MP],
    [
      'multipart, six text fields',
      multipart(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}`, value: 'v' }))),
      MP,
    ],
  ];
  const upload = op.uploads;
  return cases.slice(0, upload ? cases.length : 3).map(([what, payload, type]) => ({
    what,
    method: op.method,
    url,
    payload,
    headers: { 'content-type': type },
  }));
}

function rawBodyProbes(op: Operation): Probe[] {
  const url = urlOf(op);
  const deep = '['.repeat(5000) + ']'.repeat(5000);
  const cases: [string, string | Buffer, Record<string, string>][] = [
    ['malformed JSON', '{"a":', JSON_TYPE],
    ['JSON null', 'null', JSON_TYPE],
    ['JSON array', '[]', JSON_TYPE],
    ['JSON string', '"x\\ud800"', JSON_TYPE],
    ['JSON number beyond double', '1e999', JSON_TYPE],
    ['empty body as JSON', '', JSON_TYPE],
    ['deeply nested JSON', deep, JSON_TYPE],
    [
      '__proto__ key',
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}',
      JSON_TYPE,
    ],
    ['key with a lone surrogate', '{"\\ud800":1,"a\\u0000":2}', JSON_TYPE],
    ['JSON with a BOM', '\ufeff{}', JSON_TYPE],
    [
      'invalid UTF-8 in JSON',
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
      JSON_TYPE,
    ],
    ['body over 1 MB', JSON.stringify({ x: 'a'.repeat(1_100_000) }), JSON_TYPE],
    ['body over 4 MB', JSON.stringify({ x: 'a'.repeat(4_300_000) }), JSON_TYPE],
    ['text/plain body', 'hello', { 'content-type': 'text/plain' }],
    ['unknown content type', '<a/>', { 'content-type': 'application/xml' }],
    [
      'form-urlencoded body',
      'a=1&b=%ED%A0%80',
      { 'content-type': 'application/x-www-form-urlencoded' },
    ],
    ['charset latin1 JSON', '{}', { 'content-type': 'application/json; charset=latin1' }],
  ];
  return cases.map(([what, payload, headers]) => ({
    what,
    method: op.method,
    url,
    payload,
    headers,
  }));
}

function fieldProbes(op: Operation): Probe[] {
  if (!op.body) return [];
  const base = sample(op.body, '', op.operationId);
  const out: Probe[] = [
    {
      what: 'a plausible body',
      method: op.method,
      url: urlOf(op),
      body: async () => ({ ...(base as object), ...(await currentVersions(op)) }),
    },
  ];
  for (const [at, schema] of leaves(op.body)) {
    for (const [what, value] of valuesFor(schema)) {
      out.push({
        what: `${at.join('.')} = ${what}`,
        method: op.method,
        url: urlOf(op),
        body: async () => {
          const versions = await currentVersions(op);
          const current = { ...(base as object), ...versions };
          // the version fields themselves get the edge case
          return withValue(current, at, value);
        },
      });
    }
  }
  return out;
}

function paramProbes(op: Operation): Probe[] {
  const out: Probe[] = [];
  const body = op.body
    ? async () => ({
        ...(sample(op.body!, '', op.operationId) as object),
        ...(await currentVersions(op)),
      })
    : undefined;
  const extra = body ? {} : UNSAFE.has(op.method) ? { payload: '{}', headers: JSON_TYPE } : {};
  for (const p of op.parameters) {
    for (const [what, encoded] of paramValuesFor(p.schema)) {
      const url =
        p.in === 'path' ? urlOf(op, { [p.name]: encoded }) : urlOf(op, {}, `${p.name}=${encoded}`);
      out.push({ what: `${p.in} ${p.name} = ${what}`, method: op.method, url, body, ...extra });
    }
    if (p.in === 'query')
      out.push({
        what: `query ${p.name} twice`,
        method: op.method,
        url: urlOf(op, {}, `${p.name}=a&${p.name}=b`),
        body,
        ...extra,
      });
  }
  return out;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function probesOf(op: Operation): Probe[] {
  const plain: Probe = {
    what: 'no body, no parameters changed',
    method: op.method,
    url: urlOf(op),
  };
  return [
    plain,
    ...paramProbes(op),
    ...(UNSAFE.has(op.method)
      ? [...fieldProbes(op), ...rawBodyProbes(op), ...multipartProbes(op)]
      : []),
  ];
}

// ---- running --------------------------------------------------------------------------------

let ipSerial = 0;
async function send(identity: Identity, probe: Probe) {
  const c = clients[identity];
  const n = ipSerial++;
  const payload = probe.body ? JSON.stringify(await probe.body()) : probe.payload;
  const headers = {
    ...(probe.body ? JSON_TYPE : {}),
    ...probe.headers,
    ...(c.cookie ? { cookie: c.cookie } : {}),
    ...(c.csrf ? { 'x-csrf-token': c.csrf } : {}),
  };
  const res = await t.app.inject({
    method: probe.method as InjectOptions['method'],
    url: probe.url,
    payload,
    headers,
    // a new address per request: the per-IP rate limits would otherwise answer for the handler
    remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
  });
  return res;
}

/**
 * Whether an anonymous caller's answer depends on who calls: a success, or a refusal for want of a
 * session or role. Anything else (malformed input, a missing campaign, a wrong password) was
 * answered from the input alone.
 */
function dependsOnCaller(res: { statusCode: number }): boolean {
  return res.statusCode < 300 || res.statusCode === 401 || res.statusCode === 403;
}

function operationsOf(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }) {
  const ops: Operation[] = [];
  for (const [p, methods] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      const content = (op.requestBody as { content?: Record<string, { schema: Schema }> })?.content;
      ops.push({
        operationId: op.operationId as string,
        method: m.toUpperCase(),
        path: p,
        parameters: (op.parameters as Parameter[] | undefined) ?? [],
        body: content?.['application/json']?.schema,
        uploads: /multipart/i.test(String(op.summary ?? '')),
      });
    }
  }
  // signing out ends the caller's session: last
  return ops.sort(
    (a, b) => Number(a.operationId === 'signOut') - Number(b.operationId === 'signOut'),
  );
}

/** Files in the storage folder that no row refers to (the print cache aside). */
async function strayFiles(): Promise<string[]> {
  const rows = await query<{ k: string }>(
    t,
    'select storage_key as k from attachments union all select storage_key from documents',
  );
  const known = new Set(rows.map((r) => r.k));
  const files = (fs.readdirSync(t.filesDir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(t.filesDir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'));
  // cached prints and audit checkpoints have no row by design
  return files.filter(
    (f) => !f.startsWith('prints/') && !f.startsWith('audit-checkpoints/') && !known.has(f),
  );
}

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
  clients.anonymous = new Client(t.app, '10.250.0.1');
  for (const who of ['enterprise', 'recommender', 'organizer'] as const)
    clients[who] = await signedIn(t.app, LOGINS[who]);
  const org = clients.organizer;
  const ent = clients.enterprise;
  const campaigns = (await org.get('/api/v1/campaigns')).body.items as {
    id: string;
    isDemo: boolean;
  }[];
  ids.campaign = campaigns.find((c) => c.isDemo)!.id;
  ids.enterprise = (await ent.get('/api/v1/me')).body.enterprise.id;
  ids.recommenderUnit = (await clients.recommender.get('/api/v1/me')).body.recommenderUnit.id;
  ids.unit = (
    await org.post('/api/v1/recommender-units', { name: '边界测试协会', type: 'association' })
  ).body.id;
  ids.user = (
    await org.post('/api/v1/users', {
      role: 'expert',
      login: 'edge-expert',
      name: '边界专家',
      email: 'edge-expert@test.zhengxuan.invalid',
    })
  ).body.user.id;
  ids.submitted = await submittedApplication(ent, ids.campaign);
  ids.toReturn = await submittedApplication(ent, ids.campaign);
  ids.toReject = await submittedApplication(ent, ids.campaign);
  ids.toRecommend = await submittedApplication(ent, ids.campaign);
  const versions = await ent.get(`/api/v1/applications/${ids.submitted}`);
  ids.code = versions.body.versions[0].verificationCode;
  const draft = await ent.post('/api/v1/applications', { campaignId: ids.campaign });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  ids.draft = draft.body.id;
  ids.toDelete = (await ent.post('/api/v1/applications', { campaignId: ids.campaign })).body.id;
  const png = await upload(ent, ids.draft, '图.png', makePng());
  expect(png.status, JSON.stringify(png.body)).toBe(201);
  ids.attachment = png.body.id;
  ids.award = (
    await org.get(`/api/v1/awards?q=${DEMO_ENTERPRISE_USCC}&year=2020`)
  ).body.items[0].id;
}, 120_000);
afterAll(() => t.close());

describe('the 5xx the probe found (issue 10, item 1)', () => {
  const lone = 'x\ud800y';

  test('a lone surrogate anywhere is refused with 400 naming the field; nothing is written', async () => {
    const ent = clients.enterprise;
    const before = (await ent.get(`/api/v1/applications/${ids.draft}`)).body.application;
    const save = await ent.request('PUT', `/api/v1/applications/${ids.draft}/draft`, {
      baseVersion: before.draftVersion,
      data: { solution: { name: '方案', summary: lone } },
    });
    expect(save.status, JSON.stringify(save.body)).toBe(400);
    expect(save.body.error.code).toBe('VALIDATION_FAILED');
    expect(save.body.error.message).toContain('“data.solution.summary”');
    expect(save.body.error.details).toEqual([
      { path: 'data.solution.summary', message: expect.stringContaining('代理项') },
    ]);
    const after = (await ent.get(`/api/v1/applications/${ids.draft}`)).body.application;
    expect(after.draftVersion).toBe(before.draftVersion);

    const rec = clients.recommender;
    const returned = await rec.post(`/api/v1/applications/${ids.toReturn}/return`, {
      comment: `请补充${lone}`,
    });
    expect(returned.status).toBe(400);
    expect(returned.body.error.details[0].path).toBe('comment');
    const rejected = await rec.post(`/api/v1/applications/${ids.toReject}/reject`, {
      reason: `不符合${lone}`,
    });
    expect(rejected.status).toBe(400);
    expect(rejected.body.error.details[0].path).toBe('reason');
    for (const id of [ids.toReturn, ids.toReject])
      expect((await rec.get(`/api/v1/applications/${id}`)).body.application.state).toBe(
        'submitted',
      );

    const renamed = await clients.organizer.patch(`/api/v1/users/${ids.user}`, {
      name: `专家${lone}`,
    });
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.details[0].path).toBe('name');

    const report = await clients.organizer.get(
      `/api/v1/follow-up-reports/${ids.award}?campaignId=${ids.campaign}`,
    );
    const followUp = await ent.request('PUT', `/api/v1/follow-up-reports/${ids.award}`, {
      campaignId: ids.campaign,
      draftVersion: report.body.report?.draftVersion ?? 0,
      data: { promotion: { note: lone } },
    });
    expect(followUp.status).toBe(400);
    expect(followUp.body.error.details[0].path).toBe('data.promotion.note');

    // in a query string (sent as WTF-8) it would otherwise turn into U+FFFD
    const listed = await clients.organizer.get(`/api/v1/users?q=x%ED%A0%80y`);
    expect(listed.status).toBe(400);
    expect(listed.body.error.message).toContain('UTF-8');
    const search = await clients.organizer.get(`/api/v1/users?q=${enc(lone)}`);
    expect(search.status).toBe(400);

    // a key of draft data too
    const key = await ent.request('PUT', `/api/v1/applications/${ids.draft}/draft`, {
      baseVersion: before.draftVersion,
      data: { [`a${lone}`]: 1 },
    });
    expect(key.status).toBe(400);
  });

  test('integers beyond int4 are refused with 400', async () => {
    const ent = clients.enterprise;
    for (const suffix of ['', '/pdf', '/docx']) {
      const res = await ent.get(
        `/api/v1/applications/${ids.submitted}/versions/2147483648${suffix}`,
      );
      expect(res.status, suffix).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const save = await ent.request('PUT', `/api/v1/applications/${ids.draft}/draft`, {
      baseVersion: 2147483648,
      data: {},
    });
    expect(save.status).toBe(400);
    const submit = await ent.post(`/api/v1/applications/${ids.draft}/submit`, {
      draftVersion: 2147483648,
    });
    expect(submit.status).toBe(400);
    const followUp = await ent.request('PUT', `/api/v1/follow-up-reports/${ids.award}`, {
      campaignId: ids.campaign,
      draftVersion: 2147483648,
      data: {},
    });
    expect(followUp.status).toBe(400);
  });

  test('dates outside what the database holds are refused with 400', async () => {
    for (const q of [
      'from=0000-01-01T00:00:00Z',
      'to=0000-01-01T00:00:00Z',
      'from=%2B275760-09-13T00:00:00Z',
      'to=9999-12-31T23:59:59Z&from=1899-12-31T00:00:00Z',
    ]) {
      const res = await clients.organizer.get(`/api/v1/audit-events?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect(
      (await clients.organizer.get('/api/v1/audit-events?from=2026-01-01T00:00:00Z')).status,
    ).toBe(200);
    const copy = await clients.organizer.post(`/api/v1/campaigns/${ids.campaign}/copy`, {
      code: 'edge-year-zero',
      year: 2027,
      title: '边界测试活动',
      opensAt: '0000-01-01T00:00:00Z',
      onlineDeadline: '2027-10-20T23:59:59+08:00',
      paperDeadline: '2027-10-20T23:59:59+08:00',
    });
    expect(copy.status).toBe(400);
    expect(copy.body.error.details[0].path).toBe('opensAt');
  });

  test('bad multipart: 400 on every upload route, and no file stays in storage', async () => {
    const uploads: [Client, string][] = [
      [clients.enterprise, `/api/v1/applications/${ids.draft}/attachments`],
      [
        clients.recommender,
        `/api/v1/campaigns/${ids.campaign}/units/${ids.recommenderUnit}/batch/stamped-scan`,
      ],
      [clients.organizer, '/api/v1/awards/import'],
    ];
    const attachments = await query(t, 'select count(*)::int as n from attachments');
    for (const [c, url] of uploads) {
      const res = await c.request('POST', url, 'x', { 'content-type': 'multipart/form-data' });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
      const nul = await postFile(c, url, '扫描\u0000件.png', makePng());
      expect(nul.status, url).toBe(400);
      expect(nul.body.error.code).toBe('FILE_REJECTED');
      expect(nul.body.error.message).toContain('文件名');
    }
    expect(await query(t, 'select count(*)::int as n from attachments')).toEqual(attachments);
    expect(await strayFiles()).toEqual([]);
  });
});

describe('bad input, everywhere', () => {
  test('no operation answers any bad input with a 5xx; nothing is left half-written', async () => {
    const started = Date.now();
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(60);
    const counts = { operations: ops.length, requests: 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
    const failures: string[] = [];
    const slow: [number, string][] = [];
    for (const op of ops) {
      const opStarted = Date.now();
      const probes = probesOf(op);
      if (process.env.BAD_INPUT_DRY) {
        counts.requests += probes.length;
        continue;
      }
      let turn = 0;
      for (const probe of probes) {
        // Anonymous first. Answered from the input alone (malformed, wrongly typed, naming nothing
        // that exists), one signed-in caller, in turn, confirms it; anything that got as far as
        // asking who calls is sent as every signed-in caller.
        const first = await send('anonymous', probe);
        const signedInCallers = IDENTITIES.slice(1);
        const callers = dependsOnCaller(first)
          ? signedInCallers
          : [signedInCallers[turn++ % signedInCallers.length]!];
        for (const identity of ['anonymous' as const, ...callers]) {
          const res = identity === 'anonymous' ? first : await send(identity, probe);
          counts.requests++;
          const cls = `${Math.floor(res.statusCode / 100)}xx` as keyof typeof counts;
          counts[cls] = (counts[cls] ?? 0) + 1;
          if (res.statusCode >= 500)
            failures.push(
              `${op.operationId} (${op.method} ${op.path}) as ${identity}, ${probe.what}: ` +
                `${res.statusCode} ${res.body.slice(0, 160)}`,
            );
        }
      }
      slow.push([Date.now() - opStarted, `${op.operationId} (${probes.length} probes)`]);
      if (process.env.BAD_INPUT_PROFILE)
        process.stderr.write(
          `${slow.at(-1)![0]} ms ${slow.at(-1)![1]}, ${counts.requests} so far\n`,
        );
    }
    if (process.env.BAD_INPUT_PROFILE)
      console.log(
        slow
          .sort((a, b) => b[0] - a[0])
          .slice(0, 15)
          .map(([ms, what]) => `${ms} ms ${what}`)
          .join('\n'),
      );
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    const summary = `bad-input sweep (${testDbKind}): ${counts.operations} operations, ${counts.requests} requests, ${counts['2xx']} 2xx, ${counts['4xx']} 4xx, ${counts['5xx']} 5xx in ${seconds}s`;
    console.log(summary);
    fs.mkdirSync('test-results', { recursive: true });
    fs.writeFileSync(
      `test-results/bad-input-${testDbKind}.json`,
      JSON.stringify({ ...counts, seconds, failures }, null, 2),
    );
    expect(failures, `${failures.length} 5xx answers:\n${failures.join('\n')}`).toEqual([]);
    expect(await strayFiles(), 'stored files without a row').toEqual([]);
  }, 600_000);
});
