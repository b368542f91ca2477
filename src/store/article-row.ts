/**
 * What both stores keep of an article in the same shape: the articles row, the hash that says
 * whether a save changed the article, the simhash bands near-duplicates are looked up by, and the
 * row as the Store interface returns it. One copy, so SQLite and PostgreSQL cannot drift apart.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../extract/types.js';
import type { RecrawlCandidate, StoredArticle } from './store.js';

/**
 * Two bodies whose 64-bit simhashes differ in at most this many bits are near-duplicates.
 * With the hash cut into four 16-bit bands, any such pair agrees on at least one whole band
 * (pigeonhole), so candidates come from four indexed equality lookups, not a scan.
 */
export const NEAR_DUP_MAX_BITS = 3;

export interface ArticleRow {
  id: string;
  canonical_url: string;
  url: string;
  source_id: number | null;
  host: string;
  title: string | null;
  version: number;
  content_hash: string | null;
  change_hash: string;
  dup_group: string | null;
  first_seen_at: number;
  last_fetched_at: number;
  last_changed_at: number;
  next_recrawl_at: number;
  etag: string | null;
  last_modified: string | null;
  record: string;
}

export function changeHash(article: Article): string {
  return createHash('sha256').update(article.title ?? '').update('\u0000').update(article.text).digest('hex');
}

export function simhashBands(hash: string | null): [number, number, number, number] | [null, null, null, null] {
  if (hash === null || !/^[0-9a-f]{16}$/i.test(hash)) return [null, null, null, null];
  return [0, 1, 2, 3].map((i) => parseInt(hash.slice(i * 4, i * 4 + 4), 16)) as [number, number, number, number];
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

export function toStoredArticle(row: ArticleRow): StoredArticle {
  return {
    id: row.id,
    canonicalUrl: row.canonical_url,
    url: row.url,
    sourceId: row.source_id,
    host: row.host,
    title: row.title,
    version: row.version,
    contentHash: row.content_hash,
    dupGroup: row.dup_group,
    firstSeenAt: row.first_seen_at,
    lastFetchedAt: row.last_fetched_at,
    lastChangedAt: row.last_changed_at,
    nextRecrawlAt: row.next_recrawl_at,
    etag: row.etag,
    lastModified: row.last_modified,
    record: JSON.parse(row.record) as Article,
  };
}

/** An article row as the recrawler needs it (what to fetch, and the validators for a conditional GET). */
export function toRecrawlCandidate(row: Pick<ArticleRow, 'id' | 'canonical_url' | 'host' | 'source_id' | 'etag' | 'last_modified' | 'last_changed_at' | 'last_fetched_at'>): RecrawlCandidate {
  return {
    id: row.id,
    url: row.canonical_url,
    host: row.host,
    sourceId: row.source_id,
    etag: row.etag,
    lastModified: row.last_modified,
    lastChangedAt: row.last_changed_at,
    lastFetchedAt: row.last_fetched_at,
  };
}
