// 工作日 (issue 14): the Chinese working-day calendar a 公示期 of "5个工作日" is counted in. A day is a
// working day when it is Monday to Friday and not a holiday of the year's State Council notice
// (国务院办公厅关于XXXX年部分节假日安排的通知), or when that notice makes it a working day (调休上班,
// e.g. a Saturday). The notices are data with their source; a campaign may carry its own list
// (settings.holidayNotices) — e.g. a year whose notice is newer than this release. A period that
// reaches into a year without a notice is refused rather than guessed. Pure: no I/O.
import { z } from './zod';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const daySchema = z
  .string()
  .regex(DAY, '日期格式应为 YYYY-MM-DD')
  .refine((s) => isCalendarDay(s), '不是有效的日期');

/** One year's 部分节假日安排 as the State Council published it. */
export const holidayNoticeSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** the notice's title, as published */
    title: z.string().trim().min(1).max(100),
    /** 国办发明电〔YYYY〕N号, where known */
    docNumber: z.string().trim().max(40).optional(),
    /** the day it was issued (成文日期) */
    issuedOn: daySchema,
    /** each holiday's days off (放假调休), both ends included */
    holidays: z
      .array(
        z.object({
          name: z.string().trim().min(1).max(20),
          from: daySchema,
          to: daySchema,
        }),
      )
      .min(1)
      .max(20),
    /** weekend days made working days (调休上班) */
    workdays: z.array(daySchema).max(20),
  })
  .superRefine((n, ctx) => {
    for (const [i, h] of n.holidays.entries())
      if (h.from > h.to)
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', i, 'to'],
          message: `${h.name}的放假结束日期早于开始日期`,
        });
    for (const [i, d] of n.workdays.entries())
      if (n.holidays.some((h) => h.from <= d && d <= h.to))
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', i],
          message: `${d} 既是放假日又是调休上班日`,
        });
  });
export type HolidayNotice = z.infer<typeof holidayNoticeSchema>;

/** A campaign's own list: at most one notice per year. */
export const holidayNoticesSchema = z
  .array(holidayNoticeSchema)
  .max(50)
  .refine((list) => new Set(list.map((n) => n.year)).size === list.length, {
    message: '同一年份的节假日安排只能有一份',
  });

const notice = (
  year: number,
  issuedOn: string,
  holidays: Array<[string, string, string]>,
  workdays: string[],
  docNumber?: string,
): HolidayNotice => ({
  year,
  title: `国务院办公厅关于${year}年部分节假日安排的通知`,
  ...(docNumber ? { docNumber } : {}),
  issuedOn,
  holidays: holidays.map(([name, from, to]) => ({ name, from, to })),
  workdays,
});

/**
 * The State Council's notices, as published (中国政府网; the dates as the notices give them). A
 * year whose notice came out after this release goes into the campaign's own list.
 */
