/**
 * PostgreSQL: articles, versions and near-duplicate groups. A save is one transaction that locks
 * the article's row (`FOR UPDATE`), so two workers saving the same canonical URL at the same
 * moment make one article and, if they differ, two versions in order, never two articles.
 * A new or changed article's search row is written in the same transaction (see
 * src/search/postgres/search-row.ts): what is stored is searchable at once.
 */
import type pg from 'pg';
import { articleId, hammingDistance } from '../../extract/content-hash.js';
import type { Article } from '../../extract/types.js';
import { StoreError } from '../errors.js';
import { changeHash, hostOf, NEAR_DUP_MAX_BITS, simhashBands, toRecrawlCandidate, toStoredArticle, type ArticleRow } from '../article-row.js';
import type { ArticleVersion, RecrawlCandidate, RecrawlCheck, SaveArticleInput, SaveArticleResult, StoredArticle } from '../store.js';
import { writeSearchRow } from '../../search/postgres/search-row.js';
import { statement, transaction } from './transaction.js';


/** Every column but `seq`, which only orders exports. */
const COLUMNS = `id, canonical_url, url, source_id, host, title, version, content_hash, change_hash, dup_group, first_seen_at,
  last_fetched_at, last_changed_at, next_recrawl_at, etag, last_modified, record`;

/** The article a save concerns: by canonical URL first, else by id (a record that names its own id). */
async function lockExisting(client: pg.PoolClient, canonicalUrl: string, id: string): Promise<ArticleRow | undefined> {
  const result = await client.query<ArticleRow>(`SELECT ${COLUMNS} FROM articles
    WHERE (md5(canonical_url) = md5($1) AND canonical_url = $1) OR id = $2
    ORDER BY (canonical_url = $1) DESC LIMIT 1 FOR UPDATE`, [canonicalUrl, id]);
  return result.rows[0];
}

export class PostgresArticles {
  constructor(private readonly pool: pg.Pool) {}

  async save(input: SaveArticleInput): Promise<SaveArticleResult> {
    const { article } = input;
    const canonicalUrl = article.canonicalUrl ?? article.url;
    if (!canonicalUrl) throw new StoreError('an article needs a canonical URL or a URL to be stored');
    const id = article.id ?? articleId(canonicalUrl);
    const record = JSON.stringify({ ...article, id, canonicalUrl });
    const hash = changeHash(article);
    const [b0, b1, b2, b3] = simhashBands(article.contentHash);
    const etag = input.etag ?? null;
    const lastModified = input.lastModified ?? null;
    // the columns an insert and an update both write, as $3…$18
    const fields = [article.url ?? canonicalUrl, article.title, article.published, article.modified, article.language, article.wordCount,
      article.contentHash, hash, b0, b1, b2, b3, input.fetchedAt, input.nextRecrawlAt, etag, lastModified];
    return transaction(this.pool, async (client) => {
      let existing = await lockExisting(client, canonicalUrl, id);
      if (existing === undefined) {
        // A source removed while a crawl of it runs: what the crawl still stores has no source (the foreign key would refuse it).
        const inserted = await client.query(`INSERT INTO articles (id, canonical_url, url, title, published, modified, language, word_count,
          content_hash, change_hash, sh_b0, sh_b1, sh_b2, sh_b3, first_seen_at, last_fetched_at, last_changed_at, next_recrawl_at, etag,
          last_modified, source_id, host, record, version)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $15, $16, $17, $18, (SELECT id FROM sources WHERE id = $19), $20, $21, 1)
          ON CONFLICT DO NOTHING`, [id, canonicalUrl, ...fields, input.sourceId, hostOf(canonicalUrl), record]);
        if (inserted.rowCount === 1) {
          await this.insertVersion(client, id, 1, input.fetchedAt, article, record);
          await writeSearchRow(client, id, { ...article, id, canonicalUrl });
          return { id, status: 'new' as const, version: 1, dupGroup: await this.linkNearDuplicates(client, id, article.contentHash, null) };
        }
        // another worker stored it between the lookup and the insert: it is an existing article now
        existing = await lockExisting(client, canonicalUrl, id);
        if (existing === undefined) throw new StoreError(`article ${canonicalUrl} could not be stored: its id ${id} or URL is taken and cannot be found`);
      }
      if (existing.change_hash === hash) {
        await this.touch(client, existing.id, { checkedAt: input.fetchedAt, nextRecrawlAt: input.nextRecrawlAt, etag, lastModified });
        return { id: existing.id, status: 'unchanged' as const, version: existing.version, dupGroup: existing.dup_group };
      }
      const version = existing.version + 1;
      await client.query(`UPDATE articles SET url = $3, title = $4, published = $5, modified = $6, language = $7, word_count = $8,
        content_hash = $9, change_hash = $10, sh_b0 = $11, sh_b1 = $12, sh_b2 = $13, sh_b3 = $14, last_fetched_at = $15,
        last_changed_at = $15, next_recrawl_at = $16, etag = $17, last_modified = $18, record = $2, version = version + 1
        WHERE id = $1`, [existing.id, record, ...fields]);
      await this.insertVersion(client, existing.id, version, input.fetchedAt, article, record);
      await writeSearchRow(client, existing.id, article);
      const dupGroup = existing.content_hash === article.contentHash
        ? existing.dup_group
        : await this.linkNearDuplicates(client, existing.id, article.contentHash, existing.dup_group);
      return { id: existing.id, status: 'updated' as const, version, dupGroup };
    });
  }

