/**
 * `marsad watch [sites…]`: crawl every source, then keep watching them until stopped — new
 * articles as they are published, revisions as they are made. See pipeline/watch/watch.ts.
 */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { WatchEvent, WatchSummary } from '../pipeline/watch/watch.js';
import type { Source, SourceInput, Store } from '../store/store.js';
import { abortOnSignals, openRuntime, resolveConfig } from './crawl-runtime.js';
import { addCommonOptions, addCrawlRuleOptions, checkCrawlRules, crawlRuleOptions, type CrawlFlags } from './crawl.js';
import { createCrawlDisplay } from './crawl-progress.js';
import { formatDuration, parseDurationFlag } from './duration-flag.js';

interface WatchFlags extends CrawlFlags {
  minPoll?: number;
  maxPoll?: number;
}

export const WATCH_HELP = `
Sources: every source in the store is watched — those added with \`marsad sources add\`, through
the API, by earlier crawls, from "sources" in marsad.config.json, and the sites named here.
Sources added while watch runs are picked up within seconds.

Schedule: each source's feeds and sitemaps (for a source with neither, its start pages, unless
--follow-links none) are read again after about the gap between two of its articles; halved
after a poll that found new articles, doubled after an empty one (at most twice that gap),
always between --min-poll and --max-poll. The schedule is kept in the store:
a restarted watch goes on where it was. New articles are fetched at once, with the crawl's
rules (robots.txt, --delay-ms per host, --per-host, traps, --max-articles); an article whose
feed or sitemap date moved is fetched again, and stored articles are revisited on the recrawl
schedule (as \`marsad recrawl\`), so revisions become versions.

Output: on a terminal, live progress and a line for each poll that found new or revised
articles; otherwise (or with --log-format json) JSON lines on stderr for every source, poll
(event watch.poll: source, found, revised, intervalMs, nextPollAt) and recrawl pass. When it
stops, a summary on stdout (--json: as JSON).

Examples:
  marsad sources add aljazeera.net bbc.com/arabic
  marsad watch --db news.db
  marsad watch example.com --min-poll 5m --max-poll 6h --log-format json 2>watch.log

Exit codes:
  0    stopped by Ctrl-C or SIGTERM (or --max-articles reached): everything fetched is stored,
       every lease released (a request still running 3 s after the signal is cut, and its URL
       fetched on the next run); run again to go on
  1    the store failed
  2    usage error: bad arguments, or nothing to watch
  130  a second Ctrl-C: stopped at once (the next run fetches again what was in flight)`;

