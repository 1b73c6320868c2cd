// 验证题: a small arithmetic question against programs that file objections in bulk, without an
// account and without state on the server. The token carries its expiry and a nonce, signed with
// HMAC-SHA256 over the answer too, so only someone who knows the answer can present a token that
// checks; the answer itself is not in it. The secret is generated once and kept in the meta table,
// so every server process of one database signs and checks alike. (A token may be used more than
// once in its ten minutes: the per-address rate limit bounds that.)
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { arithmeticChallenge, CHALLENGE_MINUTES } from '../../../domain/objections';
import type { ChallengeView } from '../../../domain/api/objections';
import type { Db } from '../../db/client';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import * as repo from './repository';

const secrets = new WeakMap<Db, Promise<Buffer>>();

/** The database's secret, read (or created) once per process. */
function secretOf(db: Db): Promise<Buffer> {
  let s = secrets.get(db);
  if (!s) {
    s = repo
      .challengeSecret(db, randomBytes(32).toString('hex'))
      .then((hex) => Buffer.from(hex, 'hex'));
    s.catch(() => secrets.delete(db));
    secrets.set(db, s);
  }
  return s;
}

const sign = (secret: Buffer, answer: number, expires: number, nonce: string) =>
  createHmac('sha256', secret)
    .update(`objection-challenge|${answer}|${expires}|${nonce}`)
    .digest('base64url');

/** getChallenge: a new question and its token, good for CHALLENGE_MINUTES. */
export async function newChallenge(deps: Pick<Deps, 'db' | 'clock'>): Promise<ChallengeView> {
  const secret = await secretOf(deps.db);
  const r = (): number => randomInt(0, 1_000_000) / 1_000_000;
  const { question, answer } = arithmeticChallenge([r(), r(), r()]);
  const expires = deps.clock.now().getTime() + CHALLENGE_MINUTES * 60_000;
  const nonce = randomBytes(12).toString('base64url');
  return {
    token: `${expires}.${nonce}.${sign(secret, answer, expires, nonce)}`,
    question,
    expiresAt: new Date(expires).toISOString(),
  };
}

const refused = (message: string) =>
  new AppError('VALIDATION_FAILED', {
    message,
    details: [{ path: 'challengeAnswer', message }],
  });

/** Refuses (400, on challengeAnswer) a token that is malformed, expired or not for this answer. */
export async function checkChallenge(
  deps: Pick<Deps, 'db' | 'clock'>,
  token: string,
  answer: string,
): Promise<void> {
  const m = /^(\d{13,15})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) throw refused('验证题已失效，请换一题后重新作答');
  const expires = Number(m[1]);
  if (deps.clock.now().getTime() > expires)
    throw refused(`验证题已过期（${CHALLENGE_MINUTES}分钟内有效），请换一题后重新作答`);
  const n = Number(answer.trim());
  const expected = Buffer.from(sign(await secretOf(deps.db), n, expires, m[2]!));
  const given = Buffer.from(m[3]!);
  if (!Number.isInteger(n) || expected.length !== given.length || !timingSafeEqual(expected, given))
    throw refused('验证题答案不正确，请重新计算，或换一题');
}
