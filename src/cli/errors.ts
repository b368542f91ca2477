/** `marsad errors`: the URLs whose last fetch failed, with status, error and time; by host; as JSON with --json. */
import { openExistingStore } from './open-store.js';
import type { Command } from 'commander';
import type { FailedFetch } from '../store/index.js';
import { parseIntFlag } from './int-flag.js';

export function formatFailures(rows: readonly FailedFetch[]): string {
  if (rows.length === 0) return 'no failed fetches\n';
  const lines: string[] = [];
  for (const r of rows) {
    const when = new Date(r.at).toISOString().replace('T', ' ').slice(0, 19);
    const what = r.state === 'failed' ? 'failed' : `retrying (attempt ${r.attempts})`;
    lines.push(`${when}  ${r.host}  ${what}  ${r.status ?? '-'}  ${r.code ?? ''}`.trimEnd());
    lines.push(`    ${r.url}`);
    if (r.error) lines.push(`    ${r.error}`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerErrors(program: Command): void {
  program
    .command('errors')
    .description('list the URLs whose last fetch failed (newest first): status, error and when, per host')
    .option('--host <host>', 'only this host (as in stats, e.g. example.com or 127.0.0.1:8080)')
    .option('-n, --limit <n>', 'at most N URLs', parseIntFlag('--limit', 1), 100)
    .option('--json', 'print JSON')
    .option('--db <path>', 'the store (default ./marsad.db; MARSAD_DB)')
    .option('--config <file>', 'a config file (default ./marsad.config.json when present)')
    .action(async (flags: { host?: string; limit: number; json?: boolean; db?: string; config?: string }) => {
      const { store } = await openExistingStore(flags);
      try {
        const rows = await store.failures({ ...(flags.host !== undefined ? { host: flags.host } : {}), limit: flags.limit });
        process.stdout.write(flags.json ? `${JSON.stringify(rows, null, 2)}\n` : formatFailures(rows));
      } finally {
        await store.close();
      }
    });
}
