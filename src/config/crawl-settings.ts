/**
 * The crawl rules a resolved config sets (page caps, link following, concurrency, attempts,
 * robots.txt, recrawl policy, include/exclude, since, max articles): one mapping for the CLI's
 * crawl and watch and for crawls the server starts, so they all obey the same config.
 */
import type { CrawlOptions } from '../pipeline/crawl/types.js';
import type { MarsadConfig } from './schema.js';

export type CrawlSettings = Omit<CrawlOptions, 'seeds' | 'store' | 'fetcher'>;

export function crawlSettingsOf(config: MarsadConfig): CrawlSettings {
  return {
    ...(config.maxArticles !== undefined ? { maxArticles: config.maxArticles } : {}),
    ...(config.since !== undefined ? { since: config.since } : {}),
    include: config.include,
    exclude: config.exclude,
    maxPagesPerHost: config.maxPagesPerHost,
    followLinks: config.followLinks,
    concurrency: config.concurrency,
    perHostTasks: config.perHost + 1,
    extractWorkers: config.extractWorkers,
    maxAttempts: config.maxAttempts,
    respectRobots: config.respectRobots,
    recrawlPolicy: config.recrawl,
  };
}
