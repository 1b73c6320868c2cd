// A showcase image by its content: PNG, JPEG (the platform's sniffing) and WebP (its container).
import { describe, expect, it } from 'vitest';
import { makePng } from '../../../test/fixtures/files';
import { makeWebp } from '../../../test/fixtures/showcase';
import { AppError } from '../../lib/errors';
import { checkShowcaseImage } from './images';

const refusal = (bytes: Buffer, name: string) => {
  try {
    checkShowcaseImage(bytes, name);
  } catch (e) {
    if (e instanceof AppError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'accepted';
};

describe('showcase images', () => {
  it('accepts a PNG and a WebP named for what they are', () => {
    expect(checkShowcaseImage(makePng(), '图.PNG')).toEqual({ mime: 'image/png', ext: 'png' });
    expect(checkShowcaseImage(makeWebp(), '图.webp')).toEqual({ mime: 'image/webp', ext: 'webp' });
  });

  it('refuses text, markup, a PDF, a cut-off WebP and a wrong name', () => {
    expect(refusal(Buffer.from('这不是图片'.repeat(10)), '图.png')).toMatch(/^FILE_REJECTED/);
    expect(
      refusal(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), '图.png'),
    ).toMatch(/^FILE_REJECTED/);
    expect(refusal(Buffer.from('%PDF-1.4\n%%EOF'), '图.pdf')).toBe(
      'FILE_REJECTED: 成果展示图片须为 PNG、JPEG 或 WebP 图片',
    );
    expect(refusal(makeWebp().subarray(0, 24), '图.webp')).toMatch(/WebP图片不完整/);
    expect(refusal(makeWebp(), '图.png')).toMatch(/扩展名改为 .webp/);
    expect(refusal(makePng(), '图.webp')).toMatch(/内容不是WebP图片/);
  });
});
