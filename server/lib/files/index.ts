export { checkUploadedFile, type DetectedKind, type FileCheck } from './sniff';
export { FileNotFoundError, InvalidFileKeyError, assertSafeKey, type FileStorage } from './storage';
export { localFileStorage } from './local-storage';
export { s3FileStorage, type S3StorageOptions } from './s3-storage';
