/**
 * Transactions on a pooled connection. Several workers writing the same rows at once can
 * deadlock (two enqueues inserting the same URLs in different orders) or lose a serialization
 * race; the server then aborts one of them, whose work is undone as a whole, so it is simply
 * run again.
 */
import type pg from 'pg';

/** deadlock_detected, serialization_failure: the transaction was rolled back and can be retried. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 5;

export function isRetryable(error: unknown): boolean {
  return RETRYABLE.has(String((error as { code?: unknown } | null)?.code));
}

export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true; // the connection itself failed: do not give it back to the pool
      }
      if (attempt < ATTEMPTS && isRetryable(error)) continue;
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

/** One statement, retried when the server aborted it for a deadlock (each statement is its own transaction). */
export async function statement<R extends pg.QueryResultRow = pg.QueryResultRow>(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pool.query<R>(sql, params);
    } catch (error) {
      if (attempt < ATTEMPTS && isRetryable(error)) continue;
      throw error;
    }
  }
}
