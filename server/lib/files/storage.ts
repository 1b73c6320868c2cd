// Where uploaded files live: a local folder by default, S3-compatible storage when configured.

export interface FileStorage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** Throws FileNotFoundError when there is no such key. */
  get(key: string): Promise<Buffer>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** The keys under a folder (`prefix` ends with '/'; '' for every key), at any depth, sorted. */
  list(prefix: string): Promise<string[]>;
  /** Resolves when the storage answers and can be written (for /api/ready); cheap, no file made. */
  ready(): Promise<void>;
}

export class FileNotFoundError extends Error {
  readonly code = 'FILE_NOT_FOUND';
  constructor(readonly key: string) {
    super(`No stored file under key ${JSON.stringify(key)}`);
    this.name = 'FileNotFoundError';
  }
}

export class InvalidFileKeyError extends Error {
  readonly code = 'INVALID_FILE_KEY';
  constructor(readonly key: string) {
    super(`Refused file key ${JSON.stringify(key)}`);
    this.name = 'InvalidFileKeyError';
  }
}

/**
 * A key is a relative path of plain segments: no '..' or '.', no absolute path, no backslash,
 * no empty segment, no control characters; at most 1024 bytes.
 */
export function assertSafeKey(key: string): void {
  const ok =
    typeof key === 'string' &&
    key.length > 0 &&
    Buffer.byteLength(key) <= 1024 &&
    !key.startsWith('/') &&
    !/^[A-Za-z]:/.test(key) &&
    !key.includes('\\') &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f]/.test(key) &&
    key.split('/').every((s) => s !== '' && s !== '.' && s !== '..' && !s.startsWith('.zx-tmp-'));
  if (!ok) throw new InvalidFileKeyError(key);
}
