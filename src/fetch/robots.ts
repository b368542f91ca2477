/**
 * robots.txt per origin, fetched once and cached, read with robots-parser.
 *
 * RFC 9309 rules: a 4xx (other than 429) means "no rules, all allowed"; a 5xx, a 429 or an
 * unreachable server means "assume everything is disallowed" — cached briefly, so the host is
 * retried later rather than crawled blindly. Successful files are kept for a day.
 */
import { createRequire } from 'node:module';

interface RobotsRules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
// robots-parser is CommonJS whose typings claim an ES default export; require() gets the function.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => RobotsRules;
import type { RobotsInfo } from './types.js';

const OK_TTL_MS = 24 * 60 * 60 * 1000;
const ERROR_TTL_MS = 5 * 60 * 1000;

export interface RobotsFile {
  /** 0 when the server could not be reached. */
  status: number;
  text: string;
  /** The URL that answered, after redirects. */
  url: string;
  /** Why the server could not be reached (status 0). */
  error?: string;
}

interface Entry {
  info: Promise<RobotsInfo>;
  expiresAt: number;
}

export function parseRobots(origin: string, file: RobotsFile, agentToken: string): RobotsInfo {
  const { status } = file;
  if (status >= 200 && status < 300) {
    const robots = robotsParser(`${origin}/robots.txt`, file.text);
    const delaySec = robots.getCrawlDelay(agentToken);
    return {
      origin,
      status,
      sitemaps: robots.getSitemaps().flatMap((s) => {
        try {
          return [new URL(s, `${origin}/`).href];
        } catch {
          return [];
        }
      }),
      crawlDelayMs: typeof delaySec === 'number' && Number.isFinite(delaySec) && delaySec > 0 ? delaySec * 1000 : undefined,
      isAllowed: (url) => robots.isAllowed(url, agentToken) ?? true,
    };
  }
  const allowAll = status >= 400 && status < 500 && status !== 429;
  return { origin, status, sitemaps: [], crawlDelayMs: undefined, isAllowed: () => allowAll, ...(status === 0 ? { unreachable: file.error ?? 'no response' } : {}) };
}

export class RobotsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly load: (origin: string) => Promise<RobotsFile>,
    private readonly agentToken: string,
  ) {}

  get(origin: string): Promise<RobotsInfo> {
    const now = Date.now();
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > now) return cached.info;
    const entry: Entry = { info: Promise.resolve(null as unknown as RobotsInfo), expiresAt: Infinity };
    entry.info = this.load(origin)
      .catch((error: unknown): RobotsFile => ({ status: 0, text: '', url: `${origin}/robots.txt`, error: error instanceof Error ? error.message : String(error) }))
      .then((file) => {
        const info = parseRobots(origin, file, this.agentToken);
        const ok = (info.status >= 200 && info.status < 300) || (info.status >= 400 && info.status < 500 && info.status !== 429);
        entry.expiresAt = Date.now() + (ok ? OK_TTL_MS : ERROR_TTL_MS);
        return info;
      });
    this.entries.set(origin, entry);
    return entry.info;
  }
}
