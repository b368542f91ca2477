/**
 * Writes an article's row of the PostgreSQL search index: the same filter values and stems the
 * SQLite index holds (see src/search/sqlite-index.ts), in one `search_docs` row. Called inside
 * the transaction that saves the article, so what a worker stores is searchable at once, on
 * every machine, with no queue to catch up.
 */
import type pg from 'pg';
import type { Article } from '../../extract/types.js';
import { reverseHost } from '../facets.js';
import { buildIndexDocument } from '../index-text.js';
import { normalizeText } from '../normalize-arabic.js';
import { hostOf, publishedUtc } from '../sqlite-index.js';
import { documentVector } from './tsvector.js';

export async function writeSearchRow(client: pg.PoolClient, id: string, article: Article): Promise<void> {
  const section = article.section ? normalizeText(article.section) : null;
  await client.query(`INSERT INTO search_docs (article_id, seq, site_rev, language, section, authors, published, doc)
    SELECT $1, seq, $2, $3, $4, $5, $6, $7::tsvector FROM articles WHERE id = $1
    ON CONFLICT (article_id) DO UPDATE SET site_rev = excluded.site_rev, language = excluded.language, section = excluded.section,
      authors = excluded.authors, published = excluded.published, doc = excluded.doc`, [
    id,
    reverseHost(hostOf(article)),
    article.language?.toLowerCase() ?? null,
    section,
    article.authors.length > 0 ? `\n${article.authors.map((a) => normalizeText(a)).join('\n')}\n` : '',
    publishedUtc(article.published),
    documentVector(buildIndexDocument(article)),
  ]);
}
