// The one way the web app talks to the server: JSON under /api/v1, CSRF header, typed errors.
import type { ErrorCode, FieldIssue } from '../../domain/errors';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly messageEn: string;
  readonly details: unknown;

  constructor(
    status: number,
    code: ApiError['code'],
    message: string,
    messageEn: string,
    details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messageEn = messageEn;
    this.details = details;
  }

  /** Field problems (VALIDATION_FAILED, USCC_INVALID): [{ path, message }]. */
  get fieldIssues(): FieldIssue[] {
    return Array.isArray(this.details)
      ? (this.details as unknown[]).filter(
          (d): d is FieldIssue =>
            !!d && typeof d === 'object' && typeof (d as FieldIssue).path === 'string',
        )
      : [];
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let onUnauthenticated: () => void = () => {
  if (!window.location.pathname.startsWith('/login')) window.location.assign('/login');
};
/** The app decides what a lost session means (clear caches, go to /login). */
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

let onPasswordChangeRequired: () => void = () => {
  if (window.location.pathname !== '/account/password') window.location.assign('/account/password');
};
/** The app decides where a session that must change its password goes first. */
export function setPasswordChangeRequiredHandler(fn: () => void): void {
  onPasswordChangeRequired = fn;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON, or FormData for a multipart upload (the browser sets the boundary). */
  body?: unknown;
  query?: Query;
  /** Do not redirect on 401 (used by GET /me and sign-in). */
  quiet401?: boolean;
  /** Let the request finish after the page is gone (autosave on leaving). */
  keepalive?: boolean;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = typeof FormData !== 'undefined' && opts.body instanceof FormData;
  if (opts.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  // every changing method (POST, PUT, PATCH, DELETE) carries the CSRF header
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(`/api/v1${path}`, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      keepalive: opts.keepalive,
      body:
        opts.body === undefined
          ? undefined
          : isForm
            ? (opts.body as FormData)
            : JSON.stringify(opts.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试', 'Cannot reach the server');
  }
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : null;
  if (res.ok) return data as T;
  const err = (
    data as {
      error?: { code?: string; message?: string; messageEn?: string; details?: unknown };
    } | null
  )?.error;
  const apiError = new ApiError(
    res.status,
    (err?.code as ErrorCode | undefined) ?? 'INTERNAL',
    err?.message ?? `请求失败（${res.status}）`,
    err?.messageEn ?? `Request failed (${res.status})`,
    err?.details,
  );
  if (res.status === 401 && apiError.code === 'UNAUTHENTICATED' && !opts.quiet401) {
    setCsrfToken(null);
    onUnauthenticated();
  }
  if (res.status === 403 && apiError.code === 'PASSWORD_CHANGE_REQUIRED')
    onPasswordChangeRequired();
  throw apiError;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
