// Every action code the code base writes to the audit log has a Chinese name (the audit page and
// the 处理记录 show it). recordAudit's type already refuses an unnamed code; this reads the sources
// too, so a code that reached the log some other way would still be caught.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_TARGETS } from '../../../domain/audit-actions';

const root = path.resolve(__dirname, '../..');
const sources = (readdirSync(root, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(path.join(root, f), 'utf8'));

/** The argument of each recordAudit(…) call and each `audit: { action … }`, as text. */
function auditCalls(): string[] {
  const calls: string[] = [];
  for (const text of sources) {
    for (const m of text.matchAll(/recordAudit\(|audit: \{ action/g)) {
      calls.push(text.slice(m.index, m.index + 1200).split(/\n\s*\}\);/)[0]!);
    }
  }
  return calls;
}

test('every action code written to the log has a Chinese name', () => {
  const calls = auditCalls();
  expect(calls.length).toBeGreaterThan(25);
  const written = new Set<string>();
  for (const call of calls) {
    const action =
      /action:\s*([\s\S]*?)(?:,\s*\n\s*(?:targetType|after|before|note)\b|\n\s*\})/.exec(call)?.[1];
    if (!action || action === 'audit.action' || action === 'event.action') continue;
    for (const lit of action.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) written.add(lit[1]!);
    // `application.${decision.kind}`: its kinds are checked by recordAudit's type
    for (const tpl of action.matchAll(/`([a-z_]+)\.\$\{/g)) written.add(`${tpl[1]}.*`);
  }
  // the callers of the campaigns' shared helper
  for (const text of sources)
    for (const m of text.matchAll(/action: copiedFromId \? '([a-z_.]+)' : '([a-z_.]+)'/g))
      written.add(m[1]!).add(m[2]!);
  const named = Object.keys(AUDIT_ACTIONS);
  for (const code of written) {
    if (code.endsWith('.*')) {
      expect(
        named.some((n) => n.startsWith(code.slice(0, -1))),
        code,
      ).toBe(true);
    } else {
      expect(named, `${code} has no name in domain/audit-actions.ts`).toContain(code);
    }
  }
  expect(written.size).toBeGreaterThan(30);
});

test('names are Chinese and tell actions apart', () => {
  const zh = Object.values(AUDIT_ACTIONS).map((l) => l.zh);
  for (const name of zh) expect(name).toMatch(/[\u4e00-\u9fff]/);
  expect(new Set(zh).size).toBe(zh.length);
  for (const { zh: name } of Object.values(AUDIT_TARGETS)) expect(name).toMatch(/[\u4e00-\u9fff]/);
});

test('every target type written to the log has a name', () => {
  const types = new Set<string>();
  for (const text of sources)
    for (const m of text.matchAll(/targetType: '([a-z_]+)'/g)) types.add(m[1]!);
  expect(types.size).toBeGreaterThan(5);
  for (const type of types) expect(Object.keys(AUDIT_TARGETS), type).toContain(type);
});
