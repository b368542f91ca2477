/**
 * search() on the PostgreSQL store: the same query language, filters, order, paging and
 * snippets as on SQLite (src/search/search.ts), over the `search_docs` index (a GIN index on
 * marsad's own stems). Relevance is ts_rank_cd with the columns weighted as SQLite's bm25
 * weighs them (headline 8, authors/tags/section 3, body 1, alternative stems 0.5), over the
 * same window of the most recently stored matches.
 */
import type { Article } from '../../extract/types.js';
import type { PostgresStore } from '../../store/index.js';
import { emptyFilters, parseQuery, queryStems, type ParsedQuery } from '../query.js';
import { MAX_RANKED, snippetOf, type SearchHit, type SearchOptions, type SearchResult } from '../search.js';
import { indexPendingPostgres } from './index-pending.js';
import { planPostgresQuery, type PostgresPlan } from './plan.js';

/** ts_rank_cd's weights for D, C, B, A: alt 0.5, body 1, meta 3, title 8, scaled to title = 1. */
const RANK_WEIGHTS = "'{0.0625, 0.125, 0.375, 1.0}'";
/** Rank normalization 1: divide by 1 + log(length), so a long article is not favoured for its length alone (bm25 does the like). */
const RANK_NORMALIZATION = 1;

interface Ranked {
  ids: { id: string; score: number }[];
  total: number;
  totalExact: boolean;
}

