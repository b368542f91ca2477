/**
 * The search screen's whole state, read from and written to the URL, so a search can be
 * bookmarked or shared and back/forward step through searches.
 */
import type { Params } from './api.js';
import type { Interval } from './types.js';

export interface SearchState {
  q: string;
  sites: string[];
  langs: string[];
  sections: string[];
  after: string;
  before: string;
  order: 'relevance' | 'newest' | '';
  page: number;
  /** Hits per page (1–100); only in the URL, for links that want shorter or longer pages. */
  limit: number;
  interval: Interval;
  splitBySite: boolean;
  /** Up to 3 more queries drawn beside the main one on the chart. */
  compare: string[];
}

export const MAX_COMPARE = 3;
export const PAGE_SIZE = 20;
/** Weeks: a news corpus of a few months reads best at that grain; day and month are a click away. */
export const DEFAULT_INTERVAL: Interval = 'week';

export function readSearchState(params: URLSearchParams): SearchState {
  const order = params.get('order');
  const interval = params.get('interval');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const limit = Number.parseInt(params.get('limit') ?? String(PAGE_SIZE), 10);
  return {
    q: params.get('q') ?? '',
    sites: params.getAll('site'),
    langs: params.getAll('lang'),
    sections: params.getAll('section'),
    after: params.get('after') ?? '',
    before: params.get('before') ?? '',
    order: order === 'relevance' || order === 'newest' ? order : '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    limit: Number.isFinite(limit) && limit >= 1 && limit <= 100 ? limit : PAGE_SIZE,
    interval: interval === 'day' || interval === 'week' || interval === 'month' ? interval : DEFAULT_INTERVAL,
    splitBySite: params.get('split') === 'site',
    compare: params
      .getAll('cmp')
      .filter((c) => c.trim() !== '')
      .slice(0, MAX_COMPARE),
  };
}

/** The filters every endpoint takes (search, timeline, terms, export). */
export function filterParams(s: SearchState): Params {
  return { site: s.sites, lang: s.langs, section: s.sections, after: s.after, before: s.before };
}

/** Parameters for /search (and for the export of the same matches). */
export function searchParams(s: SearchState): Params {
  return { q: s.q, ...filterParams(s), order: s.order };
}

export function hasQuery(s: SearchState): boolean {
  return s.q.trim() !== '' || s.sites.length + s.langs.length + s.sections.length > 0 || s.after !== '' || s.before !== '';
}

/** The URL of a state: /search?… (or / when empty), defaults left out to keep links short. */
export function searchUrl(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const v of s.sites) p.append('site', v);
  for (const v of s.langs) p.append('lang', v);
  for (const v of s.sections) p.append('section', v);
  if (s.after) p.set('after', s.after);
  if (s.before) p.set('before', s.before);
  if (s.order) p.set('order', s.order);
  if (s.page > 1) p.set('page', String(s.page));
  if (s.limit !== PAGE_SIZE) p.set('limit', String(s.limit));
  if (s.interval !== DEFAULT_INTERVAL) p.set('interval', s.interval);
  if (s.splitBySite) p.set('split', 'site');
  for (const c of s.compare) p.append('cmp', c);
  const qs = p.toString();
  return qs ? `/search?${qs}` : '/';
}
