import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderApplicationDocx } from '../../modules/printing/docx';
import { renderApplicationPdf } from '../../modules/printing/pdf';
import { emptySamplePrintInput } from '../../../test/fixtures/print-sample';
import { checkUploadedFile, type FileCheck } from './sniff';
import { makePng, makeXlsx, makeZip, readZip } from '../../../test/fixtures/files';

const UNSUPPORTED = '不支持的文件类型：仅接受 PDF、PNG、JPEG、DOCX、XLSX';

let pdf: Buffer;
let jpeg: Buffer;
let docx: Buffer;
const png = makePng(40, 20);
const xlsx = makeXlsx();
let dir: string;

beforeAll(async () => {
  pdf = await renderApplicationPdf(emptySamplePrintInput());
  docx = await renderApplicationDocx(emptySamplePrintInput());
  dir = mkdtempSync(path.join(tmpdir(), 'zx-sniff-'));
  writeFileSync(path.join(dir, 'a.pdf'), pdf);
  // a real JPEG: page 1 of the PDF, rendered by poppler
  execFileSync(
    'pdftoppm',
    ['-jpeg', '-r', '12', '-f', '1', '-l', '1', '-singlefile', 'a.pdf', 'p'],
    {
      cwd: dir,
    },
  );
  jpeg = readFileSync(path.join(dir, 'p.jpg'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refused(check: FileCheck): { reason: string; reasonEn: string } {
  expect(check.ok).toBe(false);
  if (check.ok) throw new Error('accepted');
  expect(check.reason).toMatch(/[\u4e00-\u9fff]/);
  expect(check.reasonEn).toMatch(/[a-z]/i);
  return check;
}

/** Set a PNG chunk's CRC right again after changing its data. */
function fixCrc(b: Buffer, at: number) {
  const length = b.readUInt32BE(at);
  b.writeUInt32BE(crc32(b.subarray(at + 4, at + 8 + length)) >>> 0, at + 8 + length);
}

describe('checkUploadedFile accepts the five kinds by their content', () => {
  it('PDF, PNG, JPEG, DOCX and XLSX', () => {
    expect(checkUploadedFile(pdf, '证明.pdf')).toEqual({
      ok: true,
      detected: { kind: 'pdf', mime: 'application/pdf', ext: 'pdf' },
    });
    expect(checkUploadedFile(png, '架构图.png')).toEqual({
      ok: true,
      detected: { kind: 'image', mime: 'image/png', ext: 'png' },
    });
    expect(checkUploadedFile(jpeg, '现场.jpg')).toEqual({
      ok: true,
      detected: { kind: 'image', mime: 'image/jpeg', ext: 'jpg' },
    });
    expect(checkUploadedFile(docx, '说明.docx')).toMatchObject({
      ok: true,
      detected: { kind: 'office', ext: 'docx' },
    });
    expect(checkUploadedFile(xlsx, '数据表.xlsx')).toMatchObject({
      ok: true,
      detected: {
        kind: 'office',
        ext: 'xlsx',
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    });
  });

  it('takes .jpeg for JPEG, upper-case extensions, and a path in the name', () => {
    expect(checkUploadedFile(jpeg, 'photo.JPEG').ok).toBe(true);
    expect(checkUploadedFile(png, 'C:\\截图\\图1.PNG').ok).toBe(true);
  });

  it('takes a PDF 2.0 header', () => {
    const v2 = Buffer.concat([Buffer.from('%PDF-2.0'), pdf.subarray(8)]);
    expect(checkUploadedFile(v2, 'x.pdf').ok).toBe(true);
  });
});

describe('checkUploadedFile refuses', () => {
  it('an empty file', () => {
    expect(refused(checkUploadedFile(Buffer.alloc(0), 'a.pdf')).reason).toBe('文件为空');
  });

  it('a disguised file: the extension must match the content', () => {
    expect(refused(checkUploadedFile(png, '证书.pdf'))).toEqual({
      ok: false,
      reason: '文件内容是PNG图片，但扩展名为.pdf',
      reasonEn: 'The file is a PNG image but its extension is .pdf',
    });
    expect(refused(checkUploadedFile(pdf, 'scan.png')).reason).toBe(
      '文件内容是PDF文件，但扩展名为.png',
    );
    expect(refused(checkUploadedFile(jpeg, 'a.png')).reason).toBe(
      '文件内容是JPEG图片，但扩展名为.png',
    );
    expect(refused(checkUploadedFile(docx, 'a.xlsx')).reason).toContain('Word文档');
    expect(refused(checkUploadedFile(xlsx, 'a.docx')).reason).toContain('Excel表格');
    expect(refused(checkUploadedFile(png, 'a.exe')).reason).toBe(
      '文件内容是PNG图片，但扩展名为.exe',
    );
    expect(refused(checkUploadedFile(png, '没有扩展名')).reason).toContain('没有扩展名');
    expect(refused(checkUploadedFile(png, 'a.')).reason).toContain('没有扩展名');
  });

  it('a truncated PDF (no %%EOF at the end) and an unknown PDF version', () => {
    expect(
      refused(checkUploadedFile(pdf.subarray(0, pdf.length - 2000), 'a.pdf')).reason,
    ).toContain('%%EOF');
    const v3 = Buffer.concat([Buffer.from('%PDF-3.0'), pdf.subarray(8)]);
    expect(refused(checkUploadedFile(v3, 'a.pdf')).reason).toBe(UNSUPPORTED);
  });

  it('a truncated PNG, at any point', () => {
    for (const cut of [9, 20, 33, png.length - 30, png.length - 1]) {
      expect(refused(checkUploadedFile(png.subarray(0, cut), 'a.png')).reason).toMatch(
        /^PNG图片已损坏或不完整/,
      );
    }
  });

  it('a PNG with a corrupted byte (CRC)', () => {
    const bad = Buffer.from(png);
    bad[45] = bad[45]! ^ 0xff; // inside IDAT
    expect(refused(checkUploadedFile(bad, 'a.png')).reason).toContain('CRC');
  });

  it('a PNG with an absurd size, a bad colour type, or IDAT before IHDR', () => {
    const zero = makePng(0, 10);
    expect(refused(checkUploadedFile(zero, 'a.png')).reason).toContain('尺寸');
    const huge = makePng(4, 4, (h) => {
      h.writeUInt32BE(25_000, 0);
      h.writeUInt32BE(25_000, 4);
    });
    expect(refused(checkUploadedFile(huge, 'a.png')).reason).toContain('像素过多');
    const colour = makePng(4, 4, (h) => (h[9] = 5));
    expect(refused(checkUploadedFile(colour, 'a.png')).reason).toContain('颜色类型');
    const fixed = Buffer.from(png);
    fixed.write('IDAT', 12, 'latin1'); // the first chunk is no longer IHDR
    fixCrc(fixed, 8);
    expect(refused(checkUploadedFile(fixed, 'a.png')).reason).toContain('IHDR');
  });

  it('a PNG with data hidden after IEND', () => {
    const tail = Buffer.concat([png, Buffer.from('PK\x03\x04 hidden')]);
    expect(refused(checkUploadedFile(tail, 'a.png')).reason).toContain('IEND');
  });

  it('a truncated or corrupted JPEG', () => {
    expect(
      refused(checkUploadedFile(jpeg.subarray(0, jpeg.length - 10), 'a.jpg')).reason,
    ).toContain('EOI');
    expect(refused(checkUploadedFile(jpeg.subarray(0, 12), 'a.jpg')).reason).toMatch(
      /^JPEG图片已损坏或不完整/,
    );
    const bad = Buffer.from(jpeg);
    bad.writeUInt16BE(0xfff0, 4); // APP0's length now runs past the end
    expect(refused(checkUploadedFile(bad, 'a.jpg')).reason).toMatch(/^JPEG图片已损坏或不完整/);
    const noFrame = Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0x00, 0xff, 0xd9]);
    expect(refused(checkUploadedFile(noFrame, 'a.jpg')).reason).toContain('SOF');
  });

  it('a truncated or corrupted DOCX/XLSX', () => {
    expect(
      refused(checkUploadedFile(docx.subarray(0, docx.length - 100), 'a.docx')).reason,
    ).toMatch(/^Office文件已损坏或不完整/);
    expect(refused(checkUploadedFile(xlsx.subarray(0, 200), 'a.xlsx')).reason).toMatch(
      /^Office文件已损坏或不完整/,
    );
    // the central directory points at a damaged local header
    const bad = Buffer.from(xlsx);
    const second = bad.indexOf(Buffer.from('PK\x03\x04'), 4);
    bad.writeUInt32LE(0xdeadbeef, second);
    expect(refused(checkUploadedFile(bad, 'a.xlsx')).reason).toContain('本地文件头');
  });

  it('a ZIP that is not a Word or Excel document, an encrypted ZIP, and macros', () => {
    const other = makeZip([{ name: 'readme.txt', data: 'hello' }]);
    expect(refused(checkUploadedFile(other, 'a.docx')).reason).toContain(UNSUPPORTED);
    expect(refused(checkUploadedFile(other, 'a.zip')).reason).toContain(UNSUPPORTED);
    const entries = [...readZip(xlsx)].map(([name, data]) => ({ name, data }));
    const encrypted = makeZip(entries, { encrypted: true });
    expect(refused(checkUploadedFile(encrypted, 'a.xlsx')).reason).toContain('加密');
    const macro = makeZip([...entries, { name: 'xl/vbaProject.bin', data: 'x' }]);
    expect(refused(checkUploadedFile(macro, 'a.xlsx')).reason).toContain('宏');
    const both = makeZip([...entries, { name: 'word/document.xml', data: '<w/>' }]);
    expect(refused(checkUploadedFile(both, 'a.xlsx')).reason).toContain(UNSUPPORTED);
  });

  it('legacy or encrypted Office files (OLE compound documents)', () => {
    const cfb = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]);
    expect(refused(checkUploadedFile(cfb, 'a.doc')).reason).toContain('旧版 Office');
  });

  it('executables and scripts', () => {
    for (const [bytes, name] of [
      [Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 'setup.pdf'],
      [Buffer.concat([Buffer.from('\x7fELF', 'latin1'), Buffer.alloc(200)]), 'a.png'],
      [Buffer.from('#!/bin/sh\nrm -rf /\n'), 'a.docx'],
      [Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 0, 0, 0, 0]), 'a.jpg'],
    ] as const) {
      expect(refused(checkUploadedFile(bytes, name)).reason).toBe('不接受可执行文件或脚本');
    }
  });

  it('HTML and SVG, with or without a BOM, whatever the name', () => {
    for (const text of [
      '<!DOCTYPE html><html><script>alert(1)</script></html>',
      '\ufeff  <html><body onload="x()"></body></html>',
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>',
      '<svg onload="alert(1)"/>',
    ]) {
      expect(refused(checkUploadedFile(Buffer.from(text), 'a.png')).reason).toContain('HTML、SVG');
    }
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('<html></html>', 'utf16le'),
    ]);
    expect(refused(checkUploadedFile(utf16, 'a.pdf')).reason).toContain('HTML、SVG');
  });

  it('anything else', () => {
    for (const bytes of [
      Buffer.from('plain text, not a document'),
      Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'),
      Buffer.from([0x00, 0x01, 0x02]),
      Buffer.from('%PDF'),
    ]) {
      expect(refused(checkUploadedFile(bytes, 'a.pdf'))).toEqual({
        ok: false,
        reason: UNSUPPORTED,
        reasonEn: 'Unsupported file type: only PDF, PNG, JPEG, DOCX and XLSX are accepted',
      });
    }
  });
});
