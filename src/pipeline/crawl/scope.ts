/**
 * Crawl scope: which URLs a crawl may queue. A URL is in scope when its host is one of the
 * site's hosts (the seed's host and its www./m. twins, same port), it passes the
 * --exclude patterns (and --include, for article URLs), it trips no crawl-trap rule, and its host is under the
 * per-host page cap. Rules are checked on canonical URLs.
 */
import { canonicalizeUrl, siteKey } from '../../discover/canonical-url.js';
import { classifyUrl } from '../../discover/classify-url.js';
import { trapReason, type TrapLimits } from '../../discover/traps.js';

export interface ScopeOptions {
  /** Regular expressions (source text); a URL must match at least one when any is given. */
  include?: readonly string[];
  /** Regular expressions; a URL matching any is out of scope. */
  exclude?: readonly string[];
  trapLimits?: TrapLimits;
  /** Frontier entries per host, all kinds and states (a backstop against traps). */
  maxPagesPerHost: number;
}

export type ScopeVerdict = { ok: true; url: string; host: string; site: string } | { ok: false; reason: string };

/** `http://www.example.com:8080/x` -> the hosts a crawl of that site may visit. */
export function twinHosts(host: string): string[] {
  const key = siteKey(host) ?? host;
  return [key, `www.${key}`, `m.${key}`];
}

export class CrawlScope {
  private readonly include: RegExp[];
  private readonly exclude: RegExp[];
  /** host -> site key, for every host of every seeded site. */
  private readonly hosts = new Map<string, string>();
  private readonly perHost = new Map<string, number>();

  constructor(private readonly options: ScopeOptions) {
    this.include = (options.include ?? []).map((p) => new RegExp(p, 'u'));
    this.exclude = (options.exclude ?? []).map((p) => new RegExp(p, 'u'));
  }

  /** Adds a site (from a seed URL); returns its key. */
  addSite(url: string): string {
    const host = new URL(url).host.toLowerCase();
    const key = siteKey(host) ?? host;
    for (const twin of twinHosts(host)) this.hosts.set(twin, key);
    return key;
  }

  siteOf(host: string): string | undefined {
    return this.hosts.get(host.toLowerCase());
  }

  /** Seeds the per-host counters (entries already in the store after a restart). */
  setHostCount(host: string, count: number): void {
    this.perHost.set(host, count);
  }

  /** Counts an accepted URL against its host's cap. */
  countQueued(host: string, added = 1): void {
    this.perHost.set(host, (this.perHost.get(host) ?? 0) + added);
  }

  /** Canonicalizes `raw` (resolved against `base`) and decides whether the crawl may queue it. */
  check(raw: string, base?: string, options: { patterns?: boolean; cap?: boolean } = {}): ScopeVerdict {
    const url = canonicalizeUrl(raw, base);
    if (url === null) return { ok: false, reason: 'not an http(s) URL' };
    const host = new URL(url).host;
    const site = this.hosts.get(host);
    if (site === undefined) return { ok: false, reason: 'off-site' };
    const trap = trapReason(url, this.options.trapLimits);
    if (trap !== null) return { ok: false, reason: `trap: ${trap}` };
    if (options.cap !== false && (this.perHost.get(host) ?? 0) >= this.options.maxPagesPerHost) return { ok: false, reason: 'per-host page cap' };
    if (options.patterns !== false) {
      if (this.exclude.some((re) => re.test(url))) return { ok: false, reason: 'excluded' };
      // --include narrows the articles; listing pages stay reachable so discovery still works.
      if (this.include.length > 0 && classifyUrl(url) === 'article' && !this.include.some((re) => re.test(url))) return { ok: false, reason: 'not included' };
    }
    return { ok: true, url, host, site };
  }
}
