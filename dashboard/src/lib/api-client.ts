import { env } from '@/config/env';
import { auth } from '@/lib/auth';

/** One bad field of a request, as the gateway names it: a JSON pointer and what is wrong. */
export type FieldError = { pointer: string; message: string };

/** A non-2xx answer, with the problem+json detail (and field errors) when the gateway sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | undefined | null>;

/** The header carrying the session's CSRF token on writes (the gateway's CookieWriteCheck). */
export const CSRF_HEADER = 'X-CSRF-Token';

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${env.apiBase}${path}${qs ? `?${qs}` : ''}`;
}

/**
 * Every call to the gateway: the session cookie goes along (same origin only), and a write carries
 * the session's CSRF token. A 401 means the session has ended: the token screen shows again.
 */
export async function apiFetch(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  init: { query?: Query; body?: BodyInit; contentType?: string; signal?: AbortSignal } = {},
): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.contentType) headers['Content-Type'] = init.contentType;
  const csrf = auth.csrfToken();
  if (method !== 'GET' && csrf) headers[CSRF_HEADER] = csrf;
  const res = await fetch(buildUrl(path, init.query), {
    method,
    headers,
    body: init.body,
    signal: init.signal,
    credentials: 'same-origin',
  });
  if (res.status === 401) auth.reject();
  return res;
}

/** GETs JSON from the gateway; throws {@link ApiError} unless 2xx. */
export async function apiGet<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return json<T>(await apiFetch('GET', path, { query, signal }));
}

/** POSTs to the gateway (no body); throws {@link ApiError} unless 2xx. */
export async function apiPost<T>(path: string, signal?: AbortSignal): Promise<T> {
  return json<T>(await apiFetch('POST', path, { signal }));
}

/**
 * Sends a body (JSON, or text such as CSV) and answers the JSON reply; throws {@link ApiError} with
 * the field errors unless 2xx. A 403 keeps the session: it may read but not write (a viewer), which
 * the caller shows.
 */
export async function apiSend<T>(
  method: 'PUT' | 'POST',
  path: string,
  body: unknown,
  contentType = 'application/json',
): Promise<T> {
  return json<T>(
    await apiFetch(method, path, {
      body: contentType === 'application/json' ? JSON.stringify(body) : String(body),
      contentType,
    }),
  );
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw await apiError(res);
  return (await res.json()) as T;
}

export async function apiError(res: Response): Promise<ApiError> {
  let title = res.statusText || `HTTP ${res.status}`;
  let detail: string | undefined;
  let errors: FieldError[] = [];
  try {
    const problem = (await res.json()) as { title?: string; detail?: string; errors?: FieldError[] };
    title = problem.title ?? title;
    detail = problem.detail;
    errors = Array.isArray(problem.errors) ? problem.errors : [];
  } catch {
    // not a problem+json body
  }
  return new ApiError(res.status, title, detail, errors);
}
