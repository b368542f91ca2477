/**
 * The articles an export writes: all of them, or those a search query and filters select,
 * read in batches by rowid (keyset paging), so a million-article export holds one batch at a time.
 */
import type { Article } from '../extract/types.js';
import { emptyFilters, parseQuery, type SearchFilters } from '../search/query.js';
import { databaseOf, nextMatches, planQuery } from '../search/search.js';
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
  /** Records read per batch (default 100). */
  batchSize?: number;
}

function hasFilters(filters: Partial<SearchFilters>): boolean {
  return Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined));
}

/** Yields the selected articles (or their versions) in storage order. */
export async function* selectArticles(store: Store, options: SelectArticlesOptions = {}): AsyncGenerator<ExportRecord> {
  const db = databaseOf(store);
  /*
   * A batch's rows stay referenced until its last record is consumed, long enough to survive
   * young-generation collections and be promoted to the old generation, which V8 lets grow to a
   * few times its live size between full collections. At 500 rows (several MB of JSON each batch)
   * a text export of 50,000 articles peaked at 322 MB RSS; at 100 rows at 173 MB, as fast
   * (bench/export-results.md). Keyset paging makes each further query one index seek.
   */
  const batch = Math.max(1, options.batchSize ?? 100);
  const parsed = parseQuery(options.query ?? '');
  if (parsed.notice !== null) return;
  const extra = options.filters ?? emptyFilters();
  const selective = parsed.include.length > 0 || parsed.exclude.length > 0 || hasFilters(parsed.filters) || hasFilters(extra);
  // a selection is walked by filter-table rowid (see nextMatches); everything, by article rowid
  let page: (after: number) => { last: number | null; rows: { record: string; id: string }[] };
  if (selective) {
    indexPendingArticles(db);
    const plan = planQuery(db, parsed, extra);
    const read = db.prepare<[number], { record: string; id: string }>('SELECT a.record AS record, a.id AS id FROM search_docs d JOIN articles a ON a.id = d.article_id WHERE d.rowid = ?');
    page = (after) => {
      const keys = nextMatches(db, plan, after, batch);
      // an article deleted since it was indexed has no row: skipped
      return { last: keys.at(-1) ?? null, rows: keys.flatMap((k) => read.get(k) ?? []) };
    };
  } else {
    const all = db.prepare<[number], { k: number; record: string; id: string }>(`SELECT rowid AS k, record, id FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ${batch}`);
    page = (after) => {
      const rows = all.all(after);
      return { last: rows.at(-1)?.k ?? null, rows };
    };
  }
  const versions = db.prepare<[string], { version: number; fetched_at: number; record: string }>(
    'SELECT version, fetched_at, record FROM article_versions WHERE article_id = ? ORDER BY version',
  );
  let after = -1;
  for (;;) {
    const { last, rows } = page(after);
    if (last === null) return;
    after = last;
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
