// Uploaded files are checked by their content, not their name: PDF, PNG, JPEG, DOCX and XLSX
// only, structurally sound, and named for what they are. Reasons in Chinese and English.
import { crc32 } from 'node:zlib';

export type DetectedKind = {
  kind: 'pdf' | 'image' | 'office';
  mime: string;
  ext: 'pdf' | 'png' | 'jpg' | 'docx' | 'xlsx';
};
export type FileCheck =
  { ok: true; detected: DetectedKind } | { ok: false; reason: string; reasonEn: string };

const TYPES = {
  pdf: { kind: 'pdf', mime: 'application/pdf', ext: 'pdf' },
  png: { kind: 'image', mime: 'image/png', ext: 'png' },
  jpg: { kind: 'image', mime: 'image/jpeg', ext: 'jpg' },
  docx: {
    kind: 'office',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
  },
  xlsx: {
    kind: 'office',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
  },
} as const satisfies Record<string, DetectedKind>;

type Ext = DetectedKind['ext'];

const NAMES: Record<Ext, { zh: string; en: string; exts: string[] }> = {
  pdf: { zh: 'PDF文件', en: 'a PDF file', exts: ['pdf'] },
  png: { zh: 'PNG图片', en: 'a PNG image', exts: ['png'] },
  jpg: { zh: 'JPEG图片', en: 'a JPEG image', exts: ['jpg', 'jpeg'] },
  docx: { zh: 'Word文档（DOCX）', en: 'a Word document (DOCX)', exts: ['docx'] },
  xlsx: { zh: 'Excel表格（XLSX）', en: 'an Excel workbook (XLSX)', exts: ['xlsx'] },
};

/** Largest image we accept, in pixels a side and in total (a decompression bomb is refused). */
const MAX_SIDE = 30_000;
const MAX_PIXELS = 200_000_000;

class Refusal extends Error {
  constructor(
    readonly reason: string,
    readonly reasonEn: string,
  ) {
    super(reasonEn);
  }
}

const refuse = (reason: string, reasonEn: string): never => {
  throw new Refusal(reason, reasonEn);
};

const UNSUPPORTED = () =>
  refuse(
    '不支持的文件类型：仅接受 PDF、PNG、JPEG、DOCX、XLSX',
    'Unsupported file type: only PDF, PNG, JPEG, DOCX and XLSX are accepted',
  );

const startsWith = (b: Buffer, sig: number[] | string, at = 0) => {
  const bytes = typeof sig === 'string' ? Buffer.from(sig, 'latin1') : Buffer.from(sig);
  return b.length >= at + bytes.length && b.subarray(at, at + bytes.length).equals(bytes);
};

// ---------------------------------------------------------------- refused outright

function refuseDangerous(b: Buffer) {
  if (
    startsWith(b, 'MZ') ||
    startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) || // ELF
    startsWith(b, '#!') ||
    startsWith(b, [0xfe, 0xed, 0xfa, 0xce]) || // Mach-O
    startsWith(b, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(b, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(b, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(b, [0xca, 0xfe, 0xba, 0xbe]) // Mach-O universal / Java class
  ) {
    refuse('不接受可执行文件或脚本', 'Executable files and scripts are not accepted');
  }
  // markup: HTML and SVG can carry scripts
  let head = b.subarray(0, 1024).toString('utf8');
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)))
    head = b
      .subarray(2, 2048)
      .toString(b[0] === 0xff ? 'utf16le' : 'latin1')
      .replace(/\0/g, '');
  const trimmed = head.trimStart().toLowerCase();
  if (
    trimmed.startsWith('<') &&
    /<(!doctype|html|svg|script|\?xml|head|body|iframe|meta)\b/.test(trimmed)
  ) {
    refuse(
      '不接受 HTML、SVG 等网页或矢量文件（可能含脚本）',
      'HTML, SVG and other markup files are not accepted (they can carry scripts)',
    );
  }
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    refuse(
      '不支持旧版 Office 文件（.doc/.xls）或加密的 Office 文件：请另存为未加密的 DOCX/XLSX 或 PDF',
      'Legacy (.doc/.xls) or password-protected Office files are not accepted: save as an unencrypted DOCX/XLSX or PDF',
    );
  }
}

// ---------------------------------------------------------------- PDF

function checkPdf(b: Buffer) {
  const tail = b.subarray(Math.max(0, b.length - 1024)).toString('latin1');
  if (!tail.includes('%%EOF'))
    refuse(
      'PDF文件不完整：文件末尾缺少结束标记（%%EOF），可能上传中断或文件已损坏',
      'Incomplete PDF: no %%EOF marker at the end (interrupted upload or damaged file)',
    );
}

// ---------------------------------------------------------------- PNG

const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function brokenPng(zh: string, en: string): never {
  return refuse(`PNG图片已损坏或不完整：${zh}`, `Damaged or incomplete PNG: ${en}`);
}

