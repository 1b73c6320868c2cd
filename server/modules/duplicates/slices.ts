// Long CPU work on the request thread (building a campaign's index, a sweep's thousands of
// queries) done in slices: after about SLICE_MS of work the loop gives the event loop a turn
// (a macrotask, so timers, sockets and other requests run), then goes on where it was.

/** About this long between two turns of the event loop; a health check waits at most this. */
export const SLICE_MS = 8;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface TimeSlicer {
  /** True once the current slice has run for `SLICE_MS`: then `await yieldTurn()`. */
  due(): boolean;
  /** Lets everything waiting on the event loop run, and starts a new slice. */
  yieldTurn(): Promise<void>;
}

export function timeSlicer(budgetMs = SLICE_MS): TimeSlicer {
  let started = performance.now();
  return {
    due: () => performance.now() - started >= budgetMs,
    async yieldTurn() {
      await nextTurn();
      started = performance.now();
    },
  };
}
