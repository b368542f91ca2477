/**
 * `marsad crawl <site-or-url…>`: discover, fetch, extract and store a site's articles.
 * Resumable: the frontier is in the store, so running the same command again continues.
 */
import { Command, Option } from 'commander';
import type { MarsadConfig } from '../config/index.js';
import { crawlSettingsOf } from '../config/crawl-settings.js';
import { crawl, seedUrl, type CrawlOptions, type CrawlSummary, type SeedInput } from '../pipeline/crawl/index.js';
import { UsageError } from '../errors.js';
import { parseDateBound } from '../search/query.js';
import { CRAWL_EXIT_CODES_HELP, EXIT_INTERRUPTED, abortOnSignals, openRuntime, parseIntFlag, resolveConfig, type CommonFlags, type Runtime } from './crawl-runtime.js';
import { createCrawlDisplay } from './crawl-progress.js';

export interface CrawlFlags extends CommonFlags {
  maxArticles?: number;
  since?: string;
  include?: string[];
  exclude?: string[];
  maxPagesPerHost?: number;
  followLinks?: 'all' | 'listings' | 'none';
  json?: boolean;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Adds the options crawl and recrawl share. */
export function addCommonOptions(command: Command): Command {
  return command
    .option('--db <path>', 'the store: a SQLite file or a postgres:// URL (default ./marsad.db; MARSAD_DB)')
    .option('--config <file>', 'a config file (default ./marsad.config.json when present)')
    .option('--delay-ms <ms>', 'minimum gap between requests to one host (default 1000; robots.txt Crawl-delay can raise it)', parseIntFlag('--delay-ms'))
    .option('--concurrency <n>', 'requests in flight over all hosts (default 16)', parseIntFlag('--concurrency', 1))
    .option('--per-host <n>', 'requests in flight to one host (default 1)', parseIntFlag('--per-host', 1))
    .option('--extract-workers <n>', 'worker threads for extraction (default 1; 0 = main thread)', parseIntFlag('--extract-workers'))
    .option('--timeout-ms <ms>', 'one request, headers and body (default 30000)', parseIntFlag('--timeout-ms', 1))
    .option('--warc <dir>', 'also write every response as WARC 1.1 (gzipped, rotating files) into this folder')
    .option('--contact <url>', 'a URL or e-mail for site owners, put in the User-Agent')
    .option('--user-agent <ua>', 'the User-Agent header (default marsad/<version> (+contact))')
    .addOption(new Option('--log-format <format>', 'pretty: live progress on a terminal; json: structured logs on stderr').choices(['pretty', 'json']))
    .option('--json', 'print the summary as JSON on stdout');
}

/** The options that say what a crawl fetches (crawl and watch share them). */
export function addCrawlRuleOptions(command: Command): Command {
  return command
    .option('--max-articles <n>', 'stop when the crawled sites hold this many articles', parseIntFlag('--max-articles', 1))
    .option('--since <date>', 'skip articles published before this date (sitemap and feed dates are checked before fetching)')
    .option('--include <regex>', 'only fetch article URLs matching this (repeatable)', collect)
    .option('--exclude <regex>', 'never fetch URLs matching this (repeatable)', collect)
    .option('--max-pages-per-host <n>', 'cap on URLs queued per host (default 5000)', parseIntFlag('--max-pages-per-host', 1))
    .addOption(new Option('--follow-links <which>', 'which pages’ links to follow').choices(['all', 'listings', 'none']));
}

/** Refuses a bad --since or pattern before the store is touched. */
export function checkCrawlRules(config: MarsadConfig): void {
  if (config.since !== undefined) parseDateBound(config.since, '--since'); // refuses 2025-02-30 rather than rolling it over
  for (const pattern of [...config.include, ...config.exclude]) {
    try {
      new RegExp(pattern, 'u');
    } catch {
      throw new UsageError(`not a valid regular expression: ${pattern}`);
    }
  }
}

/** The crawl options a resolved config sets (crawl and watch share them). */
export function crawlRuleOptions(config: MarsadConfig, runtime: Runtime): Omit<CrawlOptions, 'seeds'> {
  return {
    store: runtime.store,
    fetcher: runtime.fetcher,
    ...crawlSettingsOf(config),
    ...(runtime.warc ? { warc: runtime.warc } : {}),
    logger: runtime.logger,
  };
}

function seedsFrom(sites: string[], configured: SeedInput[]): SeedInput[] {
  if (sites.length > 0) return sites.map((url) => ({ url }));
  if (configured.length > 0) return configured;
  throw new UsageError('name at least one site or URL to crawl (or list "sources" in marsad.config.json)');
}

export function formatSummary(summary: CrawlSummary): string {
  const lines = [
    `crawl ${summary.stoppedBy === 'done' ? 'finished' : summary.stoppedBy === 'max-articles' ? 'reached --max-articles' : 'interrupted'} in ${(summary.elapsedMs / 1000).toFixed(1)} s`,
    `  fetched     ${summary.fetched} pages (${(summary.bytes / 1e6).toFixed(1)} MB, ${summary.ratePerSec.toFixed(1)} pages/s)`,
    `  articles    ${summary.articlesNew} new, ${summary.articlesUpdated} updated, ${summary.articlesUnchanged} unchanged; ${summary.articlesTotal} in the store for these sites`,
    `  discovery   ${summary.sitemaps} sitemaps, ${summary.feeds} feeds, ${summary.listings} other pages; ${summary.queued} URLs queued`,
    `  left out    ${summary.blocked} disallowed by robots.txt, ${summary.tooOld} older than --since, ${summary.notHtml} not HTML`,
    `  errors      ${summary.failed} failed, ${summary.retried} retried later; near-duplicates linked: ${summary.nearDuplicates}`,
    `  frontier    ${Object.entries(summary.frontier).map(([state, n]) => `${state} ${n}`).join(', ')}`,
  ];
  for (const host of summary.hosts) {
    lines.push(`  ${host.host.padEnd(30)} fetched ${host.fetched}, articles ${host.articles}, errors ${host.errors}`);
    if (host.lastError) lines.push(`  ${''.padEnd(30)} last error: ${host.lastError.code}: ${host.lastError.message}`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerCrawl(program: Command): void {
  const command = program
    .command('crawl')
    .description("find a site's articles (robots.txt sitemaps, sitemaps, feeds, links), fetch them politely, extract and store them")
    .argument('[sites...]', 'sites (example.com) or start URLs; default: "sources" in marsad.config.json');
  addCommonOptions(addCrawlRuleOptions(command))
    .addHelpText('after', CRAWL_EXIT_CODES_HELP)
    .action(async (sites: string[], flags: CrawlFlags) => {
      const { json, ...configFlags } = flags;
      const config = resolveConfig(configFlags);
      checkCrawlRules(config);
      const seeds = seedsFrom(sites, config.sources);
      for (const seed of seeds) seedUrl(seed.url); // a bad site is a usage error before the store is touched
      const display = createCrawlDisplay(config.logFormat === 'pretty' && process.stderr.isTTY === true);
      const runtime = await openRuntime(config, { onLog: (line) => display.log(line) });
      const signals = abortOnSignals();
      let summary: CrawlSummary;
      try {
        summary = await crawl({
          ...crawlRuleOptions(config, runtime),
          seeds,
          onProgress: (progress) => display.update(progress),
          signal: signals.signal,
        });
      } finally {
        display.stop();
        signals.dispose();
        await runtime.close();
      }
      runtime.logger.info?.({ event: 'crawl.summary', ...summary, hosts: summary.hosts }, 'crawl summary');
      process.stdout.write(json ? `${JSON.stringify(summary)}\n` : formatSummary(summary));
      if (summary.stoppedBy === 'signal') process.exitCode = EXIT_INTERRUPTED;
      else if (summary.fetched === 0 && summary.articlesTotal === 0) process.exitCode = 1;
    });
}