function checkPng(b: Buffer) {
  let at = 8;
  let index = 0;
  let sawData = false;
  for (;;) {
    if (at + 12 > b.length) brokenPng('文件在数据块中途结束', 'the file ends inside a chunk');
    const length = b.readUInt32BE(at);
    const type = b.subarray(at + 4, at + 8).toString('latin1');
    if (length > 0x7fffffff || at + 12 + length > b.length)
      brokenPng(`数据块 ${type} 超出文件长度`, `chunk ${type} runs past the end of the file`);
    if (!/^[A-Za-z]{4}$/.test(type)) brokenPng('数据块类型无效', 'invalid chunk type');
    const crc = b.readUInt32BE(at + 8 + length);
    if (crc32(b.subarray(at + 4, at + 8 + length)) >>> 0 !== crc)
      brokenPng(`数据块 ${type} 校验失败（CRC）`, `chunk ${type} fails its CRC check`);
    if (index === 0) {
      if (type !== 'IHDR' || length !== 13)
        brokenPng('第一个数据块不是 IHDR', 'the first chunk is not IHDR');
      const width = b.readUInt32BE(at + 8);
      const height = b.readUInt32BE(at + 12);
      const depth = b[at + 16]!;
      const colour = b[at + 17]!;
      if (width === 0 || height === 0 || width > MAX_SIDE || height > MAX_SIDE)
        brokenPng(`图片尺寸 ${width}×${height} 不合理`, `unreasonable size ${width}×${height}`);
      if (width * height > MAX_PIXELS)
        brokenPng(`图片像素过多（${width}×${height}）`, `too many pixels (${width}×${height})`);
      const depths: Record<number, number[]> = {
        0: [1, 2, 4, 8, 16],
        2: [8, 16],
        3: [1, 2, 4, 8],
        4: [8, 16],
        6: [8, 16],
      };
      if (!depths[colour]?.includes(depth))
        brokenPng('颜色类型或位深无效', 'invalid colour type or bit depth');
    } else if (type === 'IHDR') {
      brokenPng('IHDR 重复出现', 'duplicate IHDR');
    }
    if (type === 'IDAT') sawData = true;
    at += 12 + length;
    index++;
    if (type === 'IEND') break;
  }
  if (!sawData) brokenPng('没有图像数据（IDAT）', 'no image data (IDAT)');
  if (at !== b.length)
    refuse(
      'PNG图片在结束标记（IEND）之后还有多余数据，可能夹带了其他内容',
      'The PNG has extra data after its IEND end marker (possibly something hidden)',
    );
}

// ---------------------------------------------------------------- JPEG

function brokenJpeg(zh: string, en: string): never {
  return refuse(`JPEG图片已损坏或不完整：${zh}`, `Damaged or incomplete JPEG: ${en}`);
}

function checkJpeg(b: Buffer) {
  let at = 2;
  let sawFrame = false;
  for (;;) {
    if (at + 2 > b.length) brokenJpeg('文件在标记段中途结束', 'the file ends inside a segment');
    if (b[at] !== 0xff) brokenJpeg('标记段结构错误', 'malformed segment structure');
    let marker = b[at + 1]!;
    while (marker === 0xff && at + 2 < b.length) marker = b[++at + 1]!; // fill bytes
    at += 2;
    if (marker === 0xd8 || marker === 0xd9) brokenJpeg('图像数据前出现了起止标记', 'stray SOI/EOI');
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // no length
    if (at + 2 > b.length) brokenJpeg('文件在标记段中途结束', 'the file ends inside a segment');
    const length = b.readUInt16BE(at);
    if (length < 2 || at + length > b.length)
      brokenJpeg('标记段长度超出文件', 'a segment runs past the end of the file');
    const isFrame =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (length < 8) brokenJpeg('帧头过短', 'frame header too short');
      const height = b.readUInt16BE(at + 3);
      const width = b.readUInt16BE(at + 5);
      if (width === 0) brokenJpeg('图片宽度为0', 'zero width');
      if (width * height > MAX_PIXELS)
        brokenJpeg(`图片像素过多（${width}×${height}）`, `too many pixels (${width}×${height})`);
      sawFrame = true;
    }
    if (marker === 0xda) {
      if (!sawFrame) brokenJpeg('缺少帧头（SOF）', 'no frame header (SOF) before the scan');
      break;
    }
    at += length;
  }
  // entropy-coded data follows; the file must end with EOI (a few zero bytes of padding allowed)
  let end = b.length;
  while (end > at && end > b.length - 16 && b[end - 1] === 0x00) end--;
  if (end < 2 || b[end - 2] !== 0xff || b[end - 1] !== 0xd9)
    brokenJpeg(
      '文件末尾缺少结束标记（EOI），可能上传中断',
      'no EOI end marker (interrupted upload?)',
    );
}

// ---------------------------------------------------------------- DOCX / XLSX (ZIP)

