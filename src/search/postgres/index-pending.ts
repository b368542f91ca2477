/**
 * Indexes the articles queued in `search_pending`: those stored before the store had a search
 * index (migration 2). Saves index as they go, so the queue is empty after that first run.
 * Batches are taken with SKIP LOCKED: two processes catching up at once share the work.
 */
import type { Article } from '../../extract/types.js';
import type { PostgresStore } from '../../store/index.js';
import { transaction } from '../../store/postgres/transaction.js';
import { writeSearchRow } from './search-row.js';

export async function indexPendingPostgres(store: PostgresStore, batchSize = 200): Promise<number> {
  let indexed = 0;
  for (;;) {
    const done = await transaction(store.pool, async (client) => {
      const taken = await client.query<{ article_id: string }>(`DELETE FROM search_pending WHERE article_id IN (
        SELECT article_id FROM search_pending LIMIT $1 FOR UPDATE SKIP LOCKED) RETURNING article_id`, [batchSize]);
      if (taken.rows.length === 0) return 0;
      const records = await client.query<{ id: string; record: string }>('SELECT id, record FROM articles WHERE id = ANY($1::text[])', [taken.rows.map((r) => r.article_id)]);
      for (const row of records.rows) await writeSearchRow(client, row.id, JSON.parse(row.record) as Article);
      return taken.rows.length;
    });
    if (done === 0) return indexed;
    indexed += done;
  }
}
