/**
 * search(): ranked full-text search over the SQLite store with filters, snippets in the
 * original spelling, newest-first or relevance order and pagination.
 */
import type Database from 'better-sqlite3';
import { MarsadError } from '../errors.js';
import { SqliteStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { isPostgresStore } from '../store/postgres/is-postgres-store.js';
import { emptyFilters, parseQuery, queryStems, toExcludeExpression, toMatchExpression, type ParsedQuery, type SearchFilters } from './query.js';
import { buildSnippet, type HighlightOptions } from './snippet.js';
import { facetExpression } from './facets.js';
import { listParts, partOfRowid, type FtsPart } from './fts-parts.js';
import { filterConditions, mergeFilters, type SqlCondition } from './sql-filters.js';
import { catchUpIndex } from './sqlite-index.js';
import { cachedForIndexState } from './result-cache.js';

export interface SearchOptions {
  /** `relevance` (bm25, default when the query has words) or `newest` (published date). */
  order?: 'relevance' | 'newest';
  /** Hits per page (default 20, at most 1000). */
  limit?: number;
  /** Hits to skip (pagination). */
  offset?: number;
  /** Filters added to those written in the query (from command-line flags, API parameters). */
  filters?: Partial<SearchFilters>;
  highlight?: HighlightOptions;
  /** Index queued articles before searching (default true). */
  syncIndex?: boolean;
  /**
   * Keep the answer while the database is unchanged, and give it again to the same question
   * (SQLite; default false). A server asks the same queries again and again — a UI's pages and
   * redraws, several people on one topic — and an uncached search of a common word over 100,000
   * articles costs ~10-25 ms of CPU. The caller must not mutate a cached result.
   */
  cache?: boolean;
  /** Relevance is computed over at most this many of the most recent matches (default MAX_RANKED). */
  maxRanked?: number;
  /**
   * How newest-first order finds its page: `auto` (default) picks by the number of matches;
   * `sort`, `set` and `probe` force one way (see rankByDate), to compare them.
   */
  newestBy?: NewestStrategy;
}

export type NewestStrategy = 'auto' | 'sort' | 'set' | 'probe';

export interface SearchHit {
  id: string;
  url: string;
  title: string | null;
  published: string | null;
  /** The site's domain. */
  site: string;
  siteName: string | null;
  language: string | null;
  snippet: string;
  /** Relevance: higher is better (the negated bm25 score); 0 in filter-only listings. */
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many articles match in all; a lower bound when `totalExact` is false. */
  total: number;
  /** False when more than MAX_RANKED articles match and only that many were counted. */
  totalExact: boolean;
  offset: number;
  limit: number;
  /** Why nothing was searched (a query of only stop-words or punctuation), else null. */
  notice: string | null;
}

/** A search feature the store cannot serve (timelines, facets and top terms are SQLite-only so far). */
export class SearchUnavailableError extends MarsadError {
  constructor(message: string) {
    super('SEARCH_UNAVAILABLE', message);
  }
}

/** Column weights for bm25: a word in the headline counts most, then author/tag/section, then body; facets not at all. */
const BM25_WEIGHTS = '8.0, 1.0, 3.0, 0.5, 0.0';

export function databaseOf(store: Store): Database.Database {
  if (store instanceof SqliteStore) return store.db;
  throw new SearchUnavailableError(`this needs the SQLite search index (timelines, facet counts and top terms are not available on the ${store.kind} store yet); use a SQLite store`);
}

export interface MatchPlan {
  /** True when the query has words: the FTS5 parts are matched and ranked. */
  scored: boolean;
  /** The FTS5 expression: required words, exclusions, site and section facets; null without words. */
  match: string | null;
  /**
   * Conditions on `search_docs d`: with words, what the match does not express (language,
   * dates, authors, negated filters); without, every filter and the excluded words.
   */
  residual: SqlCondition[];
  /** The index parts, newest first. */
  parts: FtsPart[];
}

const sqlText = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Rowids of every part matching an FTS5 expression, as one subquery (the expression inlined, quoted). */
function unionOfParts(parts: FtsPart[], match: string): string {
  if (parts.length === 0) return 'SELECT NULL AS rowid WHERE 0';
  return parts.map((p) => `SELECT rowid FROM ${p.table} WHERE ${p.table} MATCH ${sqlText(match)}`).join(' UNION ALL ');
}

/** The FTS5 match and the SQL conditions of a parsed query. */
export function planQuery(db: Database.Database, parsed: ParsedQuery, extra: Partial<SearchFilters> = {}): MatchPlan {
  const filters = mergeFilters(parsed.filters, extra);
  const parts = listParts(db);
  const words = toMatchExpression(parsed);
  if (words !== null) {
    const facets = facetExpression(filters);
    const match = facets === null ? words : `(${words}) AND (${facets})`;
    const residual = filterConditions({ ...filters, sites: [], sections: [] });
    return { scored: true, match, residual, parts };
  }
  const where = filterConditions(filters);
  const exclude = toExcludeExpression(parsed);
  if (exclude !== null) where.push({ sql: `d.rowid NOT IN (${unionOfParts(parts, exclude)})`, params: [] });
  return { scored: false, match: null, residual: where, parts };
}

export function whereSql(where: SqlCondition[]): { sql: string; params: (string | number)[] } {
  return { sql: where.length === 0 ? '' : `WHERE ${where.map((w) => w.sql).join(' AND ')}`, params: where.flatMap((w) => w.params) };
}

/*
 * Scale rule: FTS5 scores every match before it can sort, so a word in half of a million
 * articles would cost hundreds of milliseconds. Relevance is therefore computed over the
 * MAX_RANKED most recently indexed matches (found by walking the match lists backwards by rowid,
 * newest part first, which FTS5 does natively), and the total is then reported as "more than
 * MAX_RANKED". Queries with fewer matches (nearly all specific ones) are ranked and counted exactly.
 */
export const MAX_RANKED = 20_000;

interface Ranked {
  /** search_docs rowids with their scores, best first. */
  rows: { rowid: number; score: number }[];
  total: number;
  totalExact: boolean;
}

/** FROM and WHERE of a scored query on one part: the FTS table alone unless a residual condition needs the filter table. */
export function partSql(plan: MatchPlan, part: FtsPart, more: SqlCondition[] = []): { from: string; sql: string; params: (string | number)[] } {
  const { sql, params } = whereSql([{ sql: `${part.table} MATCH ?`, params: [plan.match!] }, ...plan.residual, ...more]);
  // CROSS JOIN keeps the match as the outer loop: with a date filter the planner could otherwise
  // walk the date index (most of the corpus) and probe the full-text index once per article.
  const from = plan.residual.length > 0 ? `${part.table} f CROSS JOIN search_docs d ON d.rowid = f.rowid` : `${part.table} f`;
  return { from, sql, params };
}

interface Window {
  /** The newest matches, at most maxRanked, newest first. */
  rowids: number[];
  /** Their bm25 scores (lower is better), when the window was read for relevance. */
  scores: number[] | null;
  /** The newest match left out of the window, or null when every match is in it. */
  cutoff: number | null;
}

/**
 * The newest maxRanked + 1 matches, walking the parts from the newest. For relevance order the
 * same walk scores each row, so the matches are read once (a phrase of two common words costs
 * a walk of every article holding both; it used to be done twice).
 */
function windowOf(db: Database.Database, plan: MatchPlan, maxRanked: number, scored: boolean): Window {
  const rowids: number[] = [];
  const scores: number[] = [];
  for (const part of plan.parts) {
    const { from, sql, params } = partSql(plan, part);
    const score = scored ? `, bm25(${part.table}, ${BM25_WEIGHTS})` : '';
    const found = db.prepare(`SELECT f.rowid${score} FROM ${from} ${sql} ORDER BY f.rowid DESC LIMIT ?`).raw().all(...params, maxRanked + 1 - rowids.length) as number[][];
    for (const row of found) {
      rowids.push(row[0]!);
      if (scored) scores.push(row[1]!);
    }
    if (rowids.length > maxRanked) {
      return { rowids: rowids.slice(0, maxRanked), scores: scored ? scores.slice(0, maxRanked) : null, cutoff: rowids[maxRanked]! };
    }
  }
  return { rowids, scores: scored ? scores : null, cutoff: null };
}

/** The best `offset + limit` rows of the window by score (ties: newest first), without sorting all of it. */
function rankByRelevance(limit: number, offset: number, window: Window): Ranked {
  const k = offset + limit;
  const scores = window.scores!;
  if (k > 200) {
    // deep pages: a full sort beats keeping a long sorted list by insertion
    const all = window.rowids.map((rowid, i) => ({ rowid, score: scores[i]! }));
    all.sort((a, b) => a.score - b.score || b.rowid - a.rowid);
    return { rows: all.slice(offset, k), ...totalOf(window) };
  }
  const top: { rowid: number; score: number }[] = [];
  window.rowids.forEach((rowid, i) => {
    const score = scores[i]!;
    // rows come newest first, so on a tied score the row already kept stays ahead
    if (top.length === k && score >= top[k - 1]!.score) return;
    let at = top.length;
    while (at > 0 && top[at - 1]!.score > score) at--;
    top.splice(at, 0, { rowid, score });
    if (top.length > k) top.pop();
  });
  return { rows: top.slice(offset), ...totalOf(window) };
}

function totalOf(window: Window): { total: number; totalExact: boolean } {
  return { total: window.rowids.length, totalExact: window.cutoff === null };
}

/** Matches read whole for newest-first order: a walk without scoring reads 100,000 in about 15 ms. */
const MAX_DATE_SET = 200_000;
/** Up to this many matches are looked up and sorted by date; with more, the date index is walked. */
const SORT_BELOW = 5_000;

/*
 * Newest first among all matches, not capped. Few matches are looked up and sorted by date.
 * More (up to MAX_DATE_SET) are held as a set while the published-date index is walked from the
 * newest, which finds a page of hits after about page × articles / matches rows. Beyond that,
 * chunks of the date index are checked against the parts' match lists by rowid. (DESC order
 * puts undated articles last.)
 */
function rankByDate(db: Database.Database, plan: MatchPlan, limit: number, offset: number, maxRanked: number, by: NewestStrategy): Ranked {
  const matches = windowOf(db, plan, MAX_DATE_SET, false);
  const count = matches.rowids.length;
  const total = { total: Math.min(count, maxRanked), totalExact: matches.cutoff === null && count <= maxRanked };
  const strategy = newestStrategy(by, matches.cutoff === null, count);
  if (strategy === 'sort') {
    const rows = db
      .prepare(`SELECT d.rowid AS rowid, 0 AS score FROM search_docs d WHERE d.rowid IN (SELECT value FROM json_each(?))
        ORDER BY d.published DESC, d.rowid DESC LIMIT ? OFFSET ?`)
      .all(JSON.stringify(matches.rowids), limit, offset) as { rowid: number; score: number }[];
    return { rows, ...total };
  }
  const wanted = offset + limit;
  let keep: (rowids: number[]) => number[];
  let chunkSize: number;
  if (strategy === 'set') {
    const set = new Set(matches.rowids);
    keep = (rowids) => rowids.filter((r) => set.has(r));
    const articles = (db.prepare('SELECT max(rowid) AS n FROM search_docs').get() as { n: number | null }).n ?? 0;
    chunkSize = Math.ceil((2 * wanted * articles) / count) + 64;
  } else {
    keep = (rowids) => matchedByRowid(db, plan, rowids);
    chunkSize = 4 * wanted;
  }
  const chunk = db.prepare(`SELECT d.rowid FROM search_docs d INDEXED BY search_docs_published
    ORDER BY d.published DESC, d.rowid DESC LIMIT ? OFFSET ?`).pluck();
  const hits: number[] = [];
  for (let read = 0; hits.length < wanted; chunkSize *= 4) {
    const rowids = chunk.all(chunkSize, read) as number[];
    if (rowids.length === 0) break;
    read += rowids.length;
    hits.push(...keep(rowids));
  }
  return { rows: hits.slice(offset, wanted).map((rowid) => ({ rowid, score: 0 })), ...total };
}

/** Sorting and the set need every match in hand; without them only probing by rowid works. */
function newestStrategy(by: NewestStrategy, haveAll: boolean, count: number): Exclude<NewestStrategy, 'auto'> {
  if (!haveAll) return 'probe';
  if (by !== 'auto') return by;
  return count <= SORT_BELOW ? 'sort' : 'set';
}

/** Which of these rowids match the plan (full-text match by rowid in each part, then the residual filters). */
function matchedByRowid(db: Database.Database, plan: MatchPlan, rowids: number[]): number[] {
  const tables = new Map(plan.parts.map((p) => [p.part, p]));
  const matched = new Set<number>();
  for (const [part, ids] of groupBy(rowids, (r) => partOfRowid(db, r))) {
    const p = tables.get(part);
    if (p === undefined) continue;
    const { from, sql, params } = partSql(plan, p, [{ sql: 'f.rowid IN (SELECT value FROM json_each(?))', params: [JSON.stringify(ids)] }]);
    for (const r of db.prepare(`SELECT f.rowid FROM ${from} ${sql}`).pluck().all(...params) as number[]) matched.add(r);
  }
  return rowids.filter((r) => matched.has(r));
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [item]);
    else list.push(item);
  }
  return groups;
}

