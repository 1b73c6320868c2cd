import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Route and unit tests of the server, and the tests of what lives in test/ (the duplicate evaluation set, the lint rules).
const serverTests = ['server/**/*.test.ts', 'test/**/*.test.ts'];
const databases = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export default defineConfig({
  test: {
    // PGlite is WASM and the machine has 2 cores: two files at a time.
    maxWorkers: 2,
    projects: [
      { test: { name: 'domain', include: ['domain/**/*.test.ts'], environment: 'node' } },
      ...databases.map((db) => ({
        test: {
          name: `server-${db}`,
          include: serverTests,
          environment: 'node',
          env: { ZX_TEST_DB: db },
          globalSetup: ['test/harness/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
      {
        // as in web/vite.config.ts: the map package's require('echarts') gets the tree-shaken core
        resolve: {
          alias: [
            {
              find: /^echarts$/,
              replacement: fileURLToPath(
                new URL('./web/features/statistics/echarts-shim.ts', import.meta.url),
              ),
            },
          ],
        },
        test: {
          name: 'web',
          include: ['web/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          // antd in jsdom is slow on a loaded 2-core machine; this bounds a hang, it is not a speed target
          testTimeout: 30_000,
          setupFiles: ['test/web/setup.ts'],
        },
      },
    ],
  },
});
