// npm test: type-check, lint, unit and route tests (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), then the browser journeys. Ends with one line
// "total: N passed, N failed" over every suite.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

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

const vitestJson = path.resolve('test-results/vitest.json');
fs.rmSync(vitestJson, { force: true });
const unit = run('vitest', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const v = readJson(vitestJson);
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests + (unit.status !== 0 && v.numFailedTests === 0 ? 1 : 0);
  skipped += v.numPendingTests + v.numTodoTests;
  results.push(
    `vitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed (${unit.seconds}s)${process.env.TEST_DATABASE_URL ? '' : ' — PostgreSQL suite not run: set TEST_DATABASE_URL'}`,
  );
} else {
  failed++;
  results.push(`vitest: FAILED to run (${unit.seconds}s)`);
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
