import path from 'node:path';
import { defineConfig } from '@playwright/test';

// A port of this run's own (workers inherit it), so two runs on one machine do not collide.
process.env.E2E_PORT ??= String(20000 + (process.pid % 20000));
const PORT = Number(process.env.E2E_PORT);
// the loopback SMTP server of e2e/global-setup.ts, and where it leaves the messages it receives
process.env.E2E_SMTP_PORT ??= String(PORT + 1);
process.env.E2E_MAIL_DIR ??= path.resolve(`.tmp/e2e-mail-${PORT}`);
// how far the server's clock is moved forward, in ms (e2e/clock-offset.mjs; e2e/helpers.ts)
process.env.E2E_CLOCK_FILE ??= path.resolve(`.tmp/e2e-clock-${PORT}`);
// A fresh embedded database per run; ones left by runs over an hour old are removed.
const dataDir = `.tmp/e2e-data-${Date.now()}`;

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  outputDir: 'test-results/artifacts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // The journeys sign in as dozens of people, all from 127.0.0.1: the per-address limit on
  // sign-ins (30 a minute by default, which a whole office behind one address shares) is raised.
  webServer: {
    command: `mkdir -p .tmp && find .tmp -maxdepth 1 \\( -name 'e2e-data-*' -o -name 'e2e-mail-*' -o -name 'e2e-clock-*' \\) -mmin +60 -exec rm -rf {} + ; npm run build --silent && node scripts/build-server.mjs && DATA_DIR=${dataDir} PORT=${PORT} SMTP_URL=smtp://127.0.0.1:${process.env.E2E_SMTP_PORT} PUBLIC_URL=http://127.0.0.1:${PORT} HOST=127.0.0.1 LOG_LEVEL=warn SIGN_IN_RATE_PER_MINUTE=300 E2E_CLOCK_FILE=${process.env.E2E_CLOCK_FILE} node --enable-source-maps --import ./e2e/clock-offset.mjs dist-server/main.js`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
