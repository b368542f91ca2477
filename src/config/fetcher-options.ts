/**
 * The fetcher settings a resolved config gives: one mapping for every process that fetches
 * (the CLI's crawl, recrawl and watch, and crawls the server starts), so a setting added to the
 * config reaches all of them.
 */
import type { FetcherOptions } from '../fetch/types.js';
import type { MarsadConfig } from './schema.js';

export function fetcherOptionsOf(config: MarsadConfig): FetcherOptions {
  return {
    ...(config.userAgent ? { userAgent: config.userAgent } : {}),
    ...(config.contact ? { contact: config.contact } : {}),
    timeoutMs: config.timeoutMs,
    maxBytes: config.maxBytes,
    minDelayMs: config.delayMs,
    respectRobots: config.respectRobots,
    maxRetries: config.maxRetries,
    concurrency: config.concurrency,
    maxPerHost: config.perHost,
  };
}
