// Noto Sans SC (SIL OFL 1.1) arrives with `npm install` in @expo-google-fonts/noto-sans-sc.
// Read once per process; pdfkit embeds only the glyphs a document uses (a subset).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface PrintFonts {
  regular: Buffer;
  bold: Buffer;
}

let cached: PrintFonts | null = null;

export function printFonts(): PrintFonts {
  if (!cached) {
    const dir = '@expo-google-fonts/noto-sans-sc';
    cached = {
      regular: readFileSync(require.resolve(`${dir}/400Regular/NotoSansSC_400Regular.ttf`)),
      bold: readFileSync(require.resolve(`${dir}/700Bold/NotoSansSC_700Bold.ttf`)),
    };
  }
  return cached;
}