/**
 * The next `limit` matching filter-table rowids after `after`, ascending: a keyset walk of a
 * selection for callers that read it whole (export). Each part is walked forwards by rowid,
 * which FTS5 does natively, so reading a million matches costs the same per batch throughout.
 */
export function nextMatches(db: Database.Database, plan: MatchPlan, after: number, limit: number): number[] {
  if (!plan.scored) {
    const { sql, params } = whereSql([...plan.residual, { sql: 'd.rowid > ?', params: [after] }]);
    return db.prepare(`SELECT d.rowid FROM search_docs d ${sql} ORDER BY d.rowid LIMIT ?`).pluck().all(...params, limit) as number[];
  }
  const out: number[] = [];
  const first = after < 1 ? 0 : partOfRowid(db, after);
  for (const part of [...plan.parts].reverse()) {
    if (part.part < first) continue;
    const { from, sql, params } = partSql(plan, part, [{ sql: 'f.rowid > ?', params: [after] }]);
    out.push(...(db.prepare(`SELECT f.rowid FROM ${from} ${sql} ORDER BY f.rowid LIMIT ?`).pluck().all(...params, limit - out.length) as number[]));
    if (out.length >= limit) break;
  }
  return out;
}

function listByDate(db: Database.Database, plan: MatchPlan, limit: number, offset: number, maxRanked: number): Ranked {
  const { sql, params } = whereSql(plan.residual);
  const rows = db
    .prepare(`SELECT d.rowid AS rowid, 0 AS score FROM search_docs d ${sql} ORDER BY d.published DESC, d.rowid DESC LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as { rowid: number; score: number }[];
  const n = (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM search_docs d ${sql} LIMIT ${maxRanked + 1})`).get(...params) as { n: number }).n;
  return { rows, total: Math.min(n, maxRanked), totalExact: n <= maxRanked };
}