export const STATE_COUNCIL_HOLIDAY_NOTICES: readonly HolidayNotice[] = [
  notice(
    2021,
    '2020-11-25',
    [
      ['元旦', '2021-01-01', '2021-01-03'],
      ['春节', '2021-02-11', '2021-02-17'],
      ['清明节', '2021-04-03', '2021-04-05'],
      ['劳动节', '2021-05-01', '2021-05-05'],
      ['端午节', '2021-06-12', '2021-06-14'],
      ['中秋节', '2021-09-19', '2021-09-21'],
      ['国庆节', '2021-10-01', '2021-10-07'],
    ],
    [
      '2021-02-07',
      '2021-02-20',
      '2021-04-25',
      '2021-05-08',
      '2021-09-18',
      '2021-09-26',
      '2021-10-09',
    ],
    '国办发明电〔2020〕27号',
  ),
  notice(
    2022,
    '2021-10-25',
    [
      ['元旦', '2022-01-01', '2022-01-03'],
      ['春节', '2022-01-31', '2022-02-06'],
      ['清明节', '2022-04-03', '2022-04-05'],
      ['劳动节', '2022-04-30', '2022-05-04'],
      ['端午节', '2022-06-03', '2022-06-05'],
      ['中秋节', '2022-09-10', '2022-09-12'],
      ['国庆节', '2022-10-01', '2022-10-07'],
    ],
    [
      '2022-01-29',
      '2022-01-30',
      '2022-04-02',
      '2022-04-24',
      '2022-05-07',
      '2022-10-08',
      '2022-10-09',
    ],
    '国办发明电〔2021〕11号',
  ),
  notice(
    2023,
    '2022-12-08',
    [
      ['元旦', '2022-12-31', '2023-01-02'],
      ['春节', '2023-01-21', '2023-01-27'],
      ['清明节', '2023-04-05', '2023-04-05'],
      ['劳动节', '2023-04-29', '2023-05-03'],
      ['端午节', '2023-06-22', '2023-06-24'],
      ['中秋节、国庆节', '2023-09-29', '2023-10-06'],
    ],
    [
      '2023-01-28',
      '2023-01-29',
      '2023-04-23',
      '2023-05-06',
      '2023-06-25',
      '2023-10-07',
      '2023-10-08',
    ],
  ),
  notice(
    2024,
    '2023-10-25',
    [
      ['元旦', '2024-01-01', '2024-01-01'],
      ['春节', '2024-02-10', '2024-02-17'],
      ['清明节', '2024-04-04', '2024-04-06'],
      ['劳动节', '2024-05-01', '2024-05-05'],
      ['端午节', '2024-06-10', '2024-06-10'],
      ['中秋节', '2024-09-15', '2024-09-17'],
      ['国庆节', '2024-10-01', '2024-10-07'],
    ],
    [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  ),
  notice(
    2025,
    '2024-11-12',
    [
      ['元旦', '2025-01-01', '2025-01-01'],
      ['春节', '2025-01-28', '2025-02-04'],
      ['清明节', '2025-04-04', '2025-04-06'],
      ['劳动节', '2025-05-01', '2025-05-05'],
      ['端午节', '2025-05-31', '2025-06-02'],
      ['国庆节、中秋节', '2025-10-01', '2025-10-08'],
    ],
    ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    '国办发明电〔2024〕12号',
  ),
  notice(
    2026,
    '2025-11-04',
    [
      ['元旦', '2026-01-01', '2026-01-03'],
      ['春节', '2026-02-15', '2026-02-23'],
      ['清明节', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午节', '2026-06-19', '2026-06-21'],
      ['中秋节', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ],
    ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  ),
];

// ------------------------------------------------------------------ days

/** Whether `s` (YYYY-MM-DD) is a day of the Gregorian calendar. */
export function isCalendarDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const toUtc = (s: string) => Date.parse(`${s}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ONE_DAY = 86_400_000;
/** The day after (or `n` days after) `s`. */
export const addCalendarDays = (s: string, n: number) => fromUtc(toUtc(s) + n * ONE_DAY);
const weekdayOf = (s: string) => new Date(toUtc(s)).getUTCDay(); // 0 Sunday … 6 Saturday
const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
export const weekdayName = (s: string) => WEEKDAY_NAMES[weekdayOf(s)]!;

export type DayKind = 'working' | 'weekend' | 'holiday' | 'adjusted_working';

/** A working-day calendar built from notices (the campaign's own over the State Council's). */
export class WorkingDayCalendar {
  private readonly byYear = new Map<number, HolidayNotice>();
  private readonly holidays = new Map<string, string>();
  private readonly workdays = new Set<string>();

  constructor(notices: readonly HolidayNotice[]) {
    for (const n of notices) this.byYear.set(n.year, n);
    for (const n of this.byYear.values()) {
      for (const h of n.holidays)
        for (let d = h.from; d <= h.to; d = addCalendarDays(d, 1)) this.holidays.set(d, h.name);
      for (const d of n.workdays) this.workdays.add(d);
    }
  }

  /** The notice a day's year is read from (a holiday that starts in December belongs to both). */
  noticeOf(year: number): HolidayNotice | undefined {
    return this.byYear.get(year);
  }

  /** Throws when the calendar cannot say: the day's year has no notice. */
  kindOf(day: string): DayKind {
    const year = Number(day.slice(0, 4));
    if (!this.byYear.has(year)) throw new MissingNoticeError(year);
    if (this.workdays.has(day)) return 'adjusted_working';
    if (this.holidays.has(day)) return 'holiday';
    const w = weekdayOf(day);
    return w === 0 || w === 6 ? 'weekend' : 'working';
  }

  isWorkingDay(day: string): boolean {
    const k = this.kindOf(day);
    return k === 'working' || k === 'adjusted_working';
  }

  /** The holiday's name when `day` is one (元旦, 国庆节 …). */
  holidayName(day: string): string | undefined {
    return this.holidays.get(day);
  }

  /** The first working day on or after `day`. */
  firstWorkingDayFrom(day: string): string {
    let d = day;
    while (!this.isWorkingDay(d)) d = addCalendarDays(d, 1);
    return d;
  }

  /**
   * A period of `n` working days starting on `start` (or, when that is not a working day, on the
   * next one): its first and last day, both included, and the days off it spans.
   */
  period(start: string, n: number): WorkingDayPeriod {
    if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive integer');
    const from = this.firstWorkingDayFrom(start);
    let to = from;
    let counted = 1;
    const daysOff: string[] = [];
    while (counted < n) {
      to = addCalendarDays(to, 1);
      if (this.isWorkingDay(to)) counted++;
      else daysOff.push(to);
    }
    return { from, to, workingDays: n, calendarDays: daysOff.length + n, daysOff };
  }

  /** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
  workingDaysBetween(from: string, to: string): number {
    let n = 0;
    for (let d = from; d <= to; d = addCalendarDays(d, 1)) if (this.isWorkingDay(d)) n++;
    return n;
  }
}

export interface WorkingDayPeriod {
  from: string;
  to: string;
  workingDays: number;
  calendarDays: number;
  /** weekend days and holidays inside the period */
  daysOff: string[];
}

/** A day whose year's holiday notice the calendar lacks: the period cannot be computed. */
export class MissingNoticeError extends Error {
  constructor(readonly year: number) {
    super(
      `尚未录入${year}年的节假日安排（国务院办公厅关于${year}年部分节假日安排的通知），无法计算工作日`,
    );
    this.name = 'MissingNoticeError';
  }
}

/** The calendar of a campaign: its own notices (absent: none) over the State Council's. */
export function calendarOf(settings: { holidayNotices?: readonly HolidayNotice[] }) {
  return new WorkingDayCalendar([
    ...STATE_COUNCIL_HOLIDAY_NOTICES,
    ...(settings.holidayNotices ?? []),
  ]);
}
