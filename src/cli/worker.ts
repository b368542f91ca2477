/**
 * `marsad worker --db postgres://…`: one crawl process of many sharing one PostgreSQL store; runs
 * until stopped. See pipeline/worker/worker.ts.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { WatchEvent, WatchSummary } from '../pipeline/watch/watch.js';
import type { Store } from '../store/store.js';
import { abortOnSignals, openRuntime, parseIntFlag, resolveConfig } from './crawl-runtime.js';
import { addCommonOptions, addCrawlRuleOptions, checkCrawlRules, crawlRuleOptions, type CrawlFlags } from './crawl.js';
import { createCrawlDisplay } from './crawl-progress.js';
import { formatDuration, parseDurationFlag } from './duration-flag.js';
import { formatWatchSummary } from './watch.js';

interface WorkerFlags extends CrawlFlags {
  id?: string;
  leaseMs?: number;
  minPoll?: number;
  maxPoll?: number;
}

/** Long enough for a request and its analysis many times over; short enough that a dead worker's URLs come back soon. */
const DEFAULT_LEASE_MS = 5 * 60 * 1000;
/** A host slot outlives the longest request (the fetch timeout) by this much. */
const SLOT_MARGIN_MS = 5000;
const WORKER_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export const WORKER_HELP = `
Start as many workers as you like, on as many machines, against one PostgreSQL database; they
share its frontier and its sources (add them with \`marsad sources add --db …\`, or name sites
here). Each works as \`marsad watch\` does: it crawls, re-reads feeds and sitemaps on their
schedule, and recrawls stored articles, until stopped.

Politeness holds across workers: the database lets at most --per-host requests be in flight to
a host, and starts them at least --delay-ms apart (or the host's robots.txt Crawl-delay),
whichever worker sends them. --max-articles counts the store's articles, all workers together.

A worker that dies (kill -9, machine lost) loses nothing: the URLs it had leased come back to the
others when --lease-ms runs out, and its host slots when the fetch timeout has passed.
\`marsad stats --db …\` lists the workers: id, machine, pages/s, last heartbeat.

Examples:
  marsad sources add aljazeera.net bbc.com/arabic --db postgres://crawler@db/news
  marsad worker --db postgres://crawler@db/news --id box1-a --delay-ms 2000
  MARSAD_DB=postgres://crawler@db/news marsad worker --log-format json 2>worker.log

Exit codes:
  0    stopped by Ctrl-C or SIGTERM (or --max-articles reached): everything fetched is stored,
       every lease and host slot given back
  1    the store failed
  2    usage error: bad arguments, not a PostgreSQL store, or nothing to crawl
  130  a second Ctrl-C: stopped at once (leases come back when --lease-ms runs out)`;

export function registerWorker(program: Command): void {
  const command = program
    .command('worker')
    .description('one crawl worker of many sharing a PostgreSQL store: shared frontier, politeness enforced by the database, heartbeats; runs until stopped')
    .argument('[sites...]', 'sites or start URLs to add as sources first')
    .option('--id <name>', 'this worker\'s name in stats and leases (default host-pid-random; letters, digits, . _ : -)')
    .option('--lease-ms <ms>', `how long a leased URL stays this worker's before others may take it (default ${DEFAULT_LEASE_MS})`, parseIntFlag('--lease-ms', 1))
    .option('--min-poll <duration>', 'read a source\'s feeds and sitemaps at most this often (default 2m)', parseDurationFlag('--min-poll'))
    .option('--max-poll <duration>', 'and at least this often (default 1d)', parseDurationFlag('--max-poll'));
  addCommonOptions(addCrawlRuleOptions(command))
    .addHelpText('after', WORKER_HELP)
    .action(async (sites: string[], flags: WorkerFlags) => {
      const { json, id: idFlag, leaseMs, minPoll, maxPoll, ...configFlags } = flags;
      const config = resolveConfig({ ...configFlags, minPollMs: minPoll, maxPollMs: maxPoll });
      if (!/^postgres(ql)?:\/\//i.test(config.db)) {
        throw new UsageError(`marsad worker shares a PostgreSQL store (--db postgres://user@host/database); ${config.db} is a SQLite file: use marsad watch or marsad crawl for it`);
      }
      const id = idFlag ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
      if (!WORKER_ID.test(id)) throw new UsageError(`--id "${id}" is not a usable worker name: use 1 to 100 letters, digits, dots, underscores, colons or dashes`);
      const { minPollMs, maxPollMs } = config;
      if (minPollMs > maxPollMs) throw new UsageError(`--min-poll (${formatDuration(minPollMs)}) is longer than --max-poll (${formatDuration(maxPollMs)})`);
      checkCrawlRules(config);
      const { sourceInputs, mergeSource } = await import('../pipeline/watch/sources.js');
      const inputs = sites.length > 0 ? sourceInputs({ urls: sites }) : [];
      const [{ DatabaseHostGate }, { runWorker }] = await Promise.all([import('../pipeline/worker/database-host-gate.js'), import('../pipeline/worker/worker.js')]);
      const { isPostgresStore } = await import('../store/postgres/is-postgres-store.js');
      let gate: InstanceType<typeof DatabaseHostGate> | null = null;
      const display = createCrawlDisplay(config.logFormat === 'pretty' && process.stderr.isTTY === true);
      const runtime = await openRuntime(config, {
        onLog: (line) => display.log(line),
        hostGate: (store: Store) => {
          if (!isPostgresStore(store)) throw new UsageError('marsad worker needs a PostgreSQL store');
          return (gate = new DatabaseHostGate({ pool: store.pool, owner: id, perHost: config.perHost, slotLeaseMs: config.timeoutMs + SLOT_MARGIN_MS }));
        },
      });
      const signals = abortOnSignals();
      let summary: WatchSummary;
      try {
        const store = runtime.store;
        if (!isPostgresStore(store) || gate === null) throw new UsageError('marsad worker needs a PostgreSQL store');
        const byName = new Map((await store.listSources()).map((s) => [s.name, s]));
        for (const input of inputs) byName.set(input.name, await store.upsertSource(mergeSource(byName.get(input.name), input)));
        if (byName.size === 0) throw new UsageError('nothing to crawl: add sources first (marsad sources add example.com --db …) or name sites here');
        runtime.logger.info?.({ event: 'worker.start', id, pid: process.pid }, `worker ${id} started`);
        summary = await runWorker({
          ...crawlRuleOptions(config, runtime),
          store,
          fetcher: runtime.fetcher,
          gate,
          id,
          leaseMs: leaseMs ?? DEFAULT_LEASE_MS,
          minPollMs,
          maxPollMs,
          onEvent: (event: WatchEvent) => runtime.logger.debug?.({ event: `watch.${event.type}`, ...event }, `watch ${event.type}`),
          onProgress: (progress) => display.update(progress),
          signal: signals.signal,
        });
      } finally {
        display.stop();
        signals.dispose();
        await runtime.close();
      }
      runtime.logger.info?.({ event: 'worker.summary', id, ...summary }, 'worker summary');
      process.stdout.write(json ? `${JSON.stringify({ id, ...summary })}\n` : `worker ${id}\n${formatWatchSummary(summary)}`);
    });
}
