// Prepared statements for the hottest reads and writes (a draft save, the session of every
// request). Drizzle builds a query's SQL each time it runs — several hundred microseconds for a
// wide select — and PostgreSQL parses and plans it again; a prepared query is built once per
// database and, on PostgreSQL, parsed and planned once per connection (a named statement).
//
// A prepared query belongs to the database it was made on, so the cache is kept per database
// object. Inside a transaction use the query builder as usual: a transaction is its own object.
import type { Db } from './client';

const perDb = new WeakMap<object, Map<string, unknown>>();

/** The query `build` makes on `db`, prepared once under `name` (unique across the platform). */
export function preparedQuery<T>(db: Db, name: string, build: (db: Db) => T): T {
  let cache = perDb.get(db);
  if (!cache) perDb.set(db, (cache = new Map()));
  let query = cache.get(name) as T | undefined;
  if (query === undefined) cache.set(name, (query = build(db)));
  return query;
}
