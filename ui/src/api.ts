/**
 * The typed client of /api/v1. Every failure becomes an ApiFailure with the server's code and
 * message (or a network message), which the views show to the user instead of failing silently.
 */
import type { ApiErrorBody, ArticleDetail, Crawl, CrawlStarted, Health, SearchResult, SourceAdded, Sources, Timeline, TopTerms, VersionDiff } from './types.js';
import { readToken } from './token.js';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Query parameters; arrays become repeated keys (site=a&site=b); empty values are left out. */
export type Params = Record<string, string | number | boolean | null | undefined | readonly string[]>;

export function queryString(params: Params): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '' || value === false) continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) out.append(key, v);
    else out.append(key, String(value));
  }
  return out.toString();
}

async function request<T>(method: string, path: string, options: { params?: Params; body?: unknown; auth?: boolean; signal?: AbortSignal } = {}): Promise<T> {
  const qs = options.params ? queryString(options.params) : '';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = options.auth ? readToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${qs ? `?${qs}` : ''}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiFailure(0, 'NETWORK', (error as Error).message || 'the server did not answer');
  }
  if (res.status === 204) return undefined as T;
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiFailure(res.status, 'BAD_RESPONSE', `the server answered ${res.status} without JSON`);
  }
  if (!res.ok) {
    const err = (body as Partial<ApiErrorBody>).error;
    throw new ApiFailure(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

const enc = encodeURIComponent;

export const api = {
  health: () => request<Health>('GET', '/health'),
  search: (params: Params, signal?: AbortSignal) => request<SearchResult>('GET', '/search', { params, signal }),
  timeline: (params: Params, signal?: AbortSignal) => request<Timeline>('GET', '/timeline', { params, signal }),
  terms: (params: Params, signal?: AbortSignal) => request<TopTerms>('GET', '/terms', { params, signal }),
  article: (id: string) => request<ArticleDetail>('GET', `/articles/${enc(id)}`),
  diff: (id: string, from: number, to: number) => request<VersionDiff>('GET', `/articles/${enc(id)}/diff`, { params: { from, to } }),
  sources: () => request<Sources>('GET', '/sources'),
  addSource: (url: string, maxArticles: number | null) =>
    request<SourceAdded>('POST', '/sources', { body: { url, crawl: true, ...(maxArticles ? { maxArticles } : {}) }, auth: true }),
  removeSource: (id: number) => request<unknown>('DELETE', `/sources/${id}`, { auth: true }),
  crawlSource: (id: number) => request<CrawlStarted>('POST', `/sources/${id}/crawl`, { auth: true }),
  crawl: (id: string) => request<Crawl>('GET', `/crawls/${enc(id)}`),
};

/** The export download link for a query: a plain GET the browser saves as a file. */
export function exportHref(params: Params, format: 'csv' | 'jsonl' | 'parquet'): string {
  return `/api/v1/export?${queryString({ ...params, format })}`;
}
