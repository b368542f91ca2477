/**
 * Sources as a user names them: one or more start URLs (or bare hosts) become a stored source,
 * named after the site unless a name is given, with the hosts a crawl of it may visit.
 */
import { siteKey } from '../../discover/canonical-url.js';
import { UsageError } from '../../errors.js';
import type { SourceInput, Source } from '../../store/store.js';
import { seedUrl } from '../crawl/crawler.js';
import { twinHosts } from '../crawl/scope.js';
import type { SeedInput } from '../crawl/types.js';

export interface SourceRequest {
  urls: readonly string[];
  name?: string;
  feeds?: readonly string[];
  sitemaps?: readonly string[];
}

/**
 * The sources to store for a request: with a name, one source holding every URL; without, one
 * per site (URLs of one site share a source). Bad URLs are UsageErrors, before anything is stored.
 */
export function sourceInputs(request: SourceRequest): SourceInput[] {
  const urls = request.urls.map(seedUrl);
  const extra = [...(request.feeds ?? []), ...(request.sitemaps ?? [])].map(seedUrl);
  if (urls.length === 0) throw new UsageError('name at least one site or start URL');
  if (request.name !== undefined && !/\S/.test(request.name)) throw new UsageError('--name: a source name cannot be empty');
  const config: Record<string, unknown> = {};
  if (request.feeds?.length) config.feeds = request.feeds.map(seedUrl);
  if (request.sitemaps?.length) config.sitemaps = request.sitemaps.map(seedUrl);
  const groups = new Map<string, string[]>();
  for (const url of urls) {
    const key = request.name?.trim() ?? siteOf(url);
    groups.set(key, [...(groups.get(key) ?? []), url]);
  }
  if (extra.length > 0 && groups.size > 1) throw new UsageError('--feed and --sitemap belong to one source: add one site at a time with them (or give --name)');
  return [...groups].map(([name, starts]) => ({
    name,
    hosts: [...new Set(starts.flatMap((url) => [new URL(url).host, ...twinHosts(new URL(url).host)]))],
    startUrls: [...new Set(starts)],
    config,
  }));
}

/** What a source named `name` holds after adding `input` to what is stored: start URLs and hosts add up. */
export function mergeSource(existing: Source | undefined, input: SourceInput): SourceInput {
  if (existing === undefined) return input;
  return {
    name: input.name,
    hosts: [...new Set([...existing.hosts, ...input.hosts])],
    startUrls: [...new Set([...existing.startUrls, ...input.startUrls])],
    config: { ...existing.config, ...input.config },
  };
}

/** The crawl seeds of a stored source: each start URL, with its configured feeds and sitemaps. */
export function seedsOf(source: Source): SeedInput[] {
  const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined);
  const feeds = strings(source.config.feeds);
  const sitemaps = strings(source.config.sitemaps);
  return source.startUrls.map((url) => ({ url, sourceId: source.id, ...(feeds ? { feeds } : {}), ...(sitemaps ? { sitemaps } : {}) }));
}

/** The name a crawl gives a site's source (`example.com` for www.example.com:8080 too). */
function siteOf(url: string): string {
  const host = new URL(url).host.toLowerCase();
  return siteKey(host) ?? host;
}
