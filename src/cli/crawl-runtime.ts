/**
 * What `marsad crawl` and `marsad recrawl` share: configuration from flags, the logger, the
 * fetcher, the store and the WARC writer, built from one resolved config.
 */
import pino from 'pino';
import { loadConfig, type MarsadConfig } from '../config/index.js';
import { fetcherOptionsOf } from '../config/fetcher-options.js';
import { createFetcher } from '../fetch/fetcher.js';
import type { HostGate } from '../fetch/host-gate.js';
import type { Fetcher } from '../fetch/types.js';
import type { CrawlLogger } from '../pipeline/crawl/index.js';
import { openStore, type Store } from '../store/index.js';
import { WarcWriter } from '../warc/index.js';

/** Exit codes of crawl and recrawl (also in README and --help). */
export const EXIT_INTERRUPTED = 130;
export const CRAWL_EXIT_CODES_HELP = `
Exit codes:
  0    the crawl finished (or reached --max-articles); page errors are counted, not fatal
  1    the crawl could not run: the store failed, or no page at all could be fetched
  2    usage error: bad arguments or configuration; nothing was crawled
  130  interrupted (Ctrl-C, SIGTERM); everything fetched so far is stored, run again to resume`;

export interface CommonFlags {
  db?: string;
  config?: string;
  delayMs?: number;
  concurrency?: number;
  perHost?: number;
  warc?: string;
  logFormat?: 'pretty' | 'json';
  contact?: string;
  userAgent?: string;
  extractWorkers?: number;
  timeoutMs?: number;
}

export interface Runtime {
  config: MarsadConfig;
  store: Store;
  fetcher: Fetcher;
  logger: CrawlLogger;
  warc: WarcWriter | null;
  /** Live progress goes to the terminal (stderr is a TTY and the log format is pretty). */
  interactive: boolean;
  close(): Promise<void>;
}

export function resolveConfig(flags: CommonFlags & Record<string, unknown>): MarsadConfig {
  const { config: file, ...rest } = flags;
  return loadConfig({ ...(file !== undefined ? { file } : {}), flags: rest as Partial<Record<keyof MarsadConfig, unknown>> });
}

/** Accepts what the crawler reads: HTML, XML, feeds, JSON, text, and gzipped sitemaps. */
function acceptBody(type: string | null): boolean {
  return type === null || /html|xml|json|text\/|gzip/i.test(type);
}

export async function openRuntime(config: MarsadConfig, options: { onLog?: (line: string) => void; hostGate?: (store: Store) => HostGate } = {}): Promise<Runtime> {
  const interactive = config.logFormat === 'pretty' && process.stderr.isTTY === true;
  const logger: CrawlLogger =
    config.logFormat === 'json' || !interactive
      ? pino({ level: config.logLevel, base: { app: 'marsad' } }, pino.destination({ fd: 2, sync: true }))
      : {
          warn: (obj, msg) => options.onLog?.(`warn: ${msg ?? ''}${'url' in obj ? ` (${String((obj as { url: unknown }).url)})` : ''}`),
          error: (_obj, msg) => options.onLog?.(`error: ${msg ?? ''}`),
        };
  const store = await openStore(config.db);
  const fetcher = createFetcher({
    ...fetcherOptionsOf(config),
    acceptBody,
    logger,
    // `marsad worker`: politeness shared through the store with the other workers.
    ...(options.hostGate ? { hostGate: options.hostGate(store) } : {}),
  });
  const warc = config.warc ? new WarcWriter({ dir: config.warc, maxBytes: config.warcMaxBytes, software: 'marsad' }) : null;
  return {
    config,
    store,
    fetcher,
    logger,
    warc,
    interactive,
    async close() {
      await fetcher.close();
      await warc?.close();
      // The writer leaves the search index current, so that readers (even of a read-only copy) find everything.
      if (store.kind === 'sqlite') {
        const [{ catchUpIndex }, { databaseOf }] = await Promise.all([import('../search/sqlite-index.js'), import('../search/search.js')]);
        catchUpIndex(databaseOf(store));
      }
      await store.close();
    },
  };
}

/** Ctrl-C / SIGTERM stop the crawl cleanly (in-flight pages finish); a second one exits at once. */
export function abortOnSignals(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = (): void => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

export { parseIntFlag } from './int-flag.js';
