import { describe, expect, test } from 'vitest';
// the workplace's reference calendar for 2021 (shared/data), kept beside the test fixtures
import reference2021 from '../test/fixtures/data/cn_workday_calendar_2021.csv?raw';
import {
  addCalendarDays,
  calendarOf,
  holidayNoticeSchema,
  holidayNoticesSchema,
  MissingNoticeError,
  STATE_COUNCIL_HOLIDAY_NOTICES,
  weekdayName,
  WorkingDayCalendar,
  type HolidayNotice,
} from './working-days';

const cal = calendarOf({});

describe('a 公示期 of 5个工作日', () => {
  test('across 国庆 2021: the holiday is skipped and the 调休 Saturday counts', () => {
    // Tue 28 Sep, Wed 29, Thu 30, then 1–7 Oct off, Fri 8 Oct, Sat 9 Oct (调休上班)
    expect(cal.period('2021-09-28', 5)).toEqual({
      from: '2021-09-28',
      to: '2021-10-09',
      workingDays: 5,
      calendarDays: 12,
      daysOff: [
        '2021-10-01',
        '2021-10-02',
        '2021-10-03',
        '2021-10-04',
        '2021-10-05',
        '2021-10-06',
        '2021-10-07',
      ],
    });
    expect(weekdayName('2021-10-09')).toBe('周六');
    expect(cal.kindOf('2021-10-09')).toBe('adjusted_working');
    expect(cal.holidayName('2021-10-04')).toBe('国庆节');
  });

  test('opened on a Saturday before 国庆: a 调休 Sunday is its first day', () => {
    // Sat 25 Sep 2021 off, Sun 26 Sep worked (调休)
    expect(cal.firstWorkingDayFrom('2021-09-25')).toBe('2021-09-26');
    expect(cal.period('2021-09-25', 5)).toMatchObject({ from: '2021-09-26', to: '2021-09-30' });
  });

  test('opened on 1 October 2026: it starts after the holiday and ends the next Tuesday', () => {
    // Thu 8, Fri 9, Sat 10 (调休上班), Mon 12, Tue 13
    expect(cal.period('2026-10-01', 5)).toMatchObject({
      from: '2026-10-08',
      to: '2026-10-13',
      calendarDays: 6,
      daysOff: ['2026-10-11'],
    });
  });

  test('an ordinary week: Monday to Friday, the weekend skipped when it spans one', () => {
    expect(cal.period('2021-11-03', 5)).toMatchObject({
      from: '2021-11-03',
      to: '2021-11-09',
      daysOff: ['2021-11-06', '2021-11-07'],
    });
    expect(cal.workingDaysBetween('2021-09-27', '2021-10-10')).toBe(6);
    expect(cal.workingDaysBetween('2021-10-10', '2021-10-09')).toBe(0);
  });

  test('the 元旦 of 2023 began on 31 December 2022 (the 2023 notice)', () => {
    expect(cal.kindOf('2022-12-31')).toBe('holiday');
    expect(cal.period('2022-12-29', 3)).toMatchObject({ from: '2022-12-29', to: '2023-01-03' });
  });
});

describe('a year without its notice', () => {
  test('is refused, saying which notice is missing, not guessed', () => {
    expect(() => cal.period('2027-01-04', 5)).toThrow(MissingNoticeError);
    expect(() => cal.isWorkingDay('2027-01-04')).toThrow(
      '尚未录入2027年的节假日安排（国务院办公厅关于2027年部分节假日安排的通知），无法计算工作日',
    );
    // a period that runs out of the known years is refused too
    expect(() => cal.period('2026-12-28', 10)).toThrow(MissingNoticeError);
  });

  test('a campaign’s own notice fills it (and a campaign’s notice of a known year replaces it)', () => {
    const y2027: HolidayNotice = {
      year: 2027,
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      issuedOn: '2026-11-10',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
      workdays: [],
    };
    const own = calendarOf({ holidayNotices: [y2027] });
    expect(own.period('2026-12-30', 3)).toMatchObject({ from: '2026-12-30', to: '2027-01-04' });
    const replaced = new WorkingDayCalendar([
      ...STATE_COUNCIL_HOLIDAY_NOTICES,
      { ...y2027, year: 2021, holidays: [{ name: '测试', from: '2021-03-01', to: '2021-03-01' }] },
    ]);
    expect(replaced.isWorkingDay('2021-10-04')).toBe(true);
    expect(replaced.isWorkingDay('2021-03-01')).toBe(false);
  });
});

describe('the notices as data', () => {
  test('the State Council’s: each valid, each 调休上班 day a weekend day, one per year from 2021', () => {
    expect(STATE_COUNCIL_HOLIDAY_NOTICES.map((n) => n.year)).toEqual([
      2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    for (const n of STATE_COUNCIL_HOLIDAY_NOTICES) {
      expect(holidayNoticeSchema.safeParse(n).success, String(n.year)).toBe(true);
      for (const d of n.workdays) expect(['周六', '周日'], d).toContain(weekdayName(d));
      expect(n.issuedOn < `${n.year}-01-01`).toBe(true);
    }
  });

  test('2021 equals the workplace’s reference calendar (国办发明电〔2020〕27号), day by day', () => {
    const rows = reference2021
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const n2021 = STATE_COUNCIL_HOLIDAY_NOTICES.find((n) => n.year === 2021)!;
    expect(n2021.docNumber).toBe('国办发明电〔2020〕27号');
    const holidays = rows.filter((r) => r[1] === 'holiday').map((r) => r[0]);
    const workdays = rows.filter((r) => r[1] === 'workday').map((r) => r[0]);
    expect(workdays).toEqual(n2021.workdays);
    const ours: string[] = [];
    for (let d = '2021-01-01'; d <= '2021-12-31'; d = addCalendarDays(d, 1))
      if (cal.kindOf(d) === 'holiday') ours.push(d);
    expect(ours).toEqual(holidays);
  });

  test('the days off as the notices count them (共N天)', () => {
    const days = (year: number, name: string) => {
      const h = STATE_COUNCIL_HOLIDAY_NOTICES.find((n) => n.year === year)!.holidays.find(
        (x) => x.name === name,
      )!;
      return (Date.parse(h.to) - Date.parse(h.from)) / 86_400_000 + 1;
    };
    expect(days(2021, '国庆节')).toBe(7);
    expect(days(2023, '中秋节、国庆节')).toBe(8);
    expect(days(2024, '春节')).toBe(8);
    expect(days(2025, '国庆节、中秋节')).toBe(8);
    expect(days(2026, '春节')).toBe(9);
  });

  test('a notice typed by an organizer: bad dates, a day both off and worked, two of one year', () => {
    const base = STATE_COUNCIL_HOLIDAY_NOTICES[0]!;
    const messages = (v: unknown) =>
      holidayNoticeSchema.safeParse(v).error?.issues.map((i) => i.message) ?? [];
    expect(messages({ ...base, issuedOn: '2021-02-30' })).toEqual(['不是有效的日期']);
    expect(
      messages({ ...base, holidays: [{ name: '国庆节', from: '2021-10-07', to: '2021-10-01' }] }),
    ).toEqual(['国庆节的放假结束日期早于开始日期']);
    expect(messages({ ...base, workdays: ['2021-10-02'] })).toEqual([
      '2021-10-02 既是放假日又是调休上班日',
    ]);
    expect(holidayNoticesSchema.safeParse([base, base]).error?.issues[0]?.message).toBe(
      '同一年份的节假日安排只能有一份',
    );
  });
});
