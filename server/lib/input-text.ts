// Text the database cannot store as sent. PostgreSQL refuses U+0000 in text and jsonb, and a lone
// UTF-16 surrogate in jsonb (in text it turns silently into U+FFFD). Such text is refused at the
// door, for every route, with the place it was found.
import type { FieldIssue } from '../../domain/errors';
import { AppError } from './errors';

// a high surrogate not followed by a low one, or a low one not preceded by a high one
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a piece of text, in Chinese, or null when it can be stored. */
export function unstorableText(s: string): string | null {
  if (s.includes('\u0000')) return '空字符（U+0000）';
  const m = LONE_SURROGATE.exec(s);
  if (m) {
    const hex = m[0].charCodeAt(0).toString(16).toUpperCase();
    return `不成对的 UTF-16 代理项（U+${hex}），通常是复制粘贴时截断的表情或生僻字`;
  }
  return null;
}

/** The first string (value or key) in a value that cannot be stored, with its JSON path. */
export function findUnstorableText(
  value: unknown,
  at: string,
  depth = 0,
): { path: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = unstorableText(value);
    return problem ? { path: at, problem } : null;
  }
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value);
  for (const [k, v] of entries) {
    const here = at ? `${at}.${k}` : k;
    const keyProblem = unstorableText(k);
    if (keyProblem) return { path: here, problem: `字段名中含有${keyProblem}` };
    const found = findUnstorableText(v, here, depth + 1);
    if (found) return found;
  }
  return null;
}

/** VALIDATION_FAILED naming the field: `“data.solution.summary”中含有…`. */
export function unstorableTextError(found: { path: string; problem: string }): AppError {
  const where = found.path ? `“${printable(found.path)}”` : '请求';
  const details: FieldIssue[] = [
    { path: printable(found.path), message: `含有无法保存的字符：${found.problem}，请删除后重试` },
  ];
  return new AppError('VALIDATION_FAILED', {
    message: `${where}中含有无法保存的字符：${found.problem}，请删除后重试`,
    messageEn: `${printable(found.path) || 'The request'} contains text that cannot be stored (a NUL character or a lone UTF-16 surrogate)`,
    details,
  });
}

/** A path as it can be shown and sent back: NUL and lone surrogates written as \uXXXX. */
function printable(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex
    /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The first part of a URL whose percent-encoding is not UTF-8 (`%ED%A0%80`, a surrogate; `%C3%28`;
 * a lone `%`): the parser would pass it on as U+FFFD or as it stands.
 */
export function undecodableUrlPart(url: string): string | null {
  const [pathname = '', search = ''] = url.split(/\?(.*)/s);
  const parts = [
    ...pathname.split('/').map((p) => ({ name: p, raw: p })),
    ...search
      .split('&')
      .map((pair) => ({ name: pair.split('=')[0]!, raw: pair.replace(/\+/g, ' ') })),
  ];
  for (const part of parts) {
    try {
      decodeURIComponent(part.raw);
    } catch {
      let name = part.name;
      try {
        name = decodeURIComponent(name);
      } catch {
        /* the name itself is the problem */
      }
      return name.length > 60 ? `${name.slice(0, 60)}…` : name;
    }
  }
  return null;
}

/** Throws when a request's URL, path parameters, query or body hold text that cannot be stored. */
export function assertStorableRequest(req: {
  url?: string;
  params?: unknown;
  query?: unknown;
  body?: unknown;
}): void {
  const badPart = req.url === undefined ? null : undecodableUrlPart(req.url);
  if (badPart !== null)
    throw new AppError('BAD_REQUEST', {
      message: `请求地址中“${printable(badPart)}”的编码不是有效的 UTF-8（可能含有不成对的代理项），请检查后重试`,
      messageEn: 'The URL contains a percent-encoding that is not valid UTF-8',
      details: [{ path: printable(badPart), message: '编码不是有效的 UTF-8' }],
    });
  const found =
    findUnstorableText(req.params, '') ??
    findUnstorableText(req.query, '') ??
    findUnstorableText(req.body, '');
  if (found) throw unstorableTextError(found);
}

/** At most `max` UTF-16 units, never cutting a surrogate pair in two (which would leave a lone one). */
export function truncateText(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
