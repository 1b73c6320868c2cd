import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCESS_KEY, BUCKET, REGION, SECRET, fakeS3 } from '../../../test/fixtures/fake-s3';
import { localFileStorage } from './local-storage';
import { s3FileStorage } from './s3-storage';
import { FileNotFoundError, InvalidFileKeyError, type FileStorage } from './storage';

const BAD_KEYS = [
  '',
  '../escape.pdf',
  'a/../../escape.pdf',
  'a/./b.pdf',
  '/etc/passwd',
  'C:/Windows/x',
  'a\\b.pdf',
  'a//b.pdf',
  'a/b/',
  'nul\u0000.pdf',
];

/** The same behaviour from every implementation. */
function contract(name: string, make: () => FileStorage) {
  describe(`${name}: the FileStorage contract`, () => {
    it('puts, gets, overwrites and deletes', async () => {
      const s = make();
      const key = 'applications/1f0e2d3c/附件 1（架构图）.png';
      await s.put(key, Buffer.from('first'), 'image/png');
      expect((await s.get(key)).toString()).toBe('first');
      await s.put(key, Buffer.from('second, longer'), 'image/png');
      expect((await s.get(key)).toString()).toBe('second, longer');
      await s.delete(key);
      await expect(s.get(key)).rejects.toBeInstanceOf(FileNotFoundError);
    });

    it('lists the keys under a folder, at any depth, and nothing else', async () => {
      const s = make();
      const keys = ['ckpt/2026-11-01-3.json', 'ckpt/2026-11-02-5.json', 'ckpt/sub/草稿 1.json'];
      for (const k of [...keys, 'ckptx/other.json', 'elsewhere/a.json'])
        await s.put(k, Buffer.from(k), 'application/json');
      expect(await s.list('ckpt/')).toEqual(keys);
      expect(await s.list('never-written/')).toEqual([]);
      expect(await s.list('')).toEqual([...keys, 'ckptx/other.json', 'elsewhere/a.json'].sort());
    });

    it('keeps binary content exactly', async () => {
      const s = make();
      const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) & 255));
      await s.put('bin/all-bytes', bytes, 'application/octet-stream');
      expect((await s.get('bin/all-bytes')).equals(bytes)).toBe(true);
    });

    it('throws FileNotFoundError for a missing key; deleting a missing key is fine', async () => {
      const s = make();
      const err = await s.get('nothing/here.pdf').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FileNotFoundError);
      expect((err as FileNotFoundError).key).toBe('nothing/here.pdf');
      await expect(s.delete('nothing/here.pdf')).resolves.toBeUndefined();
    });

    it('is ready when it answers', async () => {
      await expect(make().ready()).resolves.toBeUndefined();
    });

    it("refuses keys with '..', absolute paths and other tricks", async () => {
      const s = make();
      for (const key of BAD_KEYS) {
        await expect(s.put(key, Buffer.from('x'), 'text/plain')).rejects.toBeInstanceOf(
          InvalidFileKeyError,
        );
        await expect(s.get(key)).rejects.toBeInstanceOf(InvalidFileKeyError);
        await expect(s.delete(key)).rejects.toBeInstanceOf(InvalidFileKeyError);
      }
    });
  });
}

// ---------------------------------------------------------------- local folder

describe('localFileStorage', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'zx-files-'));
    return () => rmSync(root, { recursive: true, force: true });
  });

  contract('local', () => localFileStorage(path.join(root, 'store')));

  it('is not ready when its root cannot be a folder', async () => {
    writeFileSync(path.join(root, 'a-file'), 'x');
    await expect(localFileStorage(path.join(root, 'a-file')).ready()).rejects.toThrow();
  });

  it('creates the folders, leaves no temporary files, and stays inside its root', async () => {
    const s = localFileStorage(path.join(root, 'store'));
    await s.put('a/b/c/d.pdf', Buffer.from('%PDF-1.7'), 'application/pdf');
    expect(existsSync(path.join(root, 'store/a/b/c/d.pdf'))).toBe(true);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        s.put('a/b/c/d.pdf', Buffer.alloc(10_000, i), 'application/pdf'),
      ),
    );
    const after = await s.get('a/b/c/d.pdf');
    expect(after.length).toBe(10_000);
    expect(new Set(after).size).toBe(1); // one whole write won, never a mix
    expect(readdirSync(path.join(root, 'store/a/b/c'))).toEqual(['d.pdf']);
    await expect(s.put('../outside', Buffer.from('x'), 'text/plain')).rejects.toThrow();
    expect(existsSync(path.join(root, 'outside'))).toBe(false);
  });
});

// ---------------------------------------------------------------- S3, against a fake on 127.0.0.1

describe('s3FileStorage', () => {
  const fake = fakeS3();
  let endpoint: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => fake.server.close(() => resolve())));

  const storage = (secret = SECRET) =>
    s3FileStorage({
      endpoint,
      region: REGION,
      bucket: BUCKET,
      accessKeyId: ACCESS_KEY,
      secretAccessKey: secret,
      forcePathStyle: true,
    });

  contract('S3', () => storage());

  it('sends path-style requests signed with SigV4, with the content type', async () => {
    fake.seen.length = 0;
    const s = storage();
    await s.put('apps/v1/证书.pdf', Buffer.from('%PDF-1.7 ...'), 'application/pdf');
    await s.get('apps/v1/证书.pdf');
    await s.delete('apps/v1/证书.pdf');
    expect(fake.seen.map((r) => r.method)).toEqual(['PUT', 'GET', 'DELETE']);
    for (const r of fake.seen) {
      expect(r.url.startsWith(`/${BUCKET}/apps/v1/${encodeURIComponent('证书.pdf')}`)).toBe(true);
      expect(r.authorization).toMatch(
        new RegExp(
          `^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/\\d{8}/${REGION}/s3/aws4_request, ?SignedHeaders=[^,]*host[^,]*, ?Signature=[0-9a-f]{64}$`,
        ),
      );
      expect(r.signatureValid).toBe(true);
    }
    expect(fake.seen[0]!.contentType).toBe('application/pdf');
    expect(fake.objects.has('apps/v1/证书.pdf')).toBe(false);
  });

  it('fails, without calling it missing, when the signature is wrong', async () => {
    await storage().put('x/y.pdf', Buffer.from('x'), 'application/pdf');
    const err = await storage('wrong-secret')
      .get('x/y.pdf')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(FileNotFoundError);
    expect(fake.seen.at(-1)!.signatureValid).toBe(false);
  });

  it('is not ready on a missing bucket or with a wrong secret (one HEAD request)', async () => {
    fake.seen.length = 0;
    await expect(storage().ready()).resolves.toBeUndefined();
    expect(fake.seen.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
      `HEAD /${BUCKET}/`,
    ]);
    await expect(storage('wrong-secret').ready()).rejects.toBeInstanceOf(Error);
    const elsewhere = s3FileStorage({
      endpoint,
      region: REGION,
      bucket: 'no-such-bucket',
      accessKeyId: ACCESS_KEY,
      secretAccessKey: SECRET,
      forcePathStyle: true,
    });
    await expect(elsewhere.ready()).rejects.toBeInstanceOf(Error);
  });
});
