// Worker thread (server/lib/worker-pool.ts): the printed documents, from plain data. pdfmake's
// document definitions hold functions (page headers, footers, table rules), so they are built here
// from the input, never sent.
import { renderSummaryPdf } from '../modules/batches/summary-pdf';
import { renderApplicationDocx } from '../modules/printing/docx';
import { renderApplicationPdf } from '../modules/printing/pdf';
import type { PrintInput } from '../modules/printing/types';
import { renderCertificatePdf } from '../modules/publication/certificate-pdf';
import { renderScoreSheetPdf } from '../modules/reviews/score-sheet-pdf';
import { renderReportDocx } from '../modules/statistics-report/docx';
import { renderReportPdf } from '../modules/statistics-report/pdf';
import { serveTasks } from '../lib/worker-pool';

/** A Buffer crosses to a thread as a plain Uint8Array: the figures' bytes as Buffers again. */
function withBuffers(input: PrintInput): PrintInput {
  const images: PrintInput['images'] = {};
  for (const [id, image] of Object.entries(input.images)) {
    const d = image.data as Uint8Array;
    images[id] = { ...image, data: Buffer.from(d.buffer, d.byteOffset, d.byteLength) };
  }
  return { ...input, images };
}

export const tasks = {
  applicationPdf: (input: PrintInput) => renderApplicationPdf(withBuffers(input)),
  applicationDocx: (input: PrintInput) => renderApplicationDocx(withBuffers(input)),
  scoreSheetPdf: renderScoreSheetPdf,
  batchSummaryPdf: renderSummaryPdf,
  statisticsReportPdf: renderReportPdf,
  statisticsReportDocx: renderReportDocx,
  certificatePdf: renderCertificatePdf,
};

export default serveTasks(tasks);
