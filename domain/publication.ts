// 发布 (issue 14): the final list of 优秀解决方案 with its 文号 and date. Each solution gets a stable
// public id, a validity of two years from the publication day (notice §四(三)3), and a status —
// 有效, 已撤销 (an organizer's decision, issue 15), 已退出 (withdrawn by its enterprise, recorded by an
// organizer) or 已过期 (by the Beijing calendar). The same ids
// are used on the public pages, in the open data and on the 入选证明. Shared by server and web. No I/O.
import { addCalendarDays, isCalendarDay } from './working-days';
import { z } from './zod';

/** The years a published solution stays valid (notice §四(三)3). */
export const VALIDITY_YEARS = 2;

export const PUBLISHED_STATUSES = ['valid', 'revoked', 'expired', 'withdrawn'] as const;
export type PublishedStatus = (typeof PUBLISHED_STATUSES)[number];
export const PUBLISHED_STATUS_LABELS: Record<PublishedStatus, { zh: string; en: string }> = {
  valid: { zh: '有效', en: 'Valid' },
  revoked: { zh: '已撤销', en: 'Revoked' },
  expired: { zh: '已过期', en: 'Expired' },
  withdrawn: { zh: '已退出', en: 'Withdrawn' },
};

/** The series code in public ids: 工业互联网APP → IIAPP. */
export const DEFAULT_PUBLIC_ID_SERIES = 'IIAPP';

/** 2021-IIAPP-001: the list's year, the series, and the place in the list (at least 3 digits). */
export function publicIdOf(year: number, series: string, seq: number): string {
  return `${year}-${series}-${String(seq).padStart(3, '0')}`;
}

export const PUBLIC_ID_PATTERN = /^(\d{4})-([A-Z][A-Z0-9]{1,15})-(\d{3,})$/;

/** The year, series and place of a public id, or null when it is not one (typed by a person). */
export function parsePublicId(input: string): { year: number; series: string; seq: number } | null {
  const m = PUBLIC_ID_PATTERN.exec(input.normalize('NFKC').trim().toUpperCase());
  return m ? { year: Number(m[1]), series: m[2]!, seq: Number(m[3]) } : null;
}

/**
 * The last valid day of a list published on `publishedOn` (YYYY-MM-DD): the day before the same
 * date two years later (published 2021-12-20 → valid through 2023-12-19; 29 Feb → 28 Feb).
 */
export function validUntilOf(publishedOn: string, years = VALIDITY_YEARS): string {
  const [y, m, d] = publishedOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0); // 29 Feb in a year without one
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/**
 * The status shown on a day (Beijing, YYYY-MM-DD): a revocation or withdrawal stands; otherwise valid through
 * its last day and expired from the day after, whether or not the expiry has been recorded yet.
 */
export function publishedStatusOn(
  s: { status: PublishedStatus; validUntil: string },
  today: string,
): PublishedStatus {
  if (s.status === 'revoked' || s.status === 'withdrawn') return s.status;
  return today > s.validUntil ? 'expired' : 'valid';
}

/** publishList */
export const publishListSchema = z.object({
  /** 文号 of the ministry's notice publishing the list */
  documentNo: z
    .string()
    .trim()
    .min(4, '请填写发布文号，如 工信厅信发函〔2021〕300号')
    .max(100, '发布文号最多100字'),
  /** the publication day (Beijing); validity runs from it */
  publishedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .refine(isCalendarDay, '不是有效的日期'),
  /** the list's title, default 「<year>年工业互联网APP优秀解决方案名单」 */
  title: z.string().trim().min(4, '名单标题至少4个字').max(200, '名单标题最多200字').optional(),
});
export type PublishListInput = z.infer<typeof publishListSchema>;

/** 2021-12-20 → 2021年12月20日 */
export function chineseDate(day: string): string {
  return `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}

/** The validity as the 入选证明 says it: 2021年12月20日至2023年12月19日 */
export function validityText(validFrom: string, validUntil: string): string {
  return `${chineseDate(validFrom)}至${chineseDate(validUntil)}`;
}

/** The list's title when the organizer gives none: 2021年工业互联网APP优秀解决方案名单 */
export function defaultListTitle(year: number): string {
  return `${year}年工业互联网APP优秀解决方案名单`;
}

/** The first day a list may be published: the day after the 公示's last day. */
export const earliestPublishDay = (noticeLastDay: string) => addCalendarDays(noticeLastDay, 1);

/** The history note of a published solution: 列入《…名单》（工信厅信发函〔2021〕300号） */
export function publishedNote(title: string, documentNo: string): string {
  return `列入《${title}》（${documentNo}）`;
}

/**
 * A GB/T 2260 code named for the public: its province, then its city when that differs
 * (330106 → 浙江省杭州市; 110105 → 北京市); the code itself when no name is known.
 */
export function regionLabelOf(
  code: string | null,
  names: Readonly<Record<string, string>>,
): string {
  if (!code) return '';
  if (!/^\d{6}$/.test(code)) return names[code] ?? code;
  const province = names[`${code.slice(0, 2)}0000`];
  const city = names[`${code.slice(0, 4)}00`];
  const label = [province, city && city !== province ? city : undefined].filter(Boolean).join('');
  return label || names[code] || code;
}

/** The series of a campaign's public ids: its own setting, else IIAPP. */
export const publicIdSeriesOf = (settings: { publicIdSeries?: string | undefined }) =>
  settings.publicIdSeries ?? DEFAULT_PUBLIC_ID_SERIES;

/** A campaign's own series code (campaign settings): 2 to 16 capitals and digits, a capital first. */
export const PUBLIC_ID_SERIES_PATTERN = /^[A-Z][A-Z0-9]{1,15}$/;
