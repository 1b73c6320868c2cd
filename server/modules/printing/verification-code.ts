// Paper = online (DESIGN §4): the printed form carries a code derived from the frozen
// version's content, so anyone can check a paper copy against the online record.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit';

/** Crockford base32: no I, L, O, U. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * SHA-256 of the content's canonical JSON (keys sorted at every level), its first 60 bits
 * in Crockford base32, as XXXX-XXXX-XXXX.
 */
export function verificationCodeOf(content: unknown): string {
  const digest = createHash('sha256').update(canonicalJson(content), 'utf8').digest();
  let bits = digest.readBigUInt64BE(0) >> 4n; // the first 60 bits
  const chars: string[] = [];
  for (let i = 0; i < 12; i++) {
    chars.push(ALPHABET[Number(bits & 31n)]!);
    bits >>= 5n;
  }
  return hyphenate(chars.reverse().join(''));
}

function hyphenate(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

const VALID = /^[0-9A-HJKMNP-TV-Z]{12}$/;

/**
 * What a person typed (lower case, spaces, hyphens, O for 0, I or L for 1) as the canonical
 * XXXX-XXXX-XXXX, or null when it cannot be a code.
 */
export function normaliseVerificationCode(input: string): string | null {
  if (typeof input !== 'string') return null;
  const compact = input
    .normalize('NFKC') // full-width letters, digits and hyphens to ASCII
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—―]/gu, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return VALID.test(compact) ? hyphenate(compact) : null;
}
