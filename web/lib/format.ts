// Dates are shown in Asia/Shanghai (北京时间) whatever the browser's zone.
import type { Lang } from './i18n';

const TZ = 'Asia/Shanghai';

function parts(iso: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(new Date(iso))) out[p.type] = p.value;
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2021年10月20日 / 20 Oct 2021 */
export function formatDate(iso: string, lang: Lang): string {
  const p = parts(iso);
  if (lang === 'zh') return `${p.year}年${Number(p.month)}月${Number(p.day)}日`;
  return `${Number(p.day)} ${MONTHS[Number(p.month) - 1]} ${p.year}`;
}

/** 2021年10月20日 23:59（北京时间） / 20 Oct 2021, 23:59 (Beijing time) */
export function formatDeadline(iso: string, lang: Lang): string {
  const p = parts(iso);
  const time = `${p.hour}:${p.minute}`;
  return lang === 'zh'
    ? `${formatDate(iso, lang)} ${time}（北京时间）`
    : `${formatDate(iso, lang)}, ${time} (Beijing time)`;
}

/** 2021-10-20 23:59:07, Beijing time, for tables. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** A calendar date given as YYYY-MM-DD (no zone). */
export function formatPlainDate(ymd: string, lang: Lang): string {
  const [y, m, d] = ymd.split('-');
  if (lang === 'zh') return `${y}年${Number(m)}月${Number(d)}日`;
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

export function timeLeft(
  deadlineIso: string,
  now: number,
): { d: number; h: number; m: number } | null {
  const ms = new Date(deadlineIso).getTime() - now;
  if (ms <= 0) return null;
  const minutes = Math.floor(ms / 60_000);
  return { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60), m: minutes % 60 };
}

/** Punctuation a person may end a comment with, and the spaces around it. */
const TRAILING_PUNCTUATION = /[\s。．.，,、；;：:！!？?…~～—-]+$/u;

/**
 * A person's comment (退回意见, 不予推荐理由, 处理意见…) made fit to sit inside one of our sentences:
 * trimmed and without its closing punctuation, so "…合作协议。" does not read "合作协议。，请修改" or "。。".
 * Quotes and brackets the comment closes with are kept.
 */
export function embeddedComment(comment: string | null | undefined): string {
  return (comment ?? '').trim().replace(TRAILING_PUNCTUATION, '');
}
