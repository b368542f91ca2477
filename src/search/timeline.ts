/**
 * Attention over time: how many articles match a query per day, week or month, for up to a few
 * queries side by side, optionally split by site — Media Cloud's core chart, over marsad's own
 * corpus. Counted in SQL (one GROUP BY day per index part), by each article's published date as
 * a UTC day; articles with no published date are counted apart as `undated`.
 *
 * Bucket limit: a chart with more than maxBuckets (default 3,660: ten years of days) points is
 * unreadable and heavy to send, so the interval is coarsened automatically, day → week → month;
 * the result's `interval` says which was used. Only when even months exceed the limit (dates
 * spanning three centuries: bad dates in the corpus) is it an error, asking for after:/before:.
 */
import { UsageError } from '../errors.js';
import type { PostgresStore, Store } from '../store/index.js';
import { isPostgresStore } from '../store/postgres/is-postgres-store.js';
import { parseQuery, type SearchFilters } from './query.js';
import { databaseOf, planQuery } from './search.js';
import { hostOfReversed } from './facet-counts.js';
import { groupMatches } from './matched-rows.js';
import { catchUpIndex } from './sqlite-index.js';
import { cachedForIndexState } from './result-cache.js';

export type TimelineInterval = 'day' | 'week' | 'month';
export const TIMELINE_INTERVALS: readonly TimelineInterval[] = ['day', 'week', 'month'];

export interface TimelineOptions {
  /** Filters combined with every query (the API's site, lang… parameters). */
  filters?: Partial<SearchFilters>;
  /** Bucket size (default day); coarsened when the range needs more than maxBuckets. */
  interval?: TimelineInterval;
  /** `site`: each query's series split into its top sites plus "other". */
  split?: 'none' | 'site';
  /** Sites shown per query when split by site (default 8); the rest are summed as "other". */
  topSites?: number;
  /** Most buckets in the answer (default 3,660). */
  maxBuckets?: number;
}

export interface TimelineSeries {
  /** The query as given. */
  query: string;
  /** The site of this series when split by site; OTHER_SITES for the rest; null when not split. */
  site: string | null;
  label: string;
  /** Dated matches in the series: the sum of counts. */
  total: number;
  /** Matches per bucket, aligned with Timeline.buckets. */
  counts: number[];
}

export interface Timeline {
  /** The interval used (coarser than asked when the range was too long for it). */
  interval: TimelineInterval;
  /** First and last published day (UTC) among the matches, or null when none is dated. */
  from: string | null;
  to: string | null;
  /** The start of every bucket from the first match to the last, zero-filled: days, Mondays (ISO weeks) or first days of months. */
  buckets: string[];
  series: TimelineSeries[];
  /** Matches without a published date, over all queries. */
  undated: number;
}

/** The `site` of the series that sums the sites outside the top ones. */
export const OTHER_SITES = 'other';
export const MAX_TIMELINE_QUERIES = 4;
const DEFAULT_MAX_BUCKETS = 3660;
const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The first day of the bucket holding `day` (ISO weeks start on Monday). */
export function bucketStart(day: string, interval: TimelineInterval): string {
  if (interval === 'day') return day;
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  const ms = dayMs(day);
  const sinceMonday = (new Date(ms).getUTCDay() + 6) % 7;
  return dayOf(ms - sinceMonday * DAY_MS);
}

/** The start of the bucket after the one starting on `start`. */
function nextBucket(start: string, interval: TimelineInterval): string {
  if (interval === 'day') return dayOf(dayMs(start) + DAY_MS);
  if (interval === 'week') return dayOf(dayMs(start) + 7 * DAY_MS);
  const d = new Date(dayMs(start));
  return dayOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

/** How many buckets cover `from`…`to`, without listing them. */
function bucketCount(from: string, to: string, interval: TimelineInterval): number {
  const a = bucketStart(from, interval);
  const b = bucketStart(to, interval);
  if (interval === 'month') return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7)) + 1;
  return Math.round((dayMs(b) - dayMs(a)) / (interval === 'day' ? DAY_MS : 7 * DAY_MS)) + 1;
}

/** The interval to use: the one asked, or the first coarser one whose buckets fit. */
function fittingInterval(from: string, to: string, asked: TimelineInterval, maxBuckets: number): TimelineInterval {
  for (const interval of TIMELINE_INTERVALS.slice(TIMELINE_INTERVALS.indexOf(asked))) {
    if (bucketCount(from, to, interval) <= maxBuckets) return interval;
  }
  throw new UsageError(`the matches are dated from ${from} to ${to}: more than ${maxBuckets} months; narrow the range with after: and before:`);
}

interface DayRow {
  day: string | null;
  site_rev: string;
  n: number;
}

/** Per query: matches per (UTC day, site) and the undated ones. */
interface QueryCounts {
  query: string;
  /** site ('' when not split) → day → count */
  bySite: Map<string, Map<string, number>>;
  undated: number;
}

