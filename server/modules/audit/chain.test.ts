import { expect, test } from 'vitest';
import { auditHash, canonicalJson, GENESIS_HASH, type ChainedFields } from './chain';

test('canonicalJson does not depend on key order, at any depth', () => {
  const a = { b: 1, a: { y: [1, { q: 1, p: 2 }], x: null }, c: '统一' };
  const b = { c: '统一', a: { x: null, y: [1, { p: 2, q: 1 }] }, b: 1 };
  expect(canonicalJson(a)).toBe(canonicalJson(b));
  expect(canonicalJson(a)).toBe('{"a":{"x":null,"y":[1,{"p":2,"q":1}]},"b":1,"c":"统一"}');
});

test('canonicalJson: array order matters, undefined keys vanish as they do in jsonb', () => {
  expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
});

test('canonicalJson of a value equals that of its JSON round trip (what jsonb gives back)', () => {
  const summary = {
    after: { lockedUntil: new Date('2026-11-01T01:00:00Z'), locked: true, n: 1.5 },
    note: 'x',
  };
  expect(canonicalJson(summary)).toBe(canonicalJson(JSON.parse(JSON.stringify(summary))));
});

const row: ChainedFields = {
  at: new Date('2026-11-01T01:00:00.123Z'),
  actorId: null,
  actorRole: 'anonymous',
  actorLabel: '91110108MA01XK2Q8K',
  action: 'enterprise.register',
  targetType: 'enterprise',
  targetId: 'e1',
  summary: { after: { name: '甲', uscc: '91110108MA01XK2Q8K' } },
  ip: '127.0.0.1',
  prevHash: GENESIS_HASH,
};

test('auditHash changes with any field, not with summary key order', () => {
  const h = auditHash(row);
  expect(h).toMatch(/^[0-9a-f]{64}$/);
  expect(
    auditHash({ ...row, summary: { after: { uscc: '91110108MA01XK2Q8K', name: '甲' } } }),
  ).toBe(h);
  expect(
    auditHash({ ...row, summary: { after: { name: '乙', uscc: '91110108MA01XK2Q8K' } } }),
  ).not.toBe(h);
  expect(auditHash({ ...row, at: new Date(row.at.getTime() + 1) })).not.toBe(h);
  expect(auditHash({ ...row, prevHash: h })).not.toBe(h);
  expect(auditHash({ ...row, ip: null })).not.toBe(h);
});
