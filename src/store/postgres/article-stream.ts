/**
 * PostgreSQL: every stored article (or every version of each), in storage order, through a
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

export async function* streamArticles(store: PostgresStore, options: { withVersions?: boolean; batchSize?: number } = {}): AsyncGenerator<StreamedArticle> {
  const sql = options.withVersions
    ? `SELECT a.id, v.record, a.first_seen_at, a.last_fetched_at, v.version, v.fetched_at AS version_fetched_at
       FROM articles a JOIN article_versions v ON v.article_id = a.id ORDER BY a.seq, v.version`
    : 'SELECT id, record, first_seen_at, last_fetched_at FROM articles ORDER BY seq';
  const client = await store.pool.connect();
  const stream = client.query(new QueryStream(sql, [], { batchSize: options.batchSize ?? 200 }));
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
