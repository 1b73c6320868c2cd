import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { FileNotFoundError, InvalidFileKeyError, assertSafeKey, type FileStorage } from './storage';

/**
 * Files under a local folder. Writes are atomic (a temporary file in the same folder, flushed,
 * then renamed over the target), so a reader sees the old bytes or the new, never half.
 */
export function localFileStorage(rootDir: string): FileStorage {
  const root = path.resolve(rootDir);
  const pathOf = (key: string) => {
    assertSafeKey(key);
    const full = path.resolve(root, ...key.split('/'));
    if (!full.startsWith(root + path.sep)) throw new InvalidFileKeyError(key);
    return full;
  };
  return {
    async put(key, bytes) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = path.join(
        path.dirname(target),
        `.zx-tmp-${path.basename(target)}-${randomBytes(6).toString('hex')}`,
      );
      try {
        const handle = await open(temp, 'wx', 0o640);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, target);
      } catch (e) {
        await rm(temp, { force: true });
        throw e;
      }
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR')
          throw new FileNotFoundError(key);
        throw e;
      }
    },
    async delete(key) {
      const target = pathOf(key);
      try {
        await rm(target);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
      }
    },
    async list(prefix) {
      const folder = prefix.replace(/\/$/, '');
      let names: string[];
      try {
        const entries = await readdir(folder ? pathOf(folder) : root, {
          recursive: true,
          withFileTypes: true,
        });
        names = entries
          .filter((d) => d.isFile() && !d.name.startsWith('.zx-tmp-'))
          .map((d) =>
            path.relative(root, path.join(d.parentPath, d.name)).split(path.sep).join('/'),
          );
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return [];
        throw e;
      }
      return names.sort();
    },
    async ready() {
      await mkdir(root, { recursive: true });
      await access(root, constants.R_OK | constants.W_OK | constants.X_OK);
    },
  };
}
