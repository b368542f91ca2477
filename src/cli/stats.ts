/** `marsad stats`: counts in the store (articles, versions, near-duplicates, frontier, fetches, hosts). */
import type { Command } from 'commander';
import { loadConfig } from '../config/index.js';
import { UsageError } from '../errors.js';
import { existsSync } from 'node:fs';
import { openStore, type StoreStats } from '../store/index.js';

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

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('counts in the store: articles, versions, near-duplicate groups, frontier by state, fetches by status, per host')
    .option('--db <path>', 'the store (default ./marsad.db; MARSAD_DB)')
    .option('--config <file>', 'a config file (default ./marsad.config.json when present)')
    .option('--json', 'print JSON')
    .action(async (flags: { db?: string; config?: string; json?: boolean }) => {
      const config = loadConfig({ ...(flags.config !== undefined ? { file: flags.config } : {}), flags: { db: flags.db } });
      if (!/^postgres/i.test(config.db) && !existsSync(config.db)) throw new UsageError(`no store at ${config.db} (crawl first, or name one with --db)`);
      const store = await openStore(config.db, { readOnly: true });
      try {
        const stats = await store.stats();
        process.stdout.write(flags.json ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats));
      } finally {
        await store.close();
      }
    });
}
