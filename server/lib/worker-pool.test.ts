// The pool renders in a worker thread what the main thread would (WORKER_THREADS=0): same cells,
// formula-like text neutralised there too, bytes handed back as a Buffer.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { acquireWorkerPool, releaseWorkerPool, runInWorker } from './worker-pool';
import { readFirstSheet } from './xlsx';

const table = {
  title: '监测分析：地区',
  subtitle: '筛选条件：全部',
  header: ['地区', '申报数'],
  rows: [
    ['北京市', 3],
    ['=HYPERLINK("http://x")', 1],
  ],
  total: ['合计', 4],
};

beforeAll(() => acquireWorkerPool());
afterAll(() => releaseWorkerPool());

describe('worker pool', () => {
  test('a workbook from a worker thread reads as the one rendered on the main thread', async () => {
    const input = { table, sheetName: '地区' };
    const [threaded, inline] = await Promise.all([
      runInWorker({ workerThreads: 1 }, 'xlsx', 'statisticsTable', input),
      runInWorker({ workerThreads: 0 }, 'xlsx', 'statisticsTable', input),
    ]);
    expect(Buffer.isBuffer(threaded)).toBe(true);
    const rows = await readFirstSheet(threaded);
    expect(rows).toEqual(await readFirstSheet(inline));
    expect(rows.map((r) => r.cells[0])).toContain('=HYPERLINK("http://x")');
    // the formula-like cell is text with a quote prefix in the thread's output as well
    const { unzipSync, strFromU8 } = await import('fflate');
    const styles = strFromU8(unzipSync(new Uint8Array(threaded))['xl/styles.xml']!);
    expect(styles).toContain('quotePrefix="1"');
  });

  test('an error in the thread reaches the caller', async () => {
    await expect(
      runInWorker({ workerThreads: 1 }, 'xlsx', 'statisticsTable', {
        table: { ...table, rows: null as never },
        sheetName: 'x',
      }),
    ).rejects.toThrow();
  });
});
