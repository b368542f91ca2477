/**
 * `marsad migrate`: copies a corpus from one store to another (SQLite to PostgreSQL or back):
 * sources, the frontier (leases dropped) and every article with all its versions. Resumable and
 * idempotent: each batch is one transaction in the target, and what the target already holds
 * (a source by name, a URL, an article by id or canonical URL) is left as it is, so running it
 * again after an interruption copies only what is missing. The fetch log stays behind: it is the
 * source machine's history, not the corpus.
 */
import { UsageError } from '../errors.js';
import { isPostgresStore } from '../store/postgres/is-postgres-store.js';
import type { Store } from '../store/index.js';
import { articleForTarget, frontierForTarget, type CorpusReader, type CorpusWriter } from './corpus-rows.js';

export interface MigrateProgress {
  sources: { read: number; added: number };
  frontier: { read: number; added: number; total: number };
  articles: { read: number; added: number; total: number };
}

export interface MigrateOptions {
  /** Rows per batch (default 500 frontier entries, 200 articles). */
  batchSize?: number;
  onProgress?: (progress: MigrateProgress) => void;
  signal?: AbortSignal;
}

async function sideOf(store: Store): Promise<{ reader: CorpusReader; writer: CorpusWriter }> {
  if (isPostgresStore(store)) {
    const { postgresReader, postgresWriter } = await import('./postgres-side.js');
    return { reader: postgresReader(store), writer: postgresWriter(store) };
  }
  if (store.kind === 'sqlite') {
    const [{ sqliteReader, sqliteWriter }, { databaseOf }] = await Promise.all([import('./sqlite-side.js'), import('../search/search.js')]);
    const db = databaseOf(store);
    return { reader: sqliteReader(db), writer: sqliteWriter(db) };
  }
  throw new UsageError(`cannot migrate a ${store.kind} store`);
}

export async function migrateCorpus(from: Store, to: Store, options: MigrateOptions = {}): Promise<MigrateProgress> {
  const { reader } = await sideOf(from);
  const { writer } = await sideOf(to);
  const counts = await reader.counts();
  const progress: MigrateProgress = {
    sources: { read: 0, added: 0 },
    frontier: { read: 0, added: 0, total: counts.frontier },
    articles: { read: 0, added: 0, total: counts.articles },
  };
  const report = (): void => options.onProgress?.(progress);

  const sources = await reader.sources();
  const before = (await to.listSources()).length;
  const sourceIds = await writer.sources(sources);
  progress.sources = { read: sources.length, added: (await to.listSources()).length - before };
  report();

  const frontierBatch = options.batchSize ?? 500;
  for (let after = 0; !options.signal?.aborted;) {
    const rows = await reader.frontier(after, frontierBatch);
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    progress.frontier.added += await writer.frontier(rows.map((row) => frontierForTarget(row, sourceIds)));
    progress.frontier.read += rows.length;
    report();
  }

  const articleBatch = options.batchSize ?? 200;
  for (let after = 0; !options.signal?.aborted;) {
    const items = await reader.articles(after, articleBatch);
    if (items.length === 0) break;
    after = items.at(-1)!.key;
    progress.articles.added += await writer.articles(items.map((item) => articleForTarget(item, sourceIds)));
    progress.articles.read += items.length;
    report();
  }
  await writer.finish();
  return progress;
}
