/** PostgreSQL: the store's figures for `marsad stats` and the URLs that failed, for `marsad errors`. */
import type pg from 'pg';
import type { FailedFetch, FrontierState, HostStats, StoreStats } from '../store.js';
import type { PostgresFrontier } from './frontier.js';
import { statement } from './transaction.js';

export async function storeStats(pool: pg.Pool, frontier: PostgresFrontier): Promise<StoreStats> {
  const rows = async <R extends pg.QueryResultRow>(sql: string): Promise<R[]> => (await statement<R>(pool, sql)).rows;
  const [totals, fetchRows, frontierRows, articleRows, fetchByHost, lastErrors, frontierCounts] = await Promise.all([
    rows<{ articles: number; versions: number; groups: number; grouped: number; sources: number }>(`SELECT
      (SELECT count(*) FROM articles) AS articles,
      (SELECT count(*) FROM article_versions) AS versions,
      (SELECT count(DISTINCT dup_group) FROM articles WHERE dup_group IS NOT NULL) AS groups,
      (SELECT count(*) FROM articles WHERE dup_group IS NOT NULL) AS grouped,
      (SELECT count(*) FROM sources) AS sources`),
    rows<{ status: string; n: number }>(`SELECT coalesce(status::text, 'error') AS status, count(*) AS n FROM fetch_log GROUP BY 1`),
    rows<{ host: string; state: FrontierState; n: number }>('SELECT host, state, count(*) AS n FROM frontier GROUP BY host, state'),
    rows<{ host: string; n: number }>('SELECT host, count(*) AS n FROM articles GROUP BY host'),
    rows<{ host: string; n: number; errors: number }>(`SELECT host, count(*) AS n, count(*) FILTER (WHERE status IS NULL OR status >= 400) AS errors
      FROM fetch_log GROUP BY host`),
    // each host's latest failed fetch
    rows<{ host: string; status: number | null; error_code: string | null; error: string | null; at: number }>(`SELECT DISTINCT ON (host)
        host, status, error_code, error, fetched_at AS at
      FROM fetch_log WHERE status IS NULL OR status >= 400 ORDER BY host, fetched_at DESC, id DESC`),
    frontier.counts(),
  ]);
  const fetches: Record<string, number> = {};
  for (const row of fetchRows) fetches[row.status] = row.n;
  const hosts = new Map<string, HostStats>();
  const hostOf = (host: string): HostStats => {
    let entry = hosts.get(host);
    if (entry === undefined) hosts.set(host, (entry = { host, articles: 0, frontier: {}, fetches: 0, errors: 0 }));
    return entry;
  };
  for (const row of frontierRows) hostOf(row.host).frontier[row.state] = row.n;
  for (const row of articleRows) hostOf(row.host).articles = row.n;
  for (const row of fetchByHost) Object.assign(hostOf(row.host), { fetches: row.n, errors: row.errors });
  for (const row of lastErrors) hostOf(row.host).lastError = { status: row.status, code: row.error_code, error: row.error, at: row.at };
  const total = totals[0]!;
  return {
    articles: total.articles,
    versions: total.versions,
    nearDuplicateGroups: total.groups,
    nearDuplicateArticles: total.grouped,
    sources: total.sources,
    frontier: frontierCounts,
    fetches,
    hosts: [...hosts.values()].sort((a, b) => a.host.localeCompare(b.host)),
  };
}

/** The frontier keeps each URL's state and attempts; the fetch log its latest error code. */
export async function failures(pool: pg.Pool, options: { host?: string; limit?: number } = {}): Promise<FailedFetch[]> {
  const limit = Math.max(1, Math.floor(options.limit ?? 1000));
  const result = await statement<FailedFetch>(pool, `SELECT f.url, f.host, f.kind, f.state, f.attempts, f.last_status AS status, f.last_error AS error, f.updated_at AS at,
      (SELECT l.error_code FROM fetch_log l WHERE md5(l.url) = md5(f.url) AND l.url = f.url ORDER BY l.id DESC LIMIT 1) AS code
    FROM frontier f
    WHERE (f.state = 'failed' OR (f.state = 'queued' AND f.attempts > 0 AND f.last_error IS NOT NULL)) AND ($1::text IS NULL OR f.host = $1)
    ORDER BY f.updated_at DESC, f.id DESC LIMIT $2`, [options.host ?? null, limit]);
  return result.rows;
}
