// Printing a full application (≈5000 字, 5 APPs, co-applicants, attachments): the first (cold)
// render of the process, then the median / p95 / max of N more, for PDF and DOCX.
// Env: BENCH_PDF_RUNS (20).
import { measureApplicationRender } from './measure-render';

const RUNS = Number(process.env.BENCH_PDF_RUNS ?? 20);

export async function benchPdf() {
  console.log(`full sample application, 1 cold render then ${RUNS} renders, in this process:`);
  for (const format of ['pdf', 'docx'] as const) {
    const t = await measureApplicationRender({ format, runs: RUNS });
    console.log(
      `  ${format.padEnd(4)} cold ${t.firstMs} ms  median ${t.medianMs} ms  p95 ${t.p95Ms} ms  max ${t.maxMs} ms  (${(t.bytes / 1024).toFixed(0)} KiB)`,
    );
  }
}