/** How many articles match (after `afterSeq`, when given), counted up to maxRanked + 1. */
async function countMatches(store: PostgresStore, plan: PostgresPlan, maxRanked: number, afterSeq: number | null = null): Promise<number> {
  const p = plan.params.clone();
  const slice = afterSeq === null ? '' : `${plan.where === '' ? 'WHERE' : ' AND'} d.seq > ${p.add(afterSeq)}`;
  const result = await store.pool.query<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM search_docs d ${plan.where}${slice} LIMIT ${p.add(maxRanked + 1)}) m`, p.values);
  return result.rows[0]!.n;
}

/**
 * The best page of the maxRanked most recently stored matches, by rank (ties: the more recent
 * first), and how many match (counted up to maxRanked + 1).
 *
 * Scale rule: ranking is over the newest maxRanked matches, so the newest slice of the store
 * (by seq) is searched first, SLICE_PER_RANKED × maxRanked articles (100,000 by default, as
 * SQLite's index parts), and a wider one (× 4 each time) only while it holds too few matches. A
 * common word at a million articles then costs what it costs at 100,000; a rarer one is found in
 * a few widening passes. Over the whole store (the last pass) the GIN index finds the matches.
 */
async function rankByRelevance(store: PostgresStore, plan: PostgresPlan, limit: number, offset: number, maxRanked: number): Promise<Ranked> {
  const top = (await store.pool.query<{ top: number | null }>('SELECT max(seq) AS top FROM search_docs')).rows[0]!.top ?? 0;
  for (let span = SLICE_PER_RANKED * maxRanked; ; span *= 4) {
    const from = top - span;
    const ranked = await rankWithin(store, plan, limit, offset, maxRanked, from > 0 ? from : null);
    // the slice holds more than the window: the window is the same as over everything
    if (from <= 0 || ranked.n > maxRanked) return { ids: ranked.ids, total: Math.min(ranked.n, maxRanked), totalExact: ranked.n <= maxRanked };
  }
}

/** Articles in the first slice searched, per article of the ranking window. */
const SLICE_PER_RANKED = 5;

/**
 * One slice (the articles after `afterSeq`, or all): the ranked page and the matches counted.
 *
 * Plan, measured on 100,000 articles (bench/search-bench.mjs --postgres): the matches are found
 * through the GIN index and sorted by seq in memory — `seq + 0` keeps the planner from walking
 * the seq index backwards and testing every article's tsvector (530 ms for a common word). Each
 * match is ranked in that scan, from the page just read, and only (id, seq, score) is kept for
 * the window: joining back to rank only the window, or window functions over the rows, read the
 * tsvectors twice (median 230 and 460 ms against 108 ms for common words, on a loaded machine).
 */
async function rankWithin(store: PostgresStore, plan: PostgresPlan, limit: number, offset: number, maxRanked: number, afterSeq: number | null): Promise<{ ids: Ranked['ids']; n: number }> {
  const p = plan.params.clone();
  const slice = afterSeq === null ? '' : ` AND d.seq > ${p.add(afterSeq)}`;
  const result = await store.pool.query<{ id: string; score: number; n: number }>(`WITH w AS MATERIALIZED (
      SELECT d.article_id, d.seq, ts_rank_cd(${RANK_WEIGHTS}, d.doc, ${plan.tsquery}, ${RANK_NORMALIZATION}) AS score
      FROM search_docs d ${plan.where}${slice} ORDER BY d.seq + 0 DESC LIMIT ${p.add(maxRanked + 1)})
    -- the (maxRanked + 1)th newest match only says that there are more: it is not ranked
    SELECT x.article_id AS id, x.score, (SELECT count(*) FROM w) AS n
    FROM (SELECT * FROM w ORDER BY seq DESC LIMIT ${p.add(maxRanked)}) x
    ORDER BY x.score DESC, x.seq DESC LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`, p.values);
  // a page past the last match has no row to carry the count
  const n = result.rows[0]?.n ?? (await countMatches(store, plan, maxRanked, afterSeq));
  return { ids: result.rows.map((r) => ({ id: r.id, score: r.score })), n };
}

/** Newest first among all matches (undated last), or every article a filter-only query keeps. */
async function listByDate(store: PostgresStore, plan: PostgresPlan, limit: number, offset: number, maxRanked: number): Promise<Ranked> {
  const p = plan.params.clone();
  const result = await store.pool.query<{ id: string }>(`SELECT d.article_id AS id FROM search_docs d ${plan.where}
    ORDER BY d.published DESC NULLS LAST, d.seq DESC LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`, p.values);
  const n = await countMatches(store, plan, maxRanked);
  return { ids: result.rows.map((r) => ({ id: r.id, score: 0 })), total: Math.min(n, maxRanked), totalExact: n <= maxRanked };
}

export async function searchPostgres(store: PostgresStore, query: string | ParsedQuery, options: SearchOptions = {}): Promise<SearchResult> {
  const limit = Math.min(1000, Math.max(1, Math.floor(options.limit ?? 20)));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const parsed = typeof query === 'string' ? parseQuery(query) : query;
  if (parsed.notice !== null) return { hits: [], total: 0, totalExact: true, offset, limit, notice: parsed.notice };
  if (options.syncIndex !== false) await indexPendingPostgres(store);
  const plan = planPostgresQuery(parsed, options.filters ?? emptyFilters());
  const order = options.order ?? (plan.scored ? 'relevance' : 'newest');
  const maxRanked = Math.max(1, Math.floor(options.maxRanked ?? MAX_RANKED));
  const ranked = plan.scored && order === 'relevance'
    ? await rankByRelevance(store, plan, limit, offset, maxRanked)
    : await listByDate(store, plan, limit, offset, maxRanked);

  const rows = await store.pool.query<{ id: string; url: string; host: string; record: string }>(
    'SELECT id, url, host, record FROM articles WHERE id = ANY($1::text[])', [ranked.ids.map((r) => r.id)]);
  const byId = new Map(rows.rows.map((row) => [row.id, row]));
  const wanted = queryStems(parsed);
  const hits: SearchHit[] = [];
  for (const { id, score } of ranked.ids) {
    const row = byId.get(id);
    if (row === undefined) continue; // deleted since it was matched
    const record = JSON.parse(row.record) as Article;
    hits.push({
      id: row.id,
      url: row.url,
      title: record.title,
      published: record.published,
      site: row.host,
      siteName: record.site.name ?? null,
      language: record.language,
      snippet: snippetOf({ text: record.text, description: record.description }, wanted, options.highlight),
      score: plan.scored ? Math.round(score * 1000) / 1000 : 0,
    });
  }
  return { hits, total: ranked.total, totalExact: ranked.totalExact, offset, limit, notice: null };
}
