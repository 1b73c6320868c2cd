import pdfMake from 'pdfmake';
import { printFonts } from './fonts';

/** The font family every printed document uses. */
export const PRINT_FONT = 'NotoSansSC';

let configured = false;

/** Once per process: the fonts into pdfmake's virtual file system; no URL or file access at all. */
export function configurePdfMake(): typeof pdfMake {
  if (configured) return pdfMake;
  const fonts = printFonts();
  const vfs = (pdfMake as unknown as { virtualfs: { writeFileSync(n: string, b: Buffer): void } })
    .virtualfs;
  vfs.writeFileSync('zx-print/NotoSansSC-Regular.ttf', fonts.regular);
  vfs.writeFileSync('zx-print/NotoSansSC-Bold.ttf', fonts.bold);
  pdfMake.addFonts({
    [PRINT_FONT]: {
      normal: 'zx-print/NotoSansSC-Regular.ttf',
      bold: 'zx-print/NotoSansSC-Bold.ttf',
      italics: 'zx-print/NotoSansSC-Regular.ttf',
      bolditalics: 'zx-print/NotoSansSC-Bold.ttf',
    },
  });
  // everything a document shows is in its definition: never fetch or read anything else
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy(() => false);
  configured = true;
  return pdfMake;
}
