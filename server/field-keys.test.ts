// Readers use an application's facts, never a field key of a particular form: outside the form
// declarations, their templates and tests, no production code reaches into application data by a
// key of the 2021 申报书 (data.solution…, 'applicant.uscc', ->'solution'->>'category', …).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { MIIT_2021_FORM } from '../domain/forms/miit-2021-form';
import { fieldsOf } from '../domain/form';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCES = ['domain', 'server', 'web'];
/** Where the 2021 keys belong: the declaration itself (and its facts bindings). */
const ALLOWED = [/^domain\/forms\//];
/** Tests and their fixtures build 2021 data on purpose. */
const TEST_FILE = /(\.test\.tsx?|^fixtures\.ts|^sample\.ts|^test-support\.ts)$/;

function productionFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, e.name);
      if (e.isDirectory()) {
        if (!['node_modules', 'dist', 'test', 'eval'].includes(e.name)) walk(rel);
      } else if (/\.(ts|tsx)$/.test(e.name) && !TEST_FILE.test(e.name)) out.push(rel);
    }
  };
  SOURCES.forEach(walk);
  return out.filter((f) => !ALLOWED.some((re) => re.test(f)));
}

const sections = MIIT_2021_FORM.sections.map((s) => s.key);
// 'text' and 'ip' are common words: only a bare data/values object reaching into them counts
const distinctive = sections.filter((k) => !['text', 'ip'].includes(k));
const paths = fieldsOf(MIIT_2021_FORM).map((f) => f.path);
const alt = (xs: string[]) => xs.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/** The ways code reaches into application data by a key. */
const PATTERNS: { what: string; re: RegExp }[] = [
  { what: 'a dotted field path', re: new RegExp(`['"\`](${alt(paths)})(\\.|['"\`])`) },
  {
    what: 'a section of the data',
    re: new RegExp(`\\b(data|values)\\??\\.(${alt(distinctive)})\\b`),
  },
  {
    what: 'a section of the data',
    re: new RegExp(`(?<![\\w.?])(data|values)\\??\\.(${alt(sections)})\\b`),
  },
  {
    what: 'a section by index',
    re: new RegExp(`\\b(data|values)\\[['"](${alt(sections)})['"]\\]`),
  },
  { what: 'a JSON path in SQL', re: new RegExp(`->>?'(${alt(sections)})'`) },
];

function offences(source: string) {
  const found: { line: number; what: string; text: string }[] = [];
  source.split('\n').forEach((text, i) => {
    if (/^\s*(\/\/|\/?\*)/.test(text)) return; // comments may name the 2021 form
    for (const p of PATTERNS)
      if (p.re.test(text)) found.push({ line: i + 1, what: p.what, text: text.trim() });
  });
  return found;
}

describe('no reader names a field key of the 2021 form', () => {
  test('the patterns catch the ways keys were read before facts', () => {
    for (const bad of [
      `const name = (data.solution as { name?: unknown })?.name;`,
      "sql`${applications.data}->'solution'->>'category' = ${c}`",
      `const u = values['applicant'];`,
      `path: 'apps.items'`,
      `data.text = texts;`,
    ])
      expect(offences(bad), bad).not.toEqual([]);
    for (const fine of [
      `const f = factsOf(form, data); f.solutionName`,
      "sql`${applications.facts}->>'category'`",
      `const text = factText(form, data);`,
      `<DuplicateEvidence text={findings.data.text} />`,
    ])
      expect(offences(fine), fine).toEqual([]);
  });

  test('production code reads facts, not keys', () => {
    const files = productionFiles();
    expect(files.length).toBeGreaterThan(100);
    const all = files.flatMap((f) =>
      offences(fs.readFileSync(path.join(ROOT, f), 'utf8')).map(
        (o) => `${f}:${o.line} ${o.what}: ${o.text}`,
      ),
    );
    expect(all).toEqual([]);
  });
});
