/**
 * The articles an export writes: all of them, or those a search query and filters select.
 * Keys are read in batches (keyset paging), and each record only when it is yielded, so a
 * million-article export holds one record at a time.
 */
import type { Article } from '../extract/types.js';
import { emptyFilters, parseQuery, type ParsedQuery, type SearchFilters } from '../search/query.js';
import { databaseOf, nextMatches, planQuery } from '../search/search.js';
import { catchUpIndex } from '../search/sqlite-index.js';
import type { PostgresStore, Store } from '../store/index.js';
import { isPostgresStore } from '../store/postgres/is-postgres-store.js';
import type { ExportRecord } from './sink.js';

export interface SelectArticlesOptions {
  /** A search query (words, phrases, filters such as site: lang: after:); empty selects all. */
  query?: string;
  /** Filters added to the query's. */
  filters?: Partial<SearchFilters>;
  /** Every stored version of each article, oldest first, instead of the latest only. */
  withVersions?: boolean;
  /** Keys read per batch (default 500); records are read one at a time. */
  batchSize?: number;
}

function hasFilters(filters: Partial<SearchFilters>): boolean {
  return Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined));
}

/** Whether a query or its filters pick some articles (else the export is of everything). */
function isSelective(parsed: ParsedQuery, extra: Partial<SearchFilters>): boolean {
  return parsed.include.length > 0 || parsed.exclude.length > 0 || hasFilters(parsed.filters) || hasFilters(extra);
}

/**
 * PostgreSQL: everything, or the matches of a query, streamed through a server-side cursor in
 * storage order (the search index's WHERE clause selects, as planPostgresQuery builds it).
 */
async function* selectPostgresArticles(store: PostgresStore, options: SelectArticlesOptions): AsyncGenerator<ExportRecord> {
  const parsed = parseQuery(options.query ?? '');
  if (parsed.notice !== null) return;
  const extra = options.filters ?? emptyFilters();
  let selection: { where: string; params: unknown[] } | undefined;
  if (isSelective(parsed, extra)) {
    const [{ planPostgresQuery }, { indexPendingPostgres }] = await Promise.all([import('../search/postgres/plan.js'), import('../search/postgres/index-pending.js')]);
    await indexPendingPostgres(store);
    const plan = planPostgresQuery(parsed, extra);
    selection = { where: plan.where, params: plan.params.values };
  }
  const { streamArticles } = await import('../store/postgres/article-stream.js');
  for await (const row of streamArticles(store, { withVersions: options.withVersions === true, ...(selection ? { selection } : {}) })) {
    const crawled = { firstSeen: new Date(row.first_seen_at).toISOString(), lastFetched: new Date(row.last_fetched_at).toISOString() };
    const record = JSON.parse(row.record) as Article;
    yield row.version === undefined
      ? { ...record, crawled }
      : { ...record, revision: { version: row.version, fetchedAt: new Date(row.version_fetched_at!).toISOString() }, crawled };
  }
}

interface Row {
  record?: string;
  id: string;
  first_seen_at: number;
  last_fetched_at: number;
}

/** Yields the selected articles (or their versions) in storage order. */
export async function* selectArticles(store: Store, options: SelectArticlesOptions = {}): AsyncGenerator<ExportRecord> {
  if (isPostgresStore(store)) {
    yield* selectPostgresArticles(store, options);
    return;
  }
  const db = databaseOf(store);
  /*
   * Only keys are read in batches; each record is read when it is yielded. Records read a batch
   * at a time stayed referenced until the batch's last one was consumed: long enough to survive
   * young-generation collections and be promoted to the old generation, which V8 lets grow to a
   * few times its live size between full collections. With 500 records a batch, peak RSS grew
   * with the corpus (JSONL 195 MB at 100,000 articles, 311 MB at 1,000,000; with --with-versions,
   * whose batch records were never used, 367 MB at 100,000): bench/export-results.md.
   */
  const batch = Math.max(1, options.batchSize ?? 500);
  const parsed = parseQuery(options.query ?? '');
  if (parsed.notice !== null) return;
  const extra = options.filters ?? emptyFilters();
  const selective = isSelective(parsed, extra);
  // a selection is walked by filter-table rowid (see nextMatches); everything, by article rowid
  let page: (after: number) => number[];
  // the record of a key, or (with versions, whose records come from article_versions) only its id
  let read: (key: number) => Row | undefined;
  const column = options.withVersions ? 'a.id AS id, a.first_seen_at AS first_seen_at, a.last_fetched_at AS last_fetched_at' : 'a.record AS record, a.id AS id, a.first_seen_at AS first_seen_at, a.last_fetched_at AS last_fetched_at';
  if (selective) {
    catchUpIndex(db);
    const plan = planQuery(db, parsed, extra);
    const get = db.prepare<[number], Row>(`SELECT ${column} FROM search_docs d JOIN articles a ON a.id = d.article_id WHERE d.rowid = ?`);
    page = (after) => nextMatches(db, plan, after, batch);
    read = (key) => get.get(key);
  } else {
    const keys = db.prepare<[number], number>(`SELECT rowid FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ${batch}`).pluck();
    const get = db.prepare<[number], Row>(`SELECT ${column} FROM articles a WHERE a.rowid = ?`);
    page = (after) => keys.all(after);
    read = (key) => get.get(key);
  }
  const versions = db.prepare<[string], { version: number; fetched_at: number; record: string }>(
    'SELECT version, fetched_at, record FROM article_versions WHERE article_id = ? ORDER BY version',
  );
  let after = -1;
  for (;;) {
    const keys = page(after);
    if (keys.length === 0) return;
    after = keys[keys.length - 1]!;
    for (const key of keys) {
      // an article deleted since its key was read (or since it was indexed) has no row: skipped
      const row = read(key);
      if (row === undefined) continue;
      const crawled = { firstSeen: new Date(row.first_seen_at).toISOString(), lastFetched: new Date(row.last_fetched_at).toISOString() };
      if (row.record !== undefined) {
        yield { ...(JSON.parse(row.record) as Article), crawled };
        continue;
      }
      for (const v of versions.all(row.id)) {
        yield { ...(JSON.parse(v.record) as Article), revision: { version: v.version, fetchedAt: new Date(v.fetched_at).toISOString() }, crawled };
      }
    }
  }
}