  private async insertVersion(client: pg.PoolClient, id: string, version: number, fetchedAt: number, article: Article, record: string): Promise<void> {
    await client.query('INSERT INTO article_versions (article_id, version, fetched_at, title, content_hash, record) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, version, fetchedAt, article.title, article.contentHash, record]);
  }

  /** Joins the earliest near-duplicate's group (founding it if needed); returns the group id. */
  private async linkNearDuplicates(client: pg.PoolClient, id: string, hash: string | null, current: string | null): Promise<string | null> {
    const [b0, b1, b2, b3] = simhashBands(hash);
    if (hash === null || b0 === null) return current;
    // four indexed band lookups, then the exact distance in JavaScript (the same function as SQLite's)
    const rows = await client.query<{ id: string; content_hash: string; dup_group: string | null }>(`SELECT id, content_hash, dup_group FROM articles
      WHERE id <> $1 AND (sh_b0 = $2 OR sh_b1 = $3 OR sh_b2 = $4 OR sh_b3 = $5) ORDER BY first_seen_at, id`, [id, b0, b1, b2, b3]);
    const match = rows.rows.find((row) => hammingDistance(row.content_hash, hash) <= NEAR_DUP_MAX_BITS);
    if (match === undefined) return current;
    const group = match.dup_group ?? match.id;
    if (match.dup_group === null) await client.query('UPDATE articles SET dup_group = $1 WHERE id = $2', [group, match.id]);
    await client.query('UPDATE articles SET dup_group = $1 WHERE id = $2', [group, id]);
    return group;
  }

  private async touch(db: pg.Pool | pg.PoolClient, id: string, check: RecrawlCheck): Promise<void> {
    await db.query(`UPDATE articles SET last_fetched_at = $2, next_recrawl_at = $3, etag = COALESCE($4, etag),
      last_modified = COALESCE($5, last_modified) WHERE id = $1`, [id, check.checkedAt, check.nextRecrawlAt, check.etag ?? null, check.lastModified ?? null]);
  }

  async get(id: string): Promise<StoredArticle | null> {
    const row = (await statement<ArticleRow>(this.pool, `SELECT ${COLUMNS} FROM articles WHERE id = $1`, [id])).rows[0];
    return row === undefined ? null : toStoredArticle(row);
  }

  async getByUrl(canonicalUrl: string): Promise<StoredArticle | null> {
    const row = (await statement<ArticleRow>(this.pool, `SELECT ${COLUMNS} FROM articles WHERE md5(canonical_url) = md5($1) AND canonical_url = $1`, [canonicalUrl])).rows[0];
    return row === undefined ? null : toStoredArticle(row);
  }

  async versions(id: string): Promise<ArticleVersion[]> {
    const result = await statement<{ article_id: string; version: number; fetched_at: number; title: string | null; content_hash: string | null; record: string }>(
      this.pool, 'SELECT article_id, version, fetched_at, title, content_hash, record FROM article_versions WHERE article_id = $1 ORDER BY version', [id]);
    return result.rows.map((row) => ({
      articleId: row.article_id,
      version: row.version,
      fetchedAt: row.fetched_at,
      title: row.title,
      contentHash: row.content_hash,
      record: JSON.parse(row.record) as Article,
    }));
  }

  async nearDuplicates(id: string): Promise<string[]> {
    const result = await statement<{ id: string }>(this.pool, `SELECT id FROM articles
      WHERE dup_group = (SELECT dup_group FROM articles WHERE id = $1) AND id <> $1 ORDER BY first_seen_at, id`, [id]);
    return result.rows.map((row) => row.id);
  }

  async count(sourceIds?: number[]): Promise<number> {
    const result = sourceIds === undefined
      ? await statement<{ n: number }>(this.pool, 'SELECT count(*) AS n FROM articles')
      : await statement<{ n: number }>(this.pool, 'SELECT count(*) AS n FROM articles WHERE source_id = ANY($1::bigint[])', [sourceIds]);
    return result.rows[0]!.n;
  }

  async due(options: { now: number; limit: number; all?: boolean; sourceIds?: number[] }): Promise<RecrawlCandidate[]> {
    const result = await statement<ArticleRow>(this.pool, `SELECT id, canonical_url, host, source_id, etag, last_modified, last_changed_at, last_fetched_at
      FROM articles WHERE ($1::boolean OR next_recrawl_at <= $2) AND ($3::bigint[] IS NULL OR source_id = ANY($3))
      ORDER BY next_recrawl_at, id LIMIT $4`, [options.all === true, options.now, options.sourceIds ?? null, options.limit]);
    return result.rows.map(toRecrawlCandidate);
  }

  async markChecked(id: string, check: RecrawlCheck): Promise<void> {
    await this.touch(this.pool, id, check);
  }
}