function countQuery(store: Store, query: string, options: TimelineOptions): QueryCounts {
  const db = databaseOf(store);
  const parsed = parseQuery(query);
  if (parsed.notice !== null) throw new UsageError(`query "${query}": ${parsed.notice}`);
  const plan = planQuery(db, parsed, options.filters ?? {});
  const site = options.split === 'site' ? 's.site_rev' : "''";
  const rows = groupMatches<DayRow>(db, plan, `substr(s.published, 1, 10) AS day, ${site} AS site_rev, count(*) AS n`, '1, 2', null);
  return countsOfRows(query, rows);
}

/** The same counts on PostgreSQL, grouped by the server. */
async function countQueryPostgres(store: PostgresStore, query: string, options: TimelineOptions): Promise<QueryCounts> {
  const parsed = parseQuery(query);
  if (parsed.notice !== null) throw new UsageError(`query "${query}": ${parsed.notice}`);
  const { dayCountsPostgres } = await import('./postgres/aggregates.js');
  return countsOfRows(query, await dayCountsPostgres(store, parsed, options.filters ?? {}, options.split === 'site'));
}

function countsOfRows(query: string, rows: DayRow[]): QueryCounts {
  const bySite = new Map<string, Map<string, number>>();
  let undated = 0;
  for (const row of rows) {
    // a year beyond 9999 or before 0 has no YYYY-MM-DD form: as good as undated for a chart
    if (row.day === null || !ISO_DAY.test(row.day)) {
      undated += row.n;
      continue;
    }
    const key = row.site_rev === '' ? '' : hostOfReversed(row.site_rev);
    let days = bySite.get(key);
    if (days === undefined) bySite.set(key, (days = new Map()));
    days.set(row.day, (days.get(row.day) ?? 0) + row.n);
  }
  return { query, bySite, undated };
}

const sumOf = (days: Map<string, number>): number => [...days.values()].reduce((a, b) => a + b, 0);

/** The top sites of one query, by matches, and the rest merged into OTHER_SITES. */
function splitSites(bySite: Map<string, Map<string, number>>, top: number): [string | null, Map<string, number>][] {
  const sites = [...bySite].sort((a, b) => sumOf(b[1]) - sumOf(a[1]) || (a[0] < b[0] ? -1 : 1));
  const out: [string | null, Map<string, number>][] = sites.slice(0, top);
  const other = new Map<string, number>();
  for (const [, days] of sites.slice(top)) for (const [day, n] of days) other.set(day, (other.get(day) ?? 0) + n);
  if (other.size > 0) out.push([OTHER_SITES, other]);
  return out;
}

/** Match counts over time for each query (each combined with the filters). A query of only common words is a UsageError. */
export async function attentionOverTime(store: Store, queries: string[], options: TimelineOptions = {}): Promise<Timeline> {
  const asked = queries.length === 0 ? [''] : queries;
  if (asked.length > MAX_TIMELINE_QUERIES) throw new UsageError(`at most ${MAX_TIMELINE_QUERIES} queries side by side`);
  if (isPostgresStore(store)) return buildTimeline(await Promise.all(asked.map((q) => countQueryPostgres(store, q, options))), options);
  const db = databaseOf(store);
  catchUpIndex(db);
  return cachedForIndexState(db, JSON.stringify(['timeline', asked, options]), () => timelineOf(store, asked, options));
}

function timelineOf(store: Store, asked: string[], options: TimelineOptions): Timeline {
  return buildTimeline(asked.map((q) => countQuery(store, q, options)), options);
}

/** The buckets and series of the counted queries. */
function buildTimeline(counted: QueryCounts[], options: TimelineOptions): Timeline {

  let from: string | null = null;
  let to: string | null = null;
  for (const c of counted) {
    for (const days of c.bySite.values()) {
      for (const day of days.keys()) {
        if (from === null || day < from) from = day;
        if (to === null || day > to) to = day;
      }
    }
  }
  const maxBuckets = Math.max(1, Math.floor(options.maxBuckets ?? DEFAULT_MAX_BUCKETS));
  const interval = from === null || to === null ? (options.interval ?? 'day') : fittingInterval(from, to, options.interval ?? 'day', maxBuckets);
  const buckets: string[] = [];
  if (from !== null && to !== null) {
    const last = bucketStart(to, interval);
    for (let b = bucketStart(from, interval); b <= last; b = nextBucket(b, interval)) buckets.push(b);
  }
  const index = new Map(buckets.map((b, i) => [b, i]));

  const series: TimelineSeries[] = [];
  for (const c of counted) {
    const base = c.query.trim() === '' ? 'all articles' : c.query.trim();
    const groups: [string | null, Map<string, number>][] =
      options.split === 'site' ? splitSites(c.bySite, Math.max(1, options.topSites ?? 8)) : [[null, c.bySite.get('') ?? new Map()]];
    // a query without matches still gets its (empty) series, so a chart can show it as zero
    if (groups.length === 0) groups.push([null, new Map()]);
    for (const [site, days] of groups) {
      const counts = new Array<number>(buckets.length).fill(0);
      for (const [day, n] of days) counts[index.get(bucketStart(day, interval))!]! += n;
      series.push({ query: c.query, site, label: site === null ? base : `${base} · ${site}`, total: sumOf(days), counts });
    }
  }
  return { interval, from, to, buckets, series, undated: counted.reduce((n, c) => n + c.undated, 0) };
}