export function registerWatch(program: Command): void {
  const command = program
    .command('watch')
    .description('crawl every source, then keep watching: new articles as they appear (adaptive polling of feeds and sitemaps), revisions as they are made; runs until stopped')
    .argument('[sites...]', 'sites or start URLs to add as sources before watching')
    .option('--min-poll <duration>', 'read a source\'s feeds and sitemaps at most this often (default 2m; 30s, 2m, 1h, 1d; MARSAD_MIN_POLL_MS)', parseDurationFlag('--min-poll'))
    .option('--max-poll <duration>', 'and at least this often (default 1d; MARSAD_MAX_POLL_MS)', parseDurationFlag('--max-poll'));
  addCommonOptions(addCrawlRuleOptions(command))
    .addHelpText('after', WATCH_HELP)
    .action(async (sites: string[], flags: WatchFlags) => {
      const { json, minPoll, maxPoll, ...configFlags } = flags;
      const config = resolveConfig({ ...configFlags, minPollMs: minPoll, maxPollMs: maxPoll });
      const { minPollMs, maxPollMs } = config;
      if (minPollMs > maxPollMs) throw new UsageError(`--min-poll (${formatDuration(minPollMs)}) is longer than --max-poll (${formatDuration(maxPollMs)}); set both, or minPollMs and maxPollMs in the config`);
      checkCrawlRules(config);
      const { sourceInputs } = await import('../pipeline/watch/sources.js');
      // Every named site is checked before the store is opened: a typo stores nothing.
      const inputs = [
        ...config.sources.flatMap((s) => sourceInputs({ urls: [s.url], ...(s.feeds ? { feeds: s.feeds } : {}), ...(s.sitemaps ? { sitemaps: s.sitemaps } : {}) })),
        ...(sites.length > 0 ? sourceInputs({ urls: sites }) : []),
      ];
      const NOTHING_TO_WATCH = 'nothing to watch: add sources first (marsad sources add example.com), name sites here, or list "sources" in marsad.config.json';
      if (inputs.length === 0 && !/^postgres/i.test(config.db) && !existsSync(config.db)) throw new UsageError(`${NOTHING_TO_WATCH} (no store at ${config.db} yet)`);
      const display = createCrawlDisplay(config.logFormat === 'pretty' && process.stderr.isTTY === true);
      const runtime = await openRuntime(config, { onLog: (line) => display.log(line) });
      const signals = abortOnSignals();
      let summary: WatchSummary;
      try {
        await addSources(runtime.store, inputs);
        if ((await runtime.store.listSources()).length === 0) {
          throw new UsageError(NOTHING_TO_WATCH);
        }
        const report = (event: WatchEvent): void => {
          const line = describeEvent(event);
          if (line === null) return;
          // On a terminal only what happened: a quiet poll or a source still in its first crawl is a line per source every few minutes.
          if (runtime.interactive) {
            if (event.type !== 'waiting' && (event.type !== 'poll' || event.found + event.revised + event.errors > 0)) display.log(line);
          } else if (event.type === 'waiting') runtime.logger.debug?.({ event: `watch.${event.type}`, ...event }, line);
          else runtime.logger.info?.({ event: `watch.${event.type}`, ...event }, line);
        };
        const { watch } = await import('../pipeline/watch/watch.js');
        summary = await watch({
          ...crawlRuleOptions(config, runtime),
          minPollMs,
          maxPollMs,
          onEvent: report,
          onProgress: (progress) => display.update(progress),
          signal: signals.signal,
        });
      } finally {
        display.stop();
        signals.dispose();
        await runtime.close();
      }
      runtime.logger.info?.({ event: 'watch.summary', ...summary }, 'watch summary');
      process.stdout.write(json ? `${JSON.stringify(summary)}\n` : formatWatchSummary(summary));
    });
}

/** Stores the sources named on the command line or in the config; a source already stored keeps its URLs and gains these. */
async function addSources(store: Store, inputs: readonly SourceInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const { mergeSource } = await import('../pipeline/watch/sources.js');
  const byName = new Map<string, Source>((await store.listSources()).map((s) => [s.name, s]));
  for (const input of inputs) byName.set(input.name, await store.upsertSource(mergeSource(byName.get(input.name), input)));
}

function describeEvent(event: WatchEvent): string | null {
  switch (event.type) {
    case 'poll': {
      const found = event.found > 0 ? `${event.found} new article URL${event.found === 1 ? '' : 's'}` : 'nothing new';
      const revised = event.revised > 0 ? `, ${event.revised} revised` : '';
      const errors = event.errors > 0 ? `, ${event.errors} failed` : '';
      return `poll ${event.source}: ${found}${revised} (${event.read} feeds/sitemaps read${errors}); next in ${formatDuration(event.nextPollAt - Date.now())}`;
    }
    case 'recrawl':
      return `recrawl: ${event.checked} checked, ${event.updated} changed (new version), ${event.notModified} not modified${event.failed > 0 ? `, ${event.failed} failed` : ''}`;
    case 'source':
      return `watching ${event.source} (${event.startUrls.join(', ')})`;
    case 'waiting':
      return `${event.source}: its crawl has read no feed or sitemap yet; next look in ${formatDuration(event.nextPollAt - Date.now())}`;
  }
}

export function formatWatchSummary(s: WatchSummary): string {
  const c = s.crawl;
  return [
    `watch ${c.stoppedBy === 'max-articles' ? 'reached --max-articles' : 'stopped'} after ${formatDuration(s.elapsedMs)}`,
    `  polls       ${s.polls}: ${s.found} new article URLs, ${s.revised} revisions announced`,
    `  crawl       ${c.fetched} pages fetched; articles ${c.articlesNew} new, ${c.articlesUpdated} updated; ${c.failed} failed`,
    `  recrawl     ${s.recrawl.checked} checked, ${s.recrawl.updated} changed, ${s.recrawl.notModified} not modified, ${s.recrawl.failed} failed`,
    `  frontier    ${Object.entries(c.frontier).map(([state, n]) => `${state} ${n}`).join(', ')}`,
    '',
  ].join('\n');
}
