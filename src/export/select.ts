/**
 * The articles an export writes: all of them, or those a search query and filters select,
 * read in batches by rowid (keyset paging), so a million-article export holds one batch at a time.
 */
import type { Article } from '../extract/types.js';
import { emptyFilters, parseQuery, type SearchFilters } from '../search/query.js';
import { databaseOf, planQuery, whereSql } from '../search/search.js';
import { indexPendingArticles } from '../search/sqlite-index.js';
import type { Store } from '../store/index.js';
import type { ExportRecord } from './sink.js';

export interface SelectArticlesOptions {
  /** A search query (words, phrases, filters such as site: lang: after:); empty selects all. */
  query?: string;
  /** Filters added to the query's. */
  filters?: Partial<SearchFilters>;
  /** Every stored version of each article, oldest first, instead of the latest only. */
  withVersions?: boolean;
  /** Records read per batch (default 500). */
  batchSize?: number;
}

function hasFilters(filters: Partial<SearchFilters>): boolean {
  return Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined));
}

/** Yields the selected articles (or their versions) in storage order. */
export async function* selectArticles(store: Store, options: SelectArticlesOptions = {}): AsyncGenerator<ExportRecord> {
  const db = databaseOf(store);
  const batch = Math.max(1, options.batchSize ?? 500);
  const parsed = parseQuery(options.query ?? '');
  if (parsed.notice !== null) return;
  const extra = options.filters ?? emptyFilters();
  const selective = parsed.include.length > 0 || parsed.exclude.length > 0 || hasFilters(parsed.filters) || hasFilters(extra);
  let sql: string;
  let params: (string | number)[] = [];
  if (selective) {
    indexPendingArticles(db);
    const plan = planQuery(db, parsed, extra);
    const where = whereSql([...plan.where, { sql: 'd.rowid > ?', params: [] }]);
    sql = `SELECT d.rowid AS k, a.record AS record, a.id AS id FROM ${plan.from} JOIN articles a ON a.id = d.article_id
      ${where.sql} ORDER BY d.rowid LIMIT ${batch}`;
    params = where.params;
  } else {
    sql = `SELECT rowid AS k, record, id FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ${batch}`;
  }
  const page = db.prepare<(string | number)[], { k: number; record: string; id: string }>(sql);
  const versions = db.prepare<[string], { version: number; fetched_at: number; record: string }>(
    'SELECT version, fetched_at, record FROM article_versions WHERE article_id = ? ORDER BY version',
  );
  let after = -1;
  for (;;) {
    const rows = page.all(...params, after);
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.k;
    for (const row of rows) {
      if (!options.withVersions) {
        yield JSON.parse(row.record) as Article;
        continue;
      }
      for (const v of versions.all(row.id)) {
        yield { ...(JSON.parse(v.record) as Article), revision: { version: v.version, fetchedAt: new Date(v.fetched_at).toISOString() } };
      }
    }
  }
}
