// For `npm run bench` (not a test): how long printing a full application takes.
import { performance } from 'node:perf_hooks';
import { renderApplicationDocx } from '../server/modules/printing/docx';
import { renderApplicationPdf } from '../server/modules/printing/pdf';
import { fullSamplePrintInput } from '../test/fixtures/print-sample';
import type { PrintInput } from '../server/modules/printing/types';

export interface RenderTiming {
  format: 'pdf' | 'docx';
  runs: number;
  /** the first render of the process (reads the fonts) */
  firstMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  bytes: number;
}

/**
 * Render the same application `runs` times after one first (cold) render; by default the
 * full sample (≈5000 字, 5 APPs, co-applicants, attachments).
 */
export async function measureApplicationRender(
  opts: { format?: 'pdf' | 'docx'; runs?: number; input?: PrintInput } = {},
): Promise<RenderTiming> {
  const format = opts.format ?? 'pdf';
  const runs = Math.max(1, opts.runs ?? 10);
  const input = opts.input ?? fullSamplePrintInput();
  const render = format === 'pdf' ? renderApplicationPdf : renderApplicationDocx;
  let t = performance.now();
  let bytes = (await render(input)).length;
  const firstMs = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    bytes = (await render(input)).length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    format,
    runs,
    firstMs: round(firstMs),
    medianMs: round(at(0.5)),
    p95Ms: round(at(0.95)),
    maxMs: round(times.at(-1)!),
    bytes,
  };
}