function brokenZip(zh: string, en: string): never {
  return refuse(
    `Office文件已损坏或不完整（ZIP结构错误：${zh}）`,
    `Damaged or incomplete Office file (ZIP structure: ${en})`,
  );
}

function zipEntries(b: Buffer): string[] {
  // End of central directory: 22 bytes plus a comment of at most 65535
  const from = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= from; i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) brokenZip('找不到中央目录', 'no end of central directory');
  const count = b.readUInt16LE(eocd + 10);
  const size = b.readUInt32LE(eocd + 12);
  const offset = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff)
    brokenZip('不支持 ZIP64', 'ZIP64 is not supported');
  if (offset + size > eocd) brokenZip('中央目录位置错误', 'central directory out of place');
  const names: string[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || b.readUInt32LE(at) !== 0x02014b50)
      brokenZip('中央目录条目损坏', 'damaged central directory entry');
    const flags = b.readUInt16LE(at + 8);
    const method = b.readUInt16LE(at + 10);
    const compressed = b.readUInt32LE(at + 20);
    const nameLength = b.readUInt16LE(at + 28);
    const extraLength = b.readUInt16LE(at + 30);
    const commentLength = b.readUInt16LE(at + 32);
    const local = b.readUInt32LE(at + 42);
    const name = b.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (flags & 0x1)
      refuse(
        '不接受加密的压缩文件或加密的 Office 文件',
        'Encrypted archives and password-protected Office files are not accepted',
      );
    if (method !== 0 && method !== 8)
      brokenZip(`不支持的压缩方式 ${method}`, `unsupported compression method ${method}`);
    if (local + 30 > offset || b.readUInt32LE(local) !== 0x04034b50)
      brokenZip(`条目 ${name} 的本地文件头损坏`, `damaged local header of ${name}`);
    const localData =
      local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28) + compressed;
    if (localData > offset)
      brokenZip(`条目 ${name} 的数据不完整`, `the data of ${name} is incomplete`);
    names.push(name);
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (at > eocd) brokenZip('中央目录长度错误', 'central directory length mismatch');
  return names;
}

function checkOffice(b: Buffer): 'docx' | 'xlsx' {
  const names = new Set(zipEntries(b));
  const notOffice = () =>
    refuse(
      '不支持的文件类型：仅接受 PDF、PNG、JPEG、DOCX、XLSX（压缩包不是 Word 或 Excel 文档）',
      'Unsupported file type: only PDF, PNG, JPEG, DOCX and XLSX are accepted (this archive is not a Word or Excel document)',
    );
  if (!names.has('[Content_Types].xml')) notOffice();
  const docx = names.has('word/document.xml');
  const xlsx = names.has('xl/workbook.xml');
  if (docx === xlsx) notOffice();
  if ([...names].some((n) => /(^|\/)vbaProject\.bin$/i.test(n)))
    refuse('不接受含宏的 Office 文件', 'Office files with macros are not accepted');
  return docx ? 'docx' : 'xlsx';
}

// ---------------------------------------------------------------- the check

function detect(b: Buffer): Ext {
  if (startsWith(b, '%PDF-1.') || startsWith(b, '%PDF-2.')) {
    checkPdf(b);
    return 'pdf';
  }
  if (startsWith(b, PNG_SIG)) {
    checkPng(b);
    return 'png';
  }
  if (startsWith(b, [0xff, 0xd8, 0xff])) {
    checkJpeg(b);
    return 'jpg';
  }
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return checkOffice(b);
  if (startsWith(b, [0x50, 0x4b, 0x05, 0x06]) || startsWith(b, [0x50, 0x4b, 0x07, 0x08]))
    brokenZip('空的或分卷的压缩包', 'empty or split archive');
  return UNSUPPORTED();
}

function extensionOf(filename: string): string | null {
  const base = String(filename ?? '')
    .split(/[\\/]/)
    .pop()!
    .trim();
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : null;
}

export function checkUploadedFile(bytes: Buffer, filename: string): FileCheck {
  try {
    if (!bytes || bytes.length === 0) refuse('文件为空', 'The file is empty');
    refuseDangerous(bytes);
    const ext = detect(bytes);
    const name = NAMES[ext];
    const given = extensionOf(filename);
    if (given === null)
      refuse(
        `文件内容是${name.zh}，但文件名没有扩展名：请命名为 .${name.exts[0]}`,
        `The file is ${name.en} but its name has no extension: name it .${name.exts[0]}`,
      );
    if (!name.exts.includes(given!))
      refuse(
        `文件内容是${name.zh}，但扩展名为.${given}`,
        `The file is ${name.en} but its extension is .${given}`,
      );
    return { ok: true, detected: { ...TYPES[ext] } };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, reason: e.reason, reasonEn: e.reasonEn };
    if (e instanceof RangeError)
      return {
        ok: false,
        reason: '文件已损坏或不完整',
        reasonEn: 'The file is damaged or incomplete',
      };
    throw e;
  }
}
