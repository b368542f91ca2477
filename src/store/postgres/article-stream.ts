/**
 * PostgreSQL: the stored articles (or every version of each), in storage order, through a
 * server-side cursor (pg-query-stream) on one connection of the pool: rows arrive a batch at a
 * time as the reader consumes them, so an export of millions holds a few hundred in memory.
 */
import QueryStream from 'pg-query-stream';
import type { PostgresStore } from './postgres-store.js';

export interface StreamedArticle {
  id: string;
  /** The article's record, or with versions the version's record. */
  record: string;
  first_seen_at: number;
  last_fetched_at: number;
  /** With versions: the version's number and fetch time. */
  version?: number;
  version_fetched_at?: number;
}

export interface StreamOptions {
  withVersions?: boolean;
  /** Only the articles whose search row (`search_docs d`) meets this WHERE clause (see src/search/postgres/plan.ts). */
  selection?: { where: string; params: unknown[] };
  batchSize?: number;
}

export async function* streamArticles(store: PostgresStore, options: StreamOptions = {}): AsyncGenerator<StreamedArticle> {
  const from = options.selection === undefined ? ['articles a'] : ['search_docs d', 'JOIN articles a ON a.id = d.article_id'];
  if (options.withVersions) from.push('JOIN article_versions v ON v.article_id = a.id');
  const columns = options.withVersions
    ? 'a.id, v.record, a.first_seen_at, a.last_fetched_at, v.version, v.fetched_at AS version_fetched_at'
    : 'a.id, a.record, a.first_seen_at, a.last_fetched_at';
  const sql = `SELECT ${columns} FROM ${from.join(' ')} ${options.selection?.where ?? ''} ORDER BY a.seq${options.withVersions ? ', v.version' : ''}`;
  const client = await store.pool.connect();
  const stream = client.query(new QueryStream(sql, options.selection?.params ?? [], { batchSize: options.batchSize ?? 200 }));
  try {
    for await (const row of stream) yield row as StreamedArticle;
  } finally {
    // the reader may stop early (`marsad export | head`): end the cursor before the connection goes back
    if (!stream.destroyed) {
      const closed = new Promise((resolve) => stream.once('close', resolve));
      stream.destroy();
      await closed;
    }
    client.release();
  }
}
