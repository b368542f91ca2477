/** SQLite: articles, versions and near-duplicate groups (one transaction per save). */
import type Database from 'better-sqlite3';
import { writeTransaction } from './write-transaction.js';
import { articleId, hammingDistance } from '../../extract/content-hash.js';
import type { Article } from '../../extract/types.js';
import { StoreError } from '../errors.js';
import { changeHash, hostOf, NEAR_DUP_MAX_BITS, simhashBands, toRecrawlCandidate, toStoredArticle, type ArticleRow } from '../article-row.js';
import type {
  ArticleVersion,
  RecrawlCandidate,
  RecrawlCheck,
  SaveArticleInput,
  SaveArticleResult,
  StoredArticle,
} from '../store.js';

// where the rest of marsad has always found them
export { changeHash, NEAR_DUP_MAX_BITS };

export class SqliteArticles {
  private readonly byId: Database.Statement<[string], ArticleRow>;
  private readonly byUrl: Database.Statement<[string], ArticleRow>;
  private readonly insertArticle: Database.Statement;
  private readonly updateArticle: Database.Statement;
  private readonly touchArticle: Database.Statement;
  private readonly insertVersion: Database.Statement;
  private readonly dupCandidates: Database.Statement;
  private readonly setGroup: Database.Statement;
  private readonly saveTx: (input: SaveArticleInput) => SaveArticleResult;

  constructor(private readonly db: Database.Database) {
    this.byId = db.prepare('SELECT * FROM articles WHERE id = ?');
    this.byUrl = db.prepare('SELECT * FROM articles WHERE canonical_url = ?');
    // A source removed while a crawl of it runs: what the crawl still stores has no source (the foreign key would refuse it).
    this.insertArticle = db.prepare(`INSERT INTO articles (id, canonical_url, url, source_id, host, title, published,
      modified, language, word_count, content_hash, change_hash, sh_b0, sh_b1, sh_b2, sh_b3, version, first_seen_at,
      last_fetched_at, last_changed_at, next_recrawl_at, etag, last_modified, record)
      VALUES (@id, @canonicalUrl, @url, (SELECT id FROM sources WHERE id = @sourceId), @host, @title, @published, @modified, @language, @wordCount,
      @contentHash, @changeHash, @b0, @b1, @b2, @b3, 1, @now, @now, @now, @nextRecrawlAt, @etag, @lastModified, @record)`);
    this.updateArticle = db.prepare(`UPDATE articles SET url = @url, title = @title, published = @published,
      modified = @modified, language = @language, word_count = @wordCount, content_hash = @contentHash,
      change_hash = @changeHash, sh_b0 = @b0, sh_b1 = @b1, sh_b2 = @b2, sh_b3 = @b3, version = version + 1,
      last_fetched_at = @now, last_changed_at = @now, next_recrawl_at = @nextRecrawlAt, etag = @etag,
      last_modified = @lastModified, record = @record WHERE id = @id`);
    this.touchArticle = db.prepare(`UPDATE articles SET last_fetched_at = @now, next_recrawl_at = @nextRecrawlAt,
      etag = COALESCE(@etag, etag), last_modified = COALESCE(@lastModified, last_modified) WHERE id = @id`);
    this.insertVersion = db.prepare(`INSERT INTO article_versions (article_id, version, fetched_at, title, content_hash, record)
      VALUES (?, ?, ?, ?, ?, ?)`);
    this.dupCandidates = db.prepare(`SELECT id, content_hash, dup_group, first_seen_at FROM articles
      WHERE id != @id AND (sh_b0 = @b0 OR sh_b1 = @b1 OR sh_b2 = @b2 OR sh_b3 = @b3)
      ORDER BY first_seen_at, id`);
    this.setGroup = db.prepare('UPDATE articles SET dup_group = ? WHERE id = ?');
    this.saveTx = writeTransaction(db, (input: SaveArticleInput) => this.saveNow(input));
  }

  save(input: SaveArticleInput): SaveArticleResult {
    return this.saveTx(input);
  }

