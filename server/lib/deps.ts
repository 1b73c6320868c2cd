import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Clock } from './clock';
import type { FileStorage } from './files';

/** What services may use. Each takes only the parts it needs. */
export interface Deps {
  db: Db;
  clock: Clock;
  config: Config;
  files: FileStorage;
}
