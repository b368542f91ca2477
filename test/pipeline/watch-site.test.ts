/**
 * The watch loop in-process against the loopback test site and a real SQLite file: a new
 * article is taken even when its host's frontier is past the per-host page cap (a watch runs
 * for months; the cap is a trap backstop, not a budget for news), and the poll schedule is kept
 * in the store, in the bounds, with the lease given back when the watch stops.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/fetcher.js';
import { crawl } from '../../src/pipeline/crawl/index.js';
import { watch, type WatchEvent } from '../../src/pipeline/watch/watch.js';
import { SqliteStore } from '../../src/store/index.js';
import { startTestSite, type TestSite } from '../site/server.mjs';

let site: TestSite;
let dir: string;

beforeAll(async () => {
  site = await startTestSite({ crawlDelaySec: 0, articlesPerHost: 6 });
  dir = mkdtempSync(join(tmpdir(), 'marsad-watch-'));
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

it('takes a newly published article past the per-host page cap, and keeps its schedule in the store', async () => {
  const store = new SqliteStore({ path: join(dir, 'capped.db') });
  const source = await store.upsertSource({ name: 'en', hosts: [new URL(site.hosts.en).host], startUrls: [`${site.hosts.en}/`] });
  const fetcher = createFetcher({ minDelayMs: 0, maxRetries: 0, timeoutMs: 5000 });
  const controller = new AbortController();
  const polls: WatchEvent[] = [];
  const maxPagesPerHost = 6;
  const running = watch({ store, fetcher, extractWorkers: 0, followLinks: 'none', maxPagesPerHost, minPollMs: 300, maxPollMs: 600, signal: controller.signal, onEvent: (e) => e.type === 'poll' && polls.push(e) });
  try {
    const until = async (test: () => Promise<boolean>, what: string): Promise<void> => {
      for (let waited = 0; !(await test()); waited += 50) {
        if (waited > 20_000) throw new Error(`${what} did not happen`);
        await sleep(50);
      }
    };
    // The first crawl fills the host's frontier past the cap (the cap is checked per batch of discovered URLs), then the polls begin.
    await until(async () => polls.length > 0, 'a first poll');
    const host = new URL(site.hosts.en).host;
    const before = (await store.frontierCountsByHost()).get(host)!;
    expect(before).toBeGreaterThanOrEqual(maxPagesPerHost);
    const fresh = site.publishArticle('en');
    await until(async () => (await store.getArticleByUrl(fresh.url)) !== null, 'the new article');
    expect((await store.frontierCountsByHost()).get(host)).toBeGreaterThan(before);
    await until(async () => polls.some((p) => p.type === 'poll' && p.found === 1), 'a poll that reports the new article');
  } finally {
    controller.abort();
  }
  const summary = await running;
  expect(summary.found).toBe(1);
  expect(summary.crawl.stoppedBy).toBe('signal');
  const [state] = await store.pollStates();
  expect(state).toMatchObject({ sourceId: source.id });
  expect(state!.polls).toBe(summary.polls);
  expect(state!.intervalMs).toBeGreaterThanOrEqual(300);
  expect(state!.intervalMs).toBeLessThanOrEqual(600);
  // Nothing leased is left behind: another watch could claim the source at once.
  expect(await store.claimPolls({ now: state!.nextPollAt, owner: 'next', leaseMs: 1000, limit: 5 })).toHaveLength(1);
  await fetcher.close();
  await store.close();
});

it('stops without waiting for a slow host: its requests are cut after the grace and its URLs given back', async () => {
  // Every response of this site takes two minutes: longer than this test may run.
  const slow = await startTestSite({ crawlDelaySec: 0, articlesPerHost: 2, latencyMs: 120_000 });
  const store = new SqliteStore({ path: join(dir, 'slow.db') });
  await store.upsertSource({ name: 'slow', hosts: [new URL(slow.hosts.en).host], startUrls: [`${slow.hosts.en}/`] });
  const fetcher = createFetcher({ minDelayMs: 0, maxRetries: 0, timeoutMs: 300_000 });
  const controller = new AbortController();
  try {
    const running = watch({ store, fetcher, extractWorkers: 0, minPollMs: 1000, maxPollMs: 2000, stopGraceMs: 500, signal: controller.signal });
    while (slow.log.length === 0) await sleep(20);
    controller.abort();
    const summary = await running;
    expect(summary.crawl.stoppedBy).toBe('signal');
    expect(slow.log.every((r) => r.status === 0)).toBe(true); // cut, never answered
    expect((await store.frontierCounts()).fetching).toBe(0);
  } finally {
    await fetcher.close();
    await store.close();
    await slow.close();
  }
});

it('reads the start page of a source that has neither feed nor sitemap, and takes its new article links', async () => {
  const store = new SqliteStore({ path: join(dir, 'bare.db') });
  const fetcher = createFetcher({ minDelayMs: 0, maxRetries: 0, timeoutMs: 5000 });
  await crawl({ store, fetcher, seeds: [{ url: `${site.hosts.en}/` }], extractWorkers: 0, followLinks: 'listings' });
  // As if the site had none: what the crawl read of feeds and sitemaps is gone.
  store.db.prepare("UPDATE frontier SET state = 'failed' WHERE kind IN ('feed', 'sitemap')").run();
  const controller = new AbortController();
  const polls: Extract<WatchEvent, { type: 'poll' }>[] = [];
  const running = watch({ store, fetcher, extractWorkers: 0, followLinks: 'listings', minPollMs: 300, maxPollMs: 600, signal: controller.signal, onEvent: (e) => e.type === 'poll' && polls.push(e) });
  try {
    while (polls.length === 0) await sleep(50);
    expect(polls[0]!.read).toBe(1); // the home page
    const fresh = site.publishArticle('en');
    for (let waited = 0; (await store.getArticleByUrl(fresh.url)) === null; waited += 50) {
      if (waited > 20_000) throw new Error('the new article was not stored');
      await sleep(50);
    }
    while (!polls.some((p) => p.found > 0)) await sleep(50);
  } finally {
    controller.abort();
  }
  await running;
  await fetcher.close();
  await store.close();
});
