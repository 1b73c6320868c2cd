import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id, OWASP's minimum profile: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not tell. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c8KBcfl07cJ/YfU0g5BTqQ$6xeZpqY9pBk6WLiO+TFzmrxEnsO97zJa/YJEDtUQ4Jg';

const READABLE = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A one-time password people can read aloud: letters and digits, no look-alikes. */
export function generatePassword(length = 12): string {
  for (;;) {
    let out = '';
    for (let i = 0; i < length; i++) out += READABLE[randomInt(READABLE.length)];
    if (/[A-Za-z]/.test(out) && /\d/.test(out)) return out;
  }
}
