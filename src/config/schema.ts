/**
 * marsad's configuration: one schema, every field with its default and its environment
 * variable. Precedence, lowest to highest: defaults < marsad.config.json < MARSAD_* environment
 * variables < command-line flags.
 */
import { z } from 'zod';

const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().nonnegative();

export const sourceSchema = z.object({
  /** A site (`example.com`) or start URL. */
  url: z.string().min(1),
  feeds: z.array(z.string()).optional(),
  sitemaps: z.array(z.string()).optional(),
});

export const configSchema = z.object({
  /** MARSAD_DB: the store (a SQLite file path). */
  db: z.string().default('./marsad.db'),
  /** Sites or start URLs crawled when `marsad crawl` gets none on the command line. */
  sources: z.array(sourceSchema).default([]),
  /** MARSAD_USER_AGENT: default `marsad/<version> (+<contact>)`. */
  userAgent: z.string().optional(),
  /** MARSAD_CONTACT: a URL or e-mail a site owner can reach you at, put in the User-Agent. */
  contact: z.string().optional(),
  /** MARSAD_DELAY_MS: minimum gap between requests to one host (robots.txt Crawl-delay can raise it). */
  delayMs: nonNegativeInt.default(1000),
  /** MARSAD_CONCURRENCY: requests in flight over all hosts. */
  concurrency: positiveInt.default(16),
  /** MARSAD_PER_HOST: requests in flight to one host. */
  perHost: positiveInt.default(1),
  /** MARSAD_TIMEOUT_MS: one request, headers and body. */
  timeoutMs: positiveInt.default(30_000),
  /** MARSAD_MAX_BYTES: the largest body fetched. */
  maxBytes: positiveInt.default(10 * 1024 * 1024),
  /** MARSAD_MAX_RETRIES: fetcher retries per attempt (429/5xx/network, with backoff). */
  maxRetries: nonNegativeInt.default(2),
  /** MARSAD_RESPECT_ROBOTS: obey robots.txt. */
  respectRobots: z.boolean().default(true),
  /** MARSAD_MAX_ARTICLES: stop when the crawled sites hold this many articles. */
  maxArticles: positiveInt.optional(),
  /** MARSAD_SINCE: skip articles older than this date (sitemap/feed dates before fetching). */
  since: z.string().optional(),
  /** URL regular expressions: only article URLs matching one are fetched. */
  include: z.array(z.string()).default([]),
  /** URL regular expressions: matching URLs are never fetched. */
  exclude: z.array(z.string()).default([]),
  /** MARSAD_MAX_PAGES_PER_HOST: a cap on URLs queued per host (a crawl-trap backstop). */
  maxPagesPerHost: positiveInt.default(5000),
  /** Which pages' links are followed: all, listings (and seeds), none. */
  followLinks: z.enum(['all', 'listings', 'none']).default('all'),
  /** MARSAD_EXTRACT_WORKERS: worker threads for extraction (0: main thread). */
  extractWorkers: nonNegativeInt.default(1),
  /** Crawl-level attempts per URL before it is marked failed. */
  maxAttempts: positiveInt.default(3),
  /** MARSAD_WARC: write every response to WARC files in this folder. */
  warc: z.string().optional(),
  /** MARSAD_WARC_MAX_BYTES: start a new WARC file after this many bytes. */
  warcMaxBytes: positiveInt.default(1024 * 1024 * 1024),
  /** MARSAD_LOG_FORMAT: 'pretty' (progress on a terminal) or 'json' (structured logs on stderr). */
  logFormat: z.enum(['pretty', 'json']).default('pretty'),
  /** MARSAD_LOG_LEVEL */
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** MARSAD_MIN_POLL_MS: watch reads a source's feeds and sitemaps at most this often (--min-poll). */
  minPollMs: positiveInt.default(2 * 60 * 1000),
  /** MARSAD_MAX_POLL_MS: ... and at least this often (--max-poll). */
  maxPollMs: positiveInt.default(24 * 60 * 60 * 1000),
  recrawl: z
    .object({
      /** Look again no sooner than this after a fetch. */
      minIntervalMs: positiveInt.default(60 * 60 * 1000),
      /** ... and no later than this. */
      maxIntervalMs: positiveInt.default(30 * 24 * 60 * 60 * 1000),
    })
    .default({ minIntervalMs: 60 * 60 * 1000, maxIntervalMs: 30 * 24 * 60 * 60 * 1000 }),
});

export type MarsadConfig = z.infer<typeof configSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;

type ScalarKey = { [K in keyof MarsadConfig]-?: MarsadConfig[K] extends string | number | boolean | undefined ? K : never }[keyof MarsadConfig];

/** MARSAD_* variables and the fields they set. */
export const ENV_VARS: Record<string, ScalarKey> = {
  MARSAD_DB: 'db',
  MARSAD_USER_AGENT: 'userAgent',
  MARSAD_CONTACT: 'contact',
  MARSAD_DELAY_MS: 'delayMs',
  MARSAD_CONCURRENCY: 'concurrency',
  MARSAD_PER_HOST: 'perHost',
  MARSAD_TIMEOUT_MS: 'timeoutMs',
  MARSAD_MAX_BYTES: 'maxBytes',
  MARSAD_MAX_RETRIES: 'maxRetries',
  MARSAD_RESPECT_ROBOTS: 'respectRobots',
  MARSAD_MAX_ARTICLES: 'maxArticles',
  MARSAD_SINCE: 'since',
  MARSAD_MAX_PAGES_PER_HOST: 'maxPagesPerHost',
  MARSAD_FOLLOW_LINKS: 'followLinks',
  MARSAD_EXTRACT_WORKERS: 'extractWorkers',
  MARSAD_MAX_ATTEMPTS: 'maxAttempts',
  MARSAD_WARC: 'warc',
  MARSAD_WARC_MAX_BYTES: 'warcMaxBytes',
  MARSAD_LOG_FORMAT: 'logFormat',
  MARSAD_LOG_LEVEL: 'logLevel',
  MARSAD_MIN_POLL_MS: 'minPollMs',
  MARSAD_MAX_POLL_MS: 'maxPollMs',
};
