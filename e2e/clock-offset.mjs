// Loaded into the journeys' server (`--import`, see playwright.config.ts), never into production:
// it moves the server's clock forward by the milliseconds written in the file E2E_CLOCK_FILE, so a
// journey can live through a period that takes days (the 公示's working days) and put the clock
// back afterwards. No file, or 0, is the real time. The file is read at most every 100 ms.
import fs from 'node:fs';

const file = process.env.E2E_CLOCK_FILE;
if (file) {
  const RealDate = Date;
  let offset = 0;
  let readAt = -Infinity;
  const current = () => {
    const real = RealDate.now();
    if (real - readAt > 100) {
      readAt = real;
      try {
        offset = Number(fs.readFileSync(file, 'utf8').trim()) || 0;
      } catch {
        offset = 0;
      }
    }
    return real + offset;
  };
  // A timer aimed at a moment computed on the moved clock is, once the clock is put back, too far
  // off for Node (over 2^31-1 ms): Node would fire it at once, and PGlite's timer re-arms it at once,
  // over and over until the real time catches up. Such a timer waits the longest Node allows.
  const MAX_DELAY = 2 ** 31 - 1;
  const realSetTimeout = globalThis.setTimeout;
  globalThis.setTimeout = Object.assign(
    (fn, ms, ...args) => realSetTimeout(fn, ms > MAX_DELAY ? MAX_DELAY : ms, ...args),
    realSetTimeout,
  );
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) =>
      Reflect.construct(target, args.length ? args : [current()], newTarget),
    apply: () => new RealDate(current()).toString(),
    get: (target, prop, receiver) =>
      prop === 'now' ? current : Reflect.get(target, prop, receiver),
  });
}
