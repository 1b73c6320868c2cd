// 批量下载: a ZIP written while it is sent. fflate (already installed with docx) deflates nothing
// here — PDFs, images and office files are compressed already — and writes each entry as soon as
// its bytes are known, so only one file is in memory at a time; the response waits for the client
// to take what was written (back-pressure) before the next file is read.
import { PassThrough, type Readable } from 'node:stream';
import { Zip, ZipPassThrough } from 'fflate';

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
  mtime?: Date;
}

function drained(out: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/** The entries as a ZIP stream, written as they come. An error ends the stream with it. */
export function zipStream(entries: AsyncIterable<ZipEntry>): Readable {
  const out = new PassThrough();
  const zip = new Zip((err, chunk, final) => {
    if (err) {
      out.destroy(err);
      return;
    }
    out.write(chunk);
    if (final) out.end();
  });
  void (async () => {
    try {
      for await (const e of entries) {
        if (out.destroyed) return; // the client went away
        const file = new ZipPassThrough(e.name);
        if (e.mtime) file.mtime = e.mtime;
        zip.add(file);
        file.push(e.bytes, true);
        if (out.writableNeedDrain) await drained(out);
      }
      zip.end();
    } catch (e) {
      out.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  return out;
}

// eslint-disable-next-line no-control-regex -- control characters are what is removed
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** A file or folder name every system accepts: no separators or reserved characters, not too long. */
export function safeName(s: string, max = 60): string {
  const cleaned = s.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  const chars = [...cleaned];
  return (chars.length > max ? chars.slice(0, max).join('') : cleaned) || '未命名';
}

/** `name` unless taken in `taken`, else name（2）, name（3）…, before the extension. */
export function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${stem}（${i}）${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