interface HitRow {
  id: string;
  url: string;
  host: string;
  title: string | null;
  published: string | null;
  site_name: string | null;
  language: string | null;
  description: string | null;
  text: string | null;
}

/*
 * A filtered query checks each match against the filter table, and the walks read the index
 * parts: at a million articles these pages far exceed SQLite's default 16 MB page cache, and
 * reading them again from the OS doubled the CPU time of filtered queries (bench/search-results.md).
 * A connection that searches may keep up to 256 MB of pages; memory is taken only as pages are read.
 */
const SEARCH_CACHE_KIB = 256 * 1024;
const tunedForSearch = new WeakSet<Database.Database>();

function tuneForSearch(db: Database.Database): void {
  if (tunedForSearch.has(db)) return;
  const current = Number(db.pragma('cache_size', { simple: true }));
  // negative values are KiB, positive are pages; only ever raise it
  const kib = current < 0 ? -current : (current * Number(db.pragma('page_size', { simple: true }))) / 1024;
  if (kib < SEARCH_CACHE_KIB) db.pragma(`cache_size = -${SEARCH_CACHE_KIB}`);
  tunedForSearch.add(db);
}

/** Searches an SQLite database that has marsad's schema. */
export function searchDatabase(db: Database.Database, query: string | ParsedQuery, options: SearchOptions = {}): SearchResult {
  const limit = Math.min(1000, Math.max(1, Math.floor(options.limit ?? 20)));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const parsed = typeof query === 'string' ? parseQuery(query) : query;
  if (parsed.notice !== null) return { hits: [], total: 0, totalExact: true, offset, limit, notice: parsed.notice };
  if (options.syncIndex !== false) catchUpIndex(db);
  tuneForSearch(db);
  const plan = planQuery(db, parsed, options.filters ?? emptyFilters());
  const order = options.order ?? (plan.scored ? 'relevance' : 'newest');
  const maxRanked = Math.max(1, Math.floor(options.maxRanked ?? MAX_RANKED));
  let ranked: Ranked;
  if (plan.scored) {
    ranked = order === 'relevance' ? rankByRelevance(limit, offset, windowOf(db, plan, maxRanked, true)) : rankByDate(db, plan, limit, offset, maxRanked, options.newestBy ?? 'auto');
  } else {
    ranked = listByDate(db, plan, limit, offset, maxRanked);
  }
  const { rows, total, totalExact } = ranked;

  const readHit = db.prepare<[number], HitRow>(`SELECT id, url, host,
      json_extract(record, '$.title') AS title, json_extract(record, '$.published') AS published,
      json_extract(record, '$.site.name') AS site_name, json_extract(record, '$.language') AS language,
      json_extract(record, '$.description') AS description, json_extract(record, '$.text') AS text
    FROM articles WHERE id = (SELECT article_id FROM search_docs WHERE rowid = ?)`);
  const wanted = queryStems(parsed);
  const hits: SearchHit[] = [];
  for (const row of rows) {
    const a = readHit.get(row.rowid);
    if (a === undefined) continue; // deleted since: the queue will drop it from the index
    hits.push({
      id: a.id,
      url: a.url,
      title: a.title,
      published: a.published,
      site: a.host,
      siteName: a.site_name,
      language: a.language,
      snippet: snippetOf(a, wanted, options.highlight),
      score: plan.scored ? Math.round(-row.score * 1000) / 1000 : 0,
    });
  }
  return { hits, total, totalExact, offset, limit, notice: null };
}

