// One zod for the whole codebase, speaking Chinese by default.
import { z } from 'zod';

z.config(z.locales.zhCN());

export { z };

/** The largest PostgreSQL integer (int4); a larger number is refused as input, not failed on. */
export const INT4_MAX = 2_147_483_647;

/** A positive whole number that fits an int4 column (a version number, a rank). */
export const positiveInt4 = () => z.number().int().positive().max(INT4_MAX, `不能大于 ${INT4_MAX}`);

/** The same, taken from a path or a query string ("2" → 2). */
export const positiveInt4Param = () =>
  z.coerce.number().int().positive().max(INT4_MAX, `不能大于 ${INT4_MAX}`);

/** A whole number ≥ 0 that fits an int4 column (a draft version that starts at 0). */
export const nonNegativeInt4 = () => z.number().int().min(0).max(INT4_MAX, `不能大于 ${INT4_MAX}`);

const INSTANT_MESSAGE = '请填写带时区的时间，如 2026-10-20T23:59:59+08:00';
/** Years an instant may fall in: what PostgreSQL timestamptz and a JavaScript Date both hold. */
export const INSTANT_YEARS = { min: 1900, max: 9999 } as const;

/**
 * An instant with its time zone (ISO 8601, e.g. 2026-10-20T23:59:59+08:00) between the years 1900
 * and 9999: year 0000 or 275760 parse as text but fail in the database.
 */
export const instantSchema = (message = INSTANT_MESSAGE) =>
  z.iso.datetime({ offset: true, message }).refine(
    (v) => {
      const year = new Date(v).getUTCFullYear();
      return year >= INSTANT_YEARS.min && year <= INSTANT_YEARS.max;
    },
    { message: `时间须在 ${INSTANT_YEARS.min} 年至 ${INSTANT_YEARS.max} 年之间` },
  );
