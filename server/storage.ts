import type { Config } from './config';
import { localFileStorage, s3FileStorage, type FileStorage } from './lib/files';

/** The configured file storage: S3-compatible when S3_BUCKET is set, else a local folder. */
export function storageFromConfig(config: Config): FileStorage {
  return config.s3 ? s3FileStorage(config.s3) : localFileStorage(config.filesDir);
}
