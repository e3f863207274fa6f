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

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${env.apiBase}${path}${qs ? `?${qs}` : ''}`;
}

/** GETs JSON from the gateway with the operator token; throws {@link ApiError} unless 2xx. */
export async function apiGet<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return request<T>('GET', path, query, signal);
}

/** POSTs to the gateway (no body) with the operator token; throws {@link ApiError} unless 2xx. */
export async function apiPost<T>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>('POST', path, undefined, signal);
}

async function request<T>(method: 'GET' | 'POST', path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = auth.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(buildUrl(path, query), { method, headers, signal });
  if (!res.ok) {
    const error = await apiError(res);
    // 401: no or unknown token; 403: a key that may not read (e.g. a device key).
    if (res.status === 401 || res.status === 403) auth.reject();
    throw error;
  }
  return (await res.json()) as T;
}

/**
 * Sends a body (JSON, or text such as CSV) with the token and answers the JSON reply; throws
 * {@link ApiError} with the field errors unless 2xx. A 403 keeps the token: it may read but not
 * write (a viewer token), which the caller shows.
 */
export async function apiSend<T>(
  method: 'PUT' | 'POST',
  path: string,
  body: unknown,
  contentType = 'application/json',
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': contentType };
  const token = auth.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(buildUrl(path), {
    method,
    headers,
    body: contentType === 'application/json' ? JSON.stringify(body) : String(body),
  });
  if (!res.ok) {
    const error = await apiError(res);
    if (res.status === 401) auth.reject();
    throw error;
  }
  return (await res.json()) as T;
}

async function apiError(res: Response): Promise<ApiError> {
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
