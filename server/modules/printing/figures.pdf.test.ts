// The printed 申报书 as PDF: figures embedded, headings never alone at a page foot.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullSamplePrintInput, sampleText } from '../../../test/fixtures/print-sample';
import { renderApplicationPdf } from './pdf';
import type { PrintInput } from './types';

const hasPoppler = !spawnSync('pdftotext', ['-v']).error;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zx-fig-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdfFile(input: PrintInput, name: string) {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, await renderApplicationPdf(input));
  return file;
}

describe.skipIf(!hasPoppler)('the printed 申报书 (PDF): figures and headings', () => {
  it('embeds a PNG attachment as a figure as wide as the text, with its caption; the PDF attachment stays listed', async () => {
    const file = await pdfFile(fullSamplePrintInput(), 'full');
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => l.trim().split(/\s+/));
    // page, num, type, width, height …: the QR code and the 900×500 figure
    expect(images.map((c) => `${c[3]}x${c[4]}`)).toContain('900x500');
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, '');
    expect(text).toContain('图1系统架构图.png');
    expect(text).toContain('软件著作权登记证书-质量预测APP.pdf470.8KB');
    // drawn 483 pt wide (A4 less 2 × 56 pt margins): the image's x-ppi is 900 px over 483 pt
    const figure = images.find((c) => c[3] === '900')!;
    expect(Number(figure[12])).toBeCloseTo((900 / 483.28) * 72, -1);
  }, 60_000);

  it('never leaves a heading alone at the foot of a page, however the text before it runs', async () => {
    const base = fullSamplePrintInput();
    const headings = [
      ...base.form.sections.map((s) => s.title),
      ...base.form.sections.flatMap((s) => s.fields.map((f) => f.label)),
    ].map((h) => h.replace(/\s+/g, ''));
    let checkedPages = 0;
    // lengthen the first long text step by step, so every heading after it passes the page foot
    for (let extra = 0; extra < 12; extra++) {
      const data = structuredClone(base.data) as Record<string, Record<string, unknown>>;
      data.text!.needs = `${data.text!.needs}\n${sampleText(40 * extra, extra)}`;
      const file = await pdfFile({ ...base, data }, `sweep-${extra}`);
      const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
        encoding: 'utf8',
      })
        .split('\f')
        .slice(0, -1);
      for (const [i, page] of pages.entries()) {
        const lines = page
          .split('\n')
          .map((l) => l.replace(/\s+/g, ''))
          .filter(Boolean);
        const lastBody = lines.at(-2) ?? ''; // the footer is the last line
        const alone = headings.find((h) => lastBody === h || lastBody.startsWith(`${h}（`));
        expect(alone, `extra ${extra}, page ${i + 1} ends with a heading`).toBeUndefined();
        checkedPages++;
      }
    }
    expect(checkedPages).toBeGreaterThan(60);
  }, 300_000);
});
