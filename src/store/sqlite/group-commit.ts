/**
 * Group commit for the SQLite store: writes requested in the same turn of the event loop run
 * in one transaction, each inside its own savepoint. A crawl writes four times per page (fetch
 * log, article, new links, frontier state); with 16 pages in flight, one commit instead of
 * dozens is most of what the store costs.
 *
 * Rules:
 * - a write's promise settles only after its transaction committed, so a caller that awaited
 *   it knows it is on disk (kill -9 loses only writes nobody was told had happened);
 * - one failing write rolls back its own savepoint and rejects its own promise; the others
 *   in the batch still commit;
 * - reads call `flush()` first, so they always see every write requested before them.
 */
import type Database from 'better-sqlite3';
import { writeTransaction } from './write-transaction.js';

interface PendingWrite {
  run(): unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export class GroupCommit {
  private pending: PendingWrite[] = [];
  private scheduled = false;
  private readonly commit: (batch: readonly PendingWrite[]) => { ok: boolean; value: unknown }[];

  constructor(db: Database.Database) {
    // Nested better-sqlite3 transactions are savepoints: each write is undone alone if it throws.
    const savepoint = db.transaction((write: PendingWrite) => write.run());
    this.commit = writeTransaction(db, (batch: readonly PendingWrite[]) =>
      batch.map((write) => {
        try {
          return { ok: true, value: savepoint(write) };
        } catch (error) {
          return { ok: false, value: error };
        }
      }),
    );
  }

  /** Queues `run` for the next commit; resolves with its result once committed. */
  write<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits every queued write now (before a read, or on close). */
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    let results: { ok: boolean; value: unknown }[];
    try {
      results = this.commit(batch);
    } catch (error) {
      // The commit itself failed (disk full, database locked past busy_timeout): nothing was written.
      for (const write of batch) write.reject(error);
      return;
    }
    batch.forEach((write, i) => {
      const result = results[i]!;
      if (result.ok) write.resolve(result.value);
      else write.reject(result.value);
    });
  }
}
