/**
 * `marsad migrate --from STORE --to STORE`: moves a corpus between stores (a SQLite file and a
 * PostgreSQL database, either way). Resumable: run the same command again after an interruption
 * and it copies only what the target lacks.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { isPostgresLocation, openStore } from '../store/index.js';
import { EXIT_INTERRUPTED } from './crawl-runtime.js';
import { parseIntFlag } from './int-flag.js';

interface MigrateFlags {
  from: string;
  to: string;
  batch?: number;
  json?: boolean;
}

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('copy a corpus between stores (SQLite file ⇄ postgres:// URL): sources, frontier, articles with every version; resumable')
    .requiredOption('--from <store>', 'the store to read: a SQLite file or a postgres:// URL')
    .requiredOption('--to <store>', 'the store to write (created when missing): a SQLite file or a postgres:// URL')
    .option('--batch <n>', 'articles per transaction (default 200; frontier entries 500)', parseIntFlag('--batch', 1))
    .option('--json', 'print the summary as JSON on stdout')
    .action(async (flags: MigrateFlags) => {
      if (flags.from === flags.to) throw new UsageError('--from and --to name the same store');
      if (!isPostgresLocation(flags.from) && !existsSync(flags.from.replace(/^sqlite:/i, ''))) throw new UsageError(`no store at ${flags.from} (--from)`);
      const { migrateCorpus } = await import('../migrate/migrate-corpus.js');
      const from = await openStore(flags.from, { readOnly: true });
      const to = await openStore(flags.to).catch(async (error: unknown) => {
        await from.close();
        throw error;
      });
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const live = process.stderr.isTTY === true && flags.json !== true;
      try {
        const result = await migrateCorpus(from, to, {
          ...(flags.batch !== undefined ? { batchSize: flags.batch } : {}),
          signal: controller.signal,
          onProgress: (p) => {
            if (live) process.stderr.write(`\rmigrate: frontier ${p.frontier.read}/${p.frontier.total}, articles ${p.articles.read}/${p.articles.total}`);
          },
        });
        if (live) process.stderr.write('\n');
        if (flags.json) process.stdout.write(`${JSON.stringify({ ...result, interrupted: controller.signal.aborted }, null, 2)}\n`);
        else {
          process.stdout.write([
            `sources   ${result.sources.read} read, ${result.sources.added} added`,
            `frontier  ${result.frontier.read} read, ${result.frontier.added} added`,
            `articles  ${result.articles.read} read, ${result.articles.added} added (with every version)`,
          ].join('\n') + '\n');
        }
        if (controller.signal.aborted) {
          process.stderr.write('marsad: migrate interrupted; run the same command again to copy the rest\n');
          process.exitCode = EXIT_INTERRUPTED;
        }
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await Promise.all([from.close(), to.close()]);
      }
    });
}
