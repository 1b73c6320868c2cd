// The pixel size of a PNG or JPEG attachment (uploads were checked on arrival: server/lib/files/sniff).
import type { PrintImage } from './types';

function jpegSize(b: Buffer): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    // SOF0–SOF15 hold the frame size, except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return null;
}

/** The attachment as a printable figure, or null when it is not a PNG/JPEG we can read. */
export function printImageOf(data: Buffer): PrintImage | null {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47) {
    const width = data.readUInt32BE(16);
    const height = data.readUInt32BE(20);
    return width > 0 && height > 0 ? { type: 'png', data, width, height } : null;
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    const size = jpegSize(data);
    return size && size.width > 0 && size.height > 0 ? { type: 'jpg', data, ...size } : null;
  }
  return null;
}