  private saveNow(input: SaveArticleInput): SaveArticleResult {
    const { article } = input;
    const canonicalUrl = article.canonicalUrl ?? article.url;
    if (!canonicalUrl) throw new StoreError('an article needs a canonical URL or a URL to be stored');
    const id = article.id ?? articleId(canonicalUrl);
    const record = JSON.stringify({ ...article, id, canonicalUrl });
    const hash = changeHash(article);
    const [b0, b1, b2, b3] = simhashBands(article.contentHash);
    const params = {
      id,
      canonicalUrl,
      url: article.url ?? canonicalUrl,
      sourceId: input.sourceId,
      host: hostOf(canonicalUrl),
      title: article.title,
      published: article.published,
      modified: article.modified,
      language: article.language,
      wordCount: article.wordCount,
      contentHash: article.contentHash,
      changeHash: hash,
      b0, b1, b2, b3,
      now: input.fetchedAt,
      nextRecrawlAt: input.nextRecrawlAt,
      etag: input.etag ?? null,
      lastModified: input.lastModified ?? null,
      record,
    };
    const existing = this.byUrl.get(canonicalUrl) ?? this.byId.get(id);
    if (existing === undefined) {
      this.insertArticle.run(params);
      this.insertVersion.run(id, 1, input.fetchedAt, article.title, article.contentHash, record);
      return { id, status: 'new', version: 1, dupGroup: this.linkNearDuplicates(id, article.contentHash, null) };
    }
    if (existing.change_hash === hash) {
      this.touchArticle.run({ id: existing.id, now: input.fetchedAt, nextRecrawlAt: input.nextRecrawlAt, etag: params.etag, lastModified: params.lastModified });
      return { id: existing.id, status: 'unchanged', version: existing.version, dupGroup: existing.dup_group };
    }
    const version = existing.version + 1;
    this.updateArticle.run({ ...params, id: existing.id });
    this.insertVersion.run(existing.id, version, input.fetchedAt, article.title, article.contentHash, record);
    const dupGroup = existing.content_hash === article.contentHash
      ? existing.dup_group
      : this.linkNearDuplicates(existing.id, article.contentHash, existing.dup_group);
    return { id: existing.id, status: 'updated', version, dupGroup };
  }

  /** Joins the earliest near-duplicate's group (founding it if needed); returns the group id. */
  private linkNearDuplicates(id: string, hash: string | null, current: string | null): string | null {
    const [b0, b1, b2, b3] = simhashBands(hash);
    if (hash === null || b0 === null) return current;
    const rows = this.dupCandidates.all({ id, b0, b1, b2, b3 }) as { id: string; content_hash: string; dup_group: string | null }[];
    const match = rows.find((row) => hammingDistance(row.content_hash, hash) <= NEAR_DUP_MAX_BITS);
    if (match === undefined) return current;
    const group = match.dup_group ?? match.id;
    if (match.dup_group === null) this.setGroup.run(group, match.id);
    this.setGroup.run(group, id);
    return group;
  }

  get(id: string): StoredArticle | null {
    const row = this.byId.get(id);
    return row === undefined ? null : toStoredArticle(row);
  }

  getByUrl(canonicalUrl: string): StoredArticle | null {
    const row = this.byUrl.get(canonicalUrl);
    return row === undefined ? null : toStoredArticle(row);
  }

  versions(id: string): ArticleVersion[] {
    const rows = this.db
      .prepare('SELECT * FROM article_versions WHERE article_id = ? ORDER BY version')
      .all(id) as { article_id: string; version: number; fetched_at: number; title: string | null; content_hash: string | null; record: string }[];
    return rows.map((row) => ({
      articleId: row.article_id,
      version: row.version,
      fetchedAt: row.fetched_at,
      title: row.title,
      contentHash: row.content_hash,
      record: JSON.parse(row.record) as Article,
    }));
  }

  nearDuplicates(id: string): string[] {
    const rows = this.db
      .prepare(`SELECT id FROM articles WHERE dup_group = (SELECT dup_group FROM articles WHERE id = ?) AND id != ? ORDER BY first_seen_at, id`)
      .all(id, id) as { id: string }[];
    return rows.map((row) => row.id);
  }

  count(sourceIds?: number[]): number {
    if (sourceIds === undefined) return (this.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    if (sourceIds.length === 0) return 0;
    const marks = sourceIds.map(() => '?').join(',');
    return (this.db.prepare(`SELECT count(*) AS n FROM articles WHERE source_id IN (${marks})`).get(...sourceIds) as { n: number }).n;
  }

  due(options: { now: number; limit: number; all?: boolean; sourceIds?: number[] }): RecrawlCandidate[] {
    const where: string[] = [];
    const args: (number | string)[] = [];
    if (!options.all) {
      where.push('next_recrawl_at <= ?');
      args.push(options.now);
    }
    if (options.sourceIds !== undefined) {
      where.push(`source_id IN (${options.sourceIds.map(() => '?').join(',') || 'NULL'})`);
      args.push(...options.sourceIds);
    }
    const sql = `SELECT id, canonical_url, host, source_id, etag, last_modified, last_changed_at, last_fetched_at
      FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY next_recrawl_at, id LIMIT ?`;
    const rows = this.db.prepare(sql).all(...args, options.limit) as ArticleRow[];
    return rows.map(toRecrawlCandidate);
  }

  markChecked(id: string, check: RecrawlCheck): void {
    this.touchArticle.run({
      id,
      now: check.checkedAt,
      nextRecrawlAt: check.nextRecrawlAt,
      etag: check.etag ?? null,
      lastModified: check.lastModified ?? null,
    });
  }
}
