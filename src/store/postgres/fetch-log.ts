/** PostgreSQL: the fetch log (one row per HTTP exchange) and the WARC capture of a URL. */
import type pg from 'pg';
import type { FetchLogEntry, WarcCapture } from '../store.js';
import { statement } from './transaction.js';

export async function logFetch(pool: pg.Pool, entry: FetchLogEntry): Promise<void> {
  await statement(pool, `INSERT INTO fetch_log (url, host, kind, status, bytes, elapsed_ms, fetched_at, not_modified, error_code, error, warc_file, warc_offset)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, [entry.url, entry.host, entry.kind, entry.status, entry.bytes, Math.round(entry.elapsedMs),
    entry.fetchedAt, entry.notModified === true, entry.errorCode ?? null, entry.error ?? null, entry.warc?.file ?? null, entry.warc?.offset ?? null]);
}

/** The newest capture among the URLs (each URL's newest row found through fetch_log_url). */
export async function warcCapture(pool: pg.Pool, urls: readonly string[]): Promise<WarcCapture | null> {
  const unique = [...new Set(urls)];
  if (unique.length === 0) return null;
  const result = await statement<{ url: string; file: string; offset: number; fetched_at: number }>(pool, `SELECT u.url, c.file, c.offset, c.fetched_at
    FROM unnest($1::text[]) AS u (url)
    CROSS JOIN LATERAL (SELECT warc_file AS file, warc_offset AS offset, fetched_at FROM fetch_log
      WHERE md5(url) = md5(u.url) AND url = u.url AND warc_file IS NOT NULL ORDER BY id DESC LIMIT 1) AS c
    ORDER BY c.fetched_at DESC LIMIT 1`, [unique]);
  const row = result.rows[0];
  return row === undefined ? null : { url: row.url, file: row.file, offset: row.offset, fetchedAt: row.fetched_at };
}

/** When each host was last fetched (epoch ms). */
export async function lastFetchByHost(pool: pg.Pool): Promise<Map<string, number>> {
  const result = await statement<{ host: string; at: number }>(pool, 'SELECT host, max(fetched_at) AS at FROM fetch_log GROUP BY host');
  return new Map(result.rows.map((r) => [r.host, r.at]));
}
