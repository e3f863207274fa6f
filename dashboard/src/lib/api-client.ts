import { env } from '@/config/env';
import { auth } from '@/lib/auth';

/** A non-2xx answer, with the problem+json detail when the gateway sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
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
    let title = res.statusText || `HTTP ${res.status}`;
    let detail: string | undefined;
    try {
      const problem = (await res.json()) as { title?: string; detail?: string };
      title = problem.title ?? title;
      detail = problem.detail;
    } catch {
      // not a problem+json body
    }
    // 401: no or unknown token; 403: a key that is not an operator token (e.g. a device key).
    if (res.status === 401 || res.status === 403) auth.reject();
    throw new ApiError(res.status, title, detail);
  }
  return (await res.json()) as T;
}
