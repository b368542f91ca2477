/** `marsad stats`: counts in the store (articles, versions, near-duplicates, frontier, fetches, hosts). */
import { openExistingStore } from './open-store.js';
import type { Command } from 'commander';
import type { StoreStats, WorkerStatus } from '../store/index.js';

export function formatStats(stats: StoreStats): string {
  const lines = [
    `articles      ${stats.articles} (${stats.versions} versions)`,
    `near-dups     ${stats.nearDuplicateGroups} groups, ${stats.nearDuplicateArticles} articles`,
    `sources       ${stats.sources}`,
    `frontier      ${Object.entries(stats.frontier).map(([state, n]) => `${state} ${n}`).join(', ')}`,
    `fetches       ${Object.entries(stats.fetches).map(([status, n]) => `${status}: ${n}`).join(', ') || 'none'}`,
  ];
  for (const h of stats.hosts) {
    lines.push(`  ${h.host.padEnd(30)} articles ${h.articles}, fetches ${h.fetches} (${h.errors} errors), queued ${h.frontier.queued ?? 0}`);
    if (h.lastError) lines.push(`  ${''.padEnd(30)} last error ${new Date(h.lastError.at).toISOString().slice(0, 19)}: ${h.lastError.code ?? h.lastError.status ?? ''} ${h.lastError.error ?? ''}`.trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

/** One line per crawl worker of a PostgreSQL store (none for SQLite): id, machine, rate, heartbeat. */
export function formatWorkers(workers: readonly WorkerStatus[], now = Date.now()): string {
  if (workers.length === 0) return '';
  const lines = [`workers       ${workers.filter((w) => w.state === 'running').length} running, ${workers.length} known`];
  for (const w of workers) {
    const ago = Math.max(0, Math.round((now - w.lastHeartbeat) / 1000));
    lines.push(`  ${w.id.padEnd(30)} ${w.state.padEnd(8)} ${w.hostname} pid ${w.pid}, ${w.pagesPerSec.toFixed(1)} pages/s, ${w.pagesFetched} fetched, last heartbeat ${ago} s ago${w.hosts.length > 0 ? `; fetching ${w.hosts.join(', ')}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('counts in the store: articles, versions, near-duplicate groups, frontier by state, fetches by status, per host')
    .option('--db <path>', 'the store (default ./marsad.db; MARSAD_DB)')
    .option('--config <file>', 'a config file (default ./marsad.config.json when present)')
    .option('--json', 'print JSON')
    .action(async (flags: { db?: string; config?: string; json?: boolean }) => {
      const { store } = await openExistingStore(flags);
      try {
        const [stats, workers] = await Promise.all([store.stats(), store.workers()]);
        process.stdout.write(flags.json ? `${JSON.stringify({ ...stats, workers }, null, 2)}\n` : formatStats(stats) + formatWorkers(workers));
      } finally {
        await store.close();
      }
    });
}
