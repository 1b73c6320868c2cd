import { ERRORS, type ErrorBody, type ErrorCode } from '../../domain/errors';

/** The one error type: a stable code, a status, messages in Chinese and English. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messageEn: string;
  readonly details: unknown;

  constructor(
    code: ErrorCode,
    opts: { message?: string; messageEn?: string; details?: unknown } = {},
  ) {
    const known = ERRORS[code];
    super(opts.message ?? known.zh);
    this.code = code;
    this.status = known.status;
    this.messageEn = opts.messageEn ?? known.en;
    this.details = opts.details;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        messageEn: this.messageEn,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/** Postgres unique violation on the named constraint/index. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = findPgError(e);
  return !!err && err.code === '23505' && (!constraint || err.constraint === constraint);
}

function findPgError(e: unknown): { code?: string; constraint?: string } | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const c = cur as { code?: unknown; constraint?: string; cause?: unknown };
    if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) return c as { code: string };
    cur = c.cause;
  }
  return undefined;
}
