/**
 * search(): ranked full-text search over the SQLite store with filters, snippets in the
 * original spelling, newest-first or relevance order and pagination.
 */
import type Database from 'better-sqlite3';
import { MarsadError } from '../errors.js';
import { SqliteStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { emptyFilters, parseQuery, queryStems, toExcludeExpression, toMatchExpression, type ParsedQuery, type SearchFilters } from './query.js';
import { buildSnippet, type HighlightOptions } from './snippet.js';
import { filterConditions, mergeFilters, type SqlCondition } from './sql-filters.js';
import { indexPendingArticles } from './sqlite-index.js';

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
  /** Relevance is computed over at most this many of the most recent matches (default MAX_RANKED). */
  maxRanked?: number;
}

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

/** Search needs an SQL full-text index; the PostgreSQL store will bring its own. */
export class SearchUnavailableError extends MarsadError {
  constructor(message: string) {
    super('SEARCH_UNAVAILABLE', message);
  }
}

/** Column weights for bm25: a word in the headline counts most, then author/tag/section, then body. */
const BM25 = 'bm25(search_fts, 8.0, 1.0, 3.0, 0.5)';

export function databaseOf(store: Store): Database.Database {
  if (store instanceof SqliteStore) return store.db;
  throw new SearchUnavailableError(`search is not available on the ${store.kind} store yet; use a SQLite store`);
}

export interface MatchPlan {
  from: string;
  where: SqlCondition[];
  scored: boolean;
}

/** The FROM and WHERE of a parsed query: the FTS match (if any) joined to the filter table. */
export function planQuery(parsed: ParsedQuery, extra: Partial<SearchFilters> = {}): MatchPlan {
  const where = filterConditions(mergeFilters(parsed.filters, extra));
  const match = toMatchExpression(parsed);
  if (match !== null) {
    return { from: 'search_fts f JOIN search_docs d ON d.rowid = f.rowid', where: [{ sql: 'search_fts MATCH ?', params: [match] }, ...where], scored: true };
  }
  const exclude = toExcludeExpression(parsed);
  if (exclude !== null) where.push({ sql: 'd.rowid NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)', params: [exclude] });
  return { from: 'search_docs d', where, scored: false };
}

export function whereSql(where: SqlCondition[]): { sql: string; params: (string | number)[] } {
  return { sql: where.length === 0 ? '' : `WHERE ${where.map((w) => w.sql).join(' AND ')}`, params: where.flatMap((w) => w.params) };
}

/*
 * Scale rule: FTS5 scores every match before it can sort, so a word in half of a million
 * articles would cost hundreds of milliseconds. Relevance is therefore computed over the
 * MAX_RANKED most recently indexed matches (found by walking the match list backwards by rowid,
 * which FTS5 does natively), and the total is then reported as "more than MAX_RANKED".
 * Queries with fewer matches (nearly all specific ones) are ranked and counted exactly.
 */
export const MAX_RANKED = 20_000;

interface Ranked {
  rows: { id: string; score: number }[];
  total: number;
  totalExact: boolean;
}

/**
 * How many articles match, counting no further than maxRanked + 1, and when there are more, the
 * rowid below which matches are not ranked. One walk of at most maxRanked + 1 matches when the
 * query is specific; a second one, by rowid from the newest, only when it is not.
 */
function windowOf(db: Database.Database, plan: MatchPlan, key: string, maxRanked: number): { cutoff: number | null; total: number; totalExact: boolean } {
  const { sql, params } = whereSql(plan.where);
  const n = (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${plan.from} ${sql} LIMIT ${maxRanked + 1})`).get(...params) as { n: number }).n;
  if (n <= maxRanked) return { cutoff: null, total: n, totalExact: true };
  const row = db.prepare(`SELECT ${key} AS r FROM ${plan.from} ${sql} ORDER BY ${key} DESC LIMIT 1 OFFSET ${maxRanked}`).get(...params) as { r: number } | undefined;
  return { cutoff: row?.r ?? null, total: maxRanked, totalExact: false };
}

function rankByRelevance(db: Database.Database, plan: MatchPlan, limit: number, offset: number, maxRanked: number): Ranked {
  const { cutoff, total, totalExact } = windowOf(db, plan, 'f.rowid', maxRanked);
  const where = cutoff === null ? plan.where : [...plan.where, { sql: 'f.rowid > ?', params: [cutoff] }];
  const { sql, params } = whereSql(where);
  const rows = db
    .prepare(`SELECT d.article_id AS id, ${BM25} AS score FROM ${plan.from} ${sql} ORDER BY score, d.rowid DESC LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as { id: string; score: number }[];
  return { rows, total, totalExact };
}

