/**
 * `marsad worker`: one of many crawl processes sharing one PostgreSQL store. It is `watch` (the
 * same crawl loop, polls and recrawls, until stopped) with what sharing needs:
 * - the per-host delay and concurrency are enforced by the database for every worker at once
 *   (DatabaseHostGate, given to the fetcher by the caller);
 * - frontier entries are leased for --lease-ms and the lease renewed at every heartbeat, so a worker
 *   that dies gives its URLs back once its leases run out, and a live worker's slow fetch is never
 *   taken from it; no lease is taken back at start (on a shared database they are other workers');
 * - --max-articles is the store's count, not this worker's;
 * - a row in `workers` with a heartbeat every few seconds (pages fetched, pages/s over the last
 *   minute, the hosts it is fetching from), for `marsad stats` and the API.
 * Stopping (SIGTERM): no new request starts, requests in flight finish and are stored, leases and
 * host slots are given back, and the row says `stopped`.
 */
import { hostname } from 'node:os';
import type { Fetcher } from '../../fetch/types.js';
import { releaseHostSlotsOf } from '../../store/postgres/host-slots.js';
import type { PostgresStore } from '../../store/postgres/postgres-store.js';
import { registerWorker, renewLeases, workerHeartbeat } from '../../store/postgres/workers.js';
import type { CrawlProgress } from '../crawl/types.js';
import { watch, type WatchOptions, type WatchSummary } from '../watch/watch.js';
import type { DatabaseHostGate } from './database-host-gate.js';
import { RateWindow } from './rate-window.js';

export interface WorkerOptions extends Omit<WatchOptions, 'store' | 'workerId' | 'sharedArticleCount' | 'recoverLeases'> {
  store: PostgresStore;
  fetcher: Fetcher;
  /** The gate the fetcher asks before each request; closed as soon as the worker stops. */
  gate: DatabaseHostGate;
  id: string;
  /** Default 2000, or a third of --lease-ms when that is shorter. */
  heartbeatMs?: number;
}

export async function runWorker(options: WorkerOptions): Promise<WatchSummary> {
  const { store, gate, id, ...watchOptions } = options;
  const leaseMs = options.leaseMs ?? 5 * 60 * 1000;
  // Three beats per lease: one late or failed beat does not let a live worker's lease run out.
  const heartbeatMs = options.heartbeatMs ?? Math.min(2000, Math.max(100, Math.floor(leaseMs / 3)));
  await registerWorker(store.pool, { id, hostname: hostname(), pid: process.pid, heartbeatMs });
  let fetched = 0;
  const rate = new RateWindow();
  const beat = (stopped: boolean): Promise<void> => {
    const hosts = options.fetcher.hostStatus().filter((h) => h.inFlight > 0 || h.waiting > 0).map((h) => h.host).sort();
    return workerHeartbeat(store.pool, { id, pagesFetched: fetched, pagesPerSec: rate.add(Date.now(), fetched), hosts: stopped ? [] : hosts }, stopped);
  };
  const renew = async (): Promise<void> => {
    await renewLeases(store.pool, id, Date.now() + leaseMs);
    await beat(false);
  };
  const timer = setInterval(() => void renew().catch((error: unknown) => options.logger?.warn?.({ err: error }, `heartbeat failed: ${(error as Error).message}`)), heartbeatMs);
  // No request starts once the worker is told to stop; the ones waiting for a host give their URLs back.
  const closeGate = (): void => gate.close();
  options.signal?.addEventListener('abort', closeGate);
  if (options.signal?.aborted) gate.close();
  try {
    return await watch({
      ...watchOptions,
      store,
      workerId: id,
      // Never take leases back at start: on a shared database they are other workers' (expired ones come back by themselves).
      recoverLeases: false,
      leaseMs,
      sharedArticleCount: true,
      // Claim only what is started at once: a lease waits in no buffer while other workers could fetch its URL.
      claimBatch: options.perHostTasks ?? 2,
      onProgress: (progress: CrawlProgress) => {
        fetched = progress.fetched;
        options.onProgress?.(progress);
      },
    });
  } finally {
    clearInterval(timer);
    options.signal?.removeEventListener('abort', closeGate);
    gate.close();
    // Leases left by this worker (none when every task ended; some if the store failed mid-way).
    await store.releaseLeases({ owner: id }).catch(() => 0);
    await releaseHostSlotsOf(store.pool, `${id}#`).catch(() => 0);
    await beat(true).catch(() => undefined);
  }
}