/** The body snippet around the matches; the description when only it matches; else the lead. */
export function snippetOf(a: Pick<HitRow, 'text' | 'description'>, wanted: ReadonlySet<string>, highlight: HighlightOptions | undefined): string {
  const body = a.text ?? '';
  const description = a.description ?? '';
  const fromBody = buildSnippet(body.length > 0 ? body : description, wanted, highlight);
  if (wanted.size === 0 || description.length === 0 || fromBody.includes(highlight?.open ?? '**')) return fromBody;
  const fromDescription = buildSnippet(description, wanted, highlight);
  return fromDescription.includes(highlight?.open ?? '**') ? fromDescription : fromBody;
}

/** Searches the store (SQLite or PostgreSQL, the same hits on both): see SearchOptions. */
export async function search(store: Store, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  if (isPostgresStore(store)) {
    // loaded here so that SQLite users never load the pg driver
    const { searchPostgres } = await import('./postgres/search-postgres.js');
    return searchPostgres(store, query, options);
  }
  const db = databaseOf(store);
  if (options.cache !== true) return searchDatabase(db, query, options);
  // index first, so the state the answer is kept under is the one it was computed on
  if (options.syncIndex !== false) catchUpIndex(db);
  const { cache: _cache, ...asked } = options;
  return cachedForIndexState(db, JSON.stringify(['search', query, asked]), () => searchDatabase(db, query, { ...asked, syncIndex: false }));
}