/*
 * Newest first among all matches, not capped. With few matches (at most MAX_RANKED) they are
 * looked up by rowid and sorted; with many, the published-date index is walked from the newest
 * and each row checked against the match set, which finds a page of hits after a few rows.
 * (DESC order puts undated articles, NULL, last.)
 */
function rankByDate(db: Database.Database, plan: MatchPlan, limit: number, offset: number, maxRanked: number): Ranked {
  const [match, ...filters] = plan.where;
  const { cutoff, total, totalExact } = windowOf(db, plan, 'f.rowid', maxRanked);
  const inMatch = { sql: 'd.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)', params: match!.params };
  const { sql, params } = whereSql([inMatch, ...filters]);
  const from = cutoff === null ? 'search_docs d' : 'search_docs d INDEXED BY search_docs_published';
  const rows = db
    .prepare(`SELECT d.article_id AS id, 0 AS score FROM ${from} ${sql} ORDER BY d.published DESC, d.rowid DESC LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as { id: string; score: number }[];
  return { rows, total, totalExact };
}

function listByDate(db: Database.Database, plan: MatchPlan, limit: number, offset: number, maxRanked: number): Ranked {
  const { sql, params } = whereSql(plan.where);
  const rows = db
    .prepare(`SELECT d.article_id AS id, 0 AS score FROM ${plan.from} ${sql} ORDER BY d.published DESC, d.rowid DESC LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as { id: string; score: number }[];
  const { total, totalExact } = windowOf(db, plan, 'd.rowid', maxRanked);
  return { rows, total, totalExact };
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

/** Searches an SQLite database that has marsad's schema. */
export function searchDatabase(db: Database.Database, query: string | ParsedQuery, options: SearchOptions = {}): SearchResult {
  const limit = Math.min(1000, Math.max(1, Math.floor(options.limit ?? 20)));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const parsed = typeof query === 'string' ? parseQuery(query) : query;
  if (parsed.notice !== null) return { hits: [], total: 0, totalExact: true, offset, limit, notice: parsed.notice };
  if (options.syncIndex !== false) indexPendingArticles(db);
  const plan = planQuery(parsed, options.filters ?? emptyFilters());
  const order = options.order ?? (plan.scored ? 'relevance' : 'newest');
  const maxRanked = Math.max(1, Math.floor(options.maxRanked ?? MAX_RANKED));
  const { rows, total, totalExact } = plan.scored
    ? (order === 'relevance' ? rankByRelevance(db, plan, limit, offset, maxRanked) : rankByDate(db, plan, limit, offset, maxRanked))
    : listByDate(db, plan, limit, offset, maxRanked);

  const readHit = db.prepare<[string], HitRow>(`SELECT id, url, host,
      json_extract(record, '$.title') AS title, json_extract(record, '$.published') AS published,
      json_extract(record, '$.site.name') AS site_name, json_extract(record, '$.language') AS language,
      json_extract(record, '$.description') AS description, json_extract(record, '$.text') AS text
    FROM articles WHERE id = ?`);
  const wanted = queryStems(parsed);
  const hits: SearchHit[] = [];
  for (const row of rows) {
    const a = readHit.get(row.id);
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
function snippetOf(a: HitRow, wanted: ReadonlySet<string>, highlight: HighlightOptions | undefined): string {
  const body = a.text ?? '';
  const description = a.description ?? '';
  const fromBody = buildSnippet(body.length > 0 ? body : description, wanted, highlight);
  if (wanted.size === 0 || description.length === 0 || fromBody.includes(highlight?.open ?? '**')) return fromBody;
  const fromDescription = buildSnippet(description, wanted, highlight);
  return fromDescription.includes(highlight?.open ?? '**') ? fromDescription : fromBody;
}

/** Searches the store (SQLite): see SearchOptions. */
export async function search(store: Store, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  return searchDatabase(databaseOf(store), query, options);
}
