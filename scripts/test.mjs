// npm test: type-check, lint, unit and route tests (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), the unit and route tests again on Node 24 LTS, then the browser
// journeys. Ends with one line
// "total: N passed, N failed" over every suite.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { node24 } from './node24.mjs';

const CHROMIUM = '/usr/bin/chromium';
const results = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function run(name, cmd, args, env = {}) {
  console.log(`\n━━ ${name}: ${[cmd, ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { status: r.status ?? 1, seconds };
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function check(name, cmd, args) {
  const r = run(name, cmd, args);
  results.push(`${name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${r.seconds}s)`);
  if (r.status === 0) passed++;
  else failed++;
}

fs.mkdirSync('test-results', { recursive: true });
if (spawnSync('pdftotext', ['-v']).error) {
  console.log(
    '\n!!!!! PDF TEXT CHECKS SKIPPED: no pdftotext. Install it with: sudo apt-get install -y poppler-utils !!!!!',
  );
}

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('lint', 'npx', ['eslint', '.']);

/** Runs vitest with `node`, counts its tests into the totals under `name`. */
function vitest(name, node, projects, env = {}, note = '') {
  const json = path.resolve(`test-results/${name.replace(/\W+/g, '-')}.json`);
  fs.rmSync(json, { force: true });
  const r = run(
    name,
    node,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      ...projects.flatMap((p) => ['--project', p]),
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${json}`,
    ],
    env,
  );
  const v = readJson(json);
  if (v) {
    passed += v.numPassedTests;
    failed += v.numFailedTests + (r.status !== 0 && v.numFailedTests === 0 ? 1 : 0);
    skipped += v.numPendingTests + v.numTodoTests;
    results.push(
      `${name}: ${v.numPassedTests} passed, ${v.numFailedTests} failed (${r.seconds}s)${note}`,
    );
  } else {
    failed++;
    results.push(`${name}: FAILED to run (${r.seconds}s)`);
  }
}

// every project on this machine's Node (20.19 or later)
vitest(
  'vitest',
  process.execPath,
  [],
  {},
  process.env.TEST_DATABASE_URL ? '' : ' — PostgreSQL suite not run: set TEST_DATABASE_URL',
);

// Node 24 LTS, the production runtime: the unit, web and route suites (on the embedded
// database; the PostgreSQL route suite ran above and does not depend on the runtime's version)
const n24 = node24();
if (n24.error) {
  console.log(`\n!!!!! NODE 24 SUITES NOT RUN: ${n24.error} !!!!!`);
  failed++;
  results.push(`vitest on Node 24: NOT RUN (${n24.error})`);
} else {
  vitest('vitest on Node 24', n24.binary, ['domain', 'web', 'server-pglite'], {
    // a test that starts `node` by name gets the same runtime
    PATH: `${path.dirname(n24.binary)}${path.delimiter}${process.env.PATH}`,
  });
}

if (fs.existsSync(CHROMIUM)) {
  const pwJson = path.resolve('test-results/playwright.json');
  fs.rmSync(pwJson, { force: true });
  const e2e = run('playwright', 'npx', ['playwright', 'test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
  });
  const p = readJson(pwJson);
  if (p?.stats) {
    const ok = p.stats.expected + p.stats.flaky;
    passed += ok;
    failed += p.stats.unexpected + (e2e.status !== 0 && p.stats.unexpected === 0 ? 1 : 0);
    skipped += p.stats.skipped;
    results.push(`playwright: ${ok} passed, ${p.stats.unexpected} failed (${e2e.seconds}s)`);
  } else {
    failed++;
    results.push(`playwright: FAILED to run (${e2e.seconds}s)`);
  }
} else {
  console.log(
    `\n!!!!! BROWSER JOURNEYS NOT RUN: no Chromium at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium fonts-noto-cjk !!!!!`,
  );
  results.push('playwright: NOT RUN (no Chromium)');
}

console.log(`\n${results.join('\n')}`);
console.log(`total: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
