/** `marsad recrawl`: revisit stored articles on their schedule with conditional GET; changes become versions. */
import type { Command } from 'commander';
import { recrawl, type RecrawlSummary } from '../pipeline/crawl/index.js';
import { CRAWL_EXIT_CODES_HELP, EXIT_INTERRUPTED, abortOnSignals, openRuntime, parseIntFlag, resolveConfig, type CommonFlags } from './crawl-runtime.js';
import { addCommonOptions } from './crawl.js';

function formatRecrawl(s: RecrawlSummary): string {
  return `recrawl ${s.interrupted ? 'interrupted' : 'finished'} in ${(s.elapsedMs / 1000).toFixed(1)} s: ${s.checked} checked, ${s.updated} updated (new version), ${s.notModified} not modified (304), ${s.unchanged} unchanged, ${s.notArticle} no longer an article, ${s.failed} failed\n`;
}

export function registerRecrawl(program: Command): void {
  const command = program
    .command('recrawl')
    .description('revisit stored articles whose time has come (fresh ones often, old ones rarely) with conditional GET; a changed title or body adds a version')
    .option('--all', 'revisit every article now, not only the due ones')
    .option('--limit <n>', 'revisit at most this many articles', parseIntFlag('--limit', 1));
  addCommonOptions(command)
    .addHelpText('after', CRAWL_EXIT_CODES_HELP)
    .action(async (flags: CommonFlags & { all?: boolean; limit?: number; json?: boolean }) => {
      const { all, limit, json, ...configFlags } = flags;
      const config = resolveConfig(configFlags);
      const runtime = await openRuntime(config, { onLog: (line) => process.stderr.write(`${line}\n`) });
      const signals = abortOnSignals();
      let summary: RecrawlSummary;
      try {
        summary = await recrawl({
          store: runtime.store,
          fetcher: runtime.fetcher,
          ...(all ? { all } : {}),
          ...(limit !== undefined ? { limit } : {}),
          concurrency: config.concurrency,
          extractWorkers: config.extractWorkers,
          policy: config.recrawl,
          ...(runtime.warc ? { warc: runtime.warc } : {}),
          logger: runtime.logger,
          signal: signals.signal,
        });
      } finally {
        signals.dispose();
        await runtime.close();
      }
      process.stdout.write(json ? `${JSON.stringify(summary)}\n` : formatRecrawl(summary));
      if (summary.interrupted) process.exitCode = EXIT_INTERRUPTED;
      // As the help says: nothing could be fetched at all (every revisit failed) is exit 1.
      else if (summary.checked > 0 && summary.failed === summary.checked) process.exitCode = 1;
    });
}
