// The built web app as the server sends it: hashed assets precompressed (brotli or gzip by the
// request's Accept-Encoding) and cached for a year; the page itself revalidated every time.
// A small fake web/dist of the test's own, not a real build.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness';

const JS = `export const greeting = '${'你好，征选 '.repeat(200)}';\n`;
const HTML = '<!doctype html><html><body><div id="root"></div></body></html>';
const IMMUTABLE = 'public, max-age=31536000, immutable';

let t: TestApp;
let dist: string;
beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), HTML);
  const js = path.join(dist, 'assets', 'app-Ab12Cd34.js');
  fs.writeFileSync(js, JS);
  fs.writeFileSync(`${js}.br`, zlib.brotliCompressSync(JS));
  fs.writeFileSync(`${js}.gz`, zlib.gzipSync(JS));
  // too small to be worth a compressed copy: the build leaves it without one
  fs.writeFileSync(path.join(dist, 'assets', 'tiny-Ef56Gh78.js'), 'export{};\n');
  t = await createTestApp({ demo: false, config: { webDist: dist } });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });

describe('hashed assets', () => {
  test('brotli when the browser accepts it (as browsers ask: gzip, deflate, br)', async () => {
    for (const ae of ['br', 'gzip, deflate, br', 'gzip, deflate, br, zstd']) {
      const res = await get('/assets/app-Ab12Cd34.js', ae);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(JS);
      expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(JS));
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
    }
  });

  test('gzip when only gzip is accepted', async () => {
    const res = await get('/assets/app-Ab12Cd34.js', 'gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(zlib.gunzipSync(res.rawPayload).toString()).toBe(JS);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
  });

  test('as is when no encoding is accepted, or none the build made', async () => {
    for (const ae of [undefined, 'identity', 'deflate']) {
      const res = await get('/assets/app-Ab12Cd34.js', ae);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body).toBe(JS);
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
    }
    const tiny = await get('/assets/tiny-Ef56Gh78.js', 'gzip, deflate, br');
    expect(tiny.statusCode).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body).toBe('export{};\n');
    expect(tiny.headers['cache-control']).toBe(IMMUTABLE);
  });

  test('a missing asset is a 404, not the page', async () => {
    const res = await get('/assets/gone-00000000.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('the page', () => {
  test('index.html is revalidated on every load, asked by name or by any page address', async () => {
    for (const url of ['/', '/index.html', '/login', '/admin/progress', '/verify/ABC123']) {
      const res = await get(url, 'gzip, deflate, br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body).toBe(HTML);
    }
  });

  test('the API does not fall back to the page', async () => {
    const res = await get('/api/v1/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
