/**
 * `marsad worker` as a team runs it: several built-CLI processes against one PostgreSQL database
 * (a fresh schema per test) crawling the loopback test site, whose request log is the judge.
 * - 3 workers with a 300 ms per-host delay: the site never sees two requests to one host closer
 *   than that, every article is stored once and fetched once, `stats` lists the 3 workers, and
 *   SIGTERM ends each within a few seconds with exit code 0 and no lease left.
 * - kill -9 of one of 3 workers mid-crawl: the others finish with exactly the site's articles, and
 *   the only article URLs fetched twice are ones the dead worker had leased (its leases expired).
 * - SIGTERM mid-crawl: what the site served as an article is stored, nothing stays leased.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, runCli } from '../cli/cli-helpers.js';
import { serveStore } from '../serve/api-helpers.js';
import { startTestSite, type RequestLogEntry, type TestSite } from '../site/server.mjs';
import { dropSchema, freshSchema, PG_URL, postgresUnavailable, schemaUrl } from '../store/postgres-server.js';

const DELAY_MS = 300;
/**
 * The site stamps a request when its own event loop gets to it, not when the bytes arrive; two
 * requests can wait for that loop (this test process also runs the site's other hosts and the
 * test's queries) by amounts that differ by a millisecond or two. The gap the workers keep is
 * measured by the database's clock from the end of the previous request, so it cannot be shorter.
 */
const CLOCK_JITTER_MS = 3;

const skip = postgresUnavailable !== null;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let site: TestSite;
beforeAll(async () => {
  if (skip) return;
  ensureBuilt();
  site = await startTestSite({ crawlDelaySec: 0, articlesPerHost: 8 });
});
afterAll(async () => {
  await site?.close();
});

interface Worker {
  id: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  stderr: string[];
}

function startWorker(url: string, id: string, extra: string[] = []): Worker {
  const child = spawn(process.execPath, [CLI, 'worker', '--db', url, '--id', id, '--delay-ms', String(DELAY_MS), '--min-poll', '1h', '--max-poll', '2h', '--log-format', 'json', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, at: performance.now() })));
  return { id, child, exited, stderr };
}

class Db {
  readonly client: pg.Client;
  constructor(readonly schema: string) {
    this.client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    try {
      return Number((await this.client.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
    } catch {
      return -1; // not migrated yet
    }
  }

  articles(): Promise<number> {
    return this.count('SELECT count(*) AS n FROM articles');
  }

  /** Frontier entries not finished: queued or leased. */
  pending(): Promise<number> {
    return this.count("SELECT count(*) AS n FROM frontier WHERE state IN ('queued', 'fetching')");
  }

  /** Frontier URLs with more than one request in the fetch log. */
  async fetchedTwice(): Promise<string[]> {
    const result = await this.client.query<{ url: string }>("SELECT url FROM fetch_log WHERE kind = 'page' GROUP BY url HAVING count(*) > 1 ORDER BY url");
    return result.rows.map((r) => r.url);
  }

  leased(): Promise<number> {
    return this.count("SELECT count(*) AS n FROM frontier WHERE state = 'fetching'");
  }
}

async function waitFor(what: string, test: () => Promise<boolean>, guardMs: number): Promise<void> {
  const started = performance.now();
  while (!(await test())) {
    if (performance.now() - started > guardMs) throw new Error(`${what} did not happen within ${guardMs} ms`);
    await sleep(100);
  }
}

const articlePaths = (): Set<string> => new Set(site.articles().map((a) => a.path));

/** The article GETs the site saw, by path. */
function articleFetches(log: readonly RequestLogEntry[]): Map<string, RequestLogEntry[]> {
  const paths = articlePaths();
  const byPath = new Map<string, RequestLogEntry[]>();
  for (const entry of log) {
    const path = decodeURI(entry.path); // Arabic paths are requested percent-encoded
    if (!paths.has(path)) continue;
    byPath.set(path, [...(byPath.get(path) ?? []), entry]);
  }
  return byPath;
}

/** The shortest gap between two requests to one host, per host. */
function shortestGaps(log: readonly RequestLogEntry[]): Map<string, number> {
  const byHost = new Map<string, number[]>();
  for (const entry of log) byHost.set(entry.host, [...(byHost.get(entry.host) ?? []), entry.time]);
  const gaps = new Map<string, number>();
  for (const [host, times] of byHost) {
    times.sort((a, b) => a - b);
    let shortest = Infinity;
    for (let i = 1; i < times.length; i++) shortest = Math.min(shortest, times[i]! - times[i - 1]!);
    gaps.set(host, shortest);
  }
  return gaps;
}

describe.skipIf(skip)('marsad worker: many crawl processes on one PostgreSQL store', () => {
  let schema = '';
  let db: Db;
  const workers: Worker[] = [];

  const setUp = async (): Promise<string> => {
    schema = freshSchema();
    db = new Db(schema);
    await db.client.connect();
    site.clearLog();
    const url = schemaUrl(schema);
    const added = await runCli(['sources', 'add', ...site.origins, '--db', url]);
    expect(added.code, added.stderr).toBe(0);
    return url;
  };
  afterEach(async () => {
    for (const w of workers.splice(0)) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await db?.client.end().catch(() => {});
    if (schema) await dropSchema(schema);
  });

  it('3 workers share the crawl: no two requests to a host closer than the delay, each article stored and fetched once, stats lists them, SIGTERM ends them cleanly', async () => {
    const url = await setUp();
    const total = site.articles().length;
    workers.push(...['w1', 'w2', 'w3'].map((id) => startWorker(url, id)));
    await waitFor('the whole site crawled', async () => (await db.articles()) === total && (await db.pending()) === 0, 60_000);

    const stats = await runCli(['stats', '--db', url, '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    const listed = (JSON.parse(stats.stdout) as { workers: { id: string; state: string; hostname: string }[] }).workers;
    expect(listed.map((w) => w.id).sort()).toEqual(['w1', 'w2', 'w3']);
    expect(listed.every((w) => w.state === 'running' && w.hostname.length > 0)).toBe(true);
    const text = await runCli(['stats', '--db', url]);
    expect(text.stdout).toMatch(/workers\s+3 running/);

    const stopAsked = performance.now();
    for (const w of workers) w.child.kill('SIGTERM');
    const exits = await Promise.all(workers.map((w) => w.exited));
    for (const [i, exit] of exits.entries()) {
      expect(exit.code, workers[i]!.stderr.join('')).toBe(0);
      expect(exit.at - stopAsked).toBeLessThan(5000);
    }
    expect(await db.leased()).toBe(0);
    const after = (JSON.parse((await runCli(['stats', '--db', url, '--json'])).stdout) as { workers: { state: string }[] }).workers;
    expect(after.map((w) => w.state)).toEqual(['stopped', 'stopped', 'stopped']);

    // the work was shared
    const fetchedBy = await db.client.query<{ pages: string }>('SELECT pages_fetched AS pages FROM workers');
    expect(fetchedBy.rows.filter((r) => Number(r.pages) > 0).length).toBeGreaterThanOrEqual(2);
    // politeness, as the site saw it: every host, every pair of consecutive requests, whichever workers sent them
    const gaps = shortestGaps(site.log);
    expect(gaps.size).toBe(3);
    for (const [host, gap] of gaps) expect(gap, host).toBeGreaterThanOrEqual(DELAY_MS - CLOCK_JITTER_MS);
    // every article stored once; every URL of the frontier fetched once (the site links some
    // articles under a second URL too, a redirect: a single crawl fetches those twice as well)
    expect(await db.count('SELECT count(DISTINCT canonical_url) AS n FROM articles')).toBe(total);
    expect(articleFetches(site.log).size).toBe(total);
    expect(await db.fetchedTwice()).toEqual([]);
  }, 80_000);

  it('kill -9 of one of 3 workers mid-crawl loses nothing: the crawl ends with exactly the site\'s articles, and only the dead worker\'s expired leases are fetched again', async () => {
    const url = await setUp();
    const total = site.articles().length;
    // Short leases so that the dead worker's URLs come back within the test; short fetches so that its host slots do too.
    const extra = ['--lease-ms', '3000', '--timeout-ms', '3000'];
    workers.push(...['k1', 'k2', 'k3'].map((id) => startWorker(url, id, extra)));
    const victim = workers[1]!;
    await waitFor('a third of the articles stored', async () => (await db.articles()) >= total / 3, 60_000);
    await waitFor('k2 holding a lease', async () => (await db.count("SELECT count(*) AS n FROM frontier WHERE lease_owner = 'k2' AND state = 'fetching'")) > 0, 20_000);
    victim.child.kill('SIGKILL');
    expect((await victim.exited).signal).toBe('SIGKILL');
    // What it held when it died: nobody else may fetch these until its leases expire.
    const held = new Set((await db.client.query<{ url: string }>("SELECT url FROM frontier WHERE lease_owner = 'k2' AND state = 'fetching'")).rows.map((r) => r.url));
    const stored = await db.articles();
    expect(stored).toBeLessThan(total); // killed in the middle, not after the end

    await waitFor('the whole site crawled by the two others', async () => (await db.articles()) === total && (await db.pending()) === 0, 60_000);
    expect(await db.count('SELECT count(DISTINCT canonical_url) AS n FROM articles')).toBe(total);
    expect(articleFetches(site.log).size).toBe(total);
    for (const [host, gap] of shortestGaps(site.log)) expect(gap, host).toBeGreaterThanOrEqual(DELAY_MS - CLOCK_JITTER_MS);
    const again = await db.fetchedTwice();
    expect(again.filter((u) => !held.has(u))).toEqual([]);
    const states = async (): Promise<string> => {
      const stats = JSON.parse((await runCli(['stats', '--db', url, '--json'])).stdout) as { workers: { id: string; state: string }[] };
      return stats.workers.map((w) => `${w.id} ${w.state}`).sort().join(', ');
    };
    await waitFor('stats to show k2 gone', async () => (await states()) === 'k1 running, k2 gone, k3 running', 20_000);
    // the API's crawl status shows them too
    const server = await serveStore(url);
    try {
      const body = (await (await server.get('/api/v1/sources')).json()) as { workers: { id: string; state: string; pagesFetched: number; lastHeartbeat: string }[] };
      expect(body.workers.map((w) => `${w.id} ${w.state}`)).toEqual(['k1 running', 'k3 running', 'k2 gone']);
      // a worker killed early (or starved of work on a loaded machine) may have fetched nothing; together they fetched the site
      expect(body.workers.every((w) => w.pagesFetched >= 0 && !Number.isNaN(Date.parse(w.lastHeartbeat)))).toBe(true);
      expect(body.workers.reduce((n, w) => n + w.pagesFetched, 0)).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
    for (const w of [workers[0]!, workers[2]!]) w.child.kill('SIGTERM');
    expect((await Promise.all([workers[0]!.exited, workers[2]!.exited])).map((e) => e.code)).toEqual([0, 0]);
    expect(await db.leased()).toBe(0);
  }, 80_000);

  it('SIGTERM mid-crawl: exit 0 within a few seconds, every article the site served is stored, no lease left', async () => {
    const url = await setUp();
    const worker = startWorker(url, 't1');
    workers.push(worker);
    await waitFor('a few articles stored', async () => (await db.articles()) >= 3, 30_000);
    const asked = performance.now();
    worker.child.kill('SIGTERM');
    const exit = await worker.exited;
    expect(exit.code, worker.stderr.join('')).toBe(0);
    expect(exit.at - asked).toBeLessThan(5000);
    expect(await db.leased()).toBe(0);
    const served = [...articleFetches(site.log).entries()].filter(([, entries]) => entries.some((e) => e.status === 200)).map(([path]) => path);
    const storedPaths = (await db.client.query<{ url: string }>('SELECT url FROM articles')).rows.map((r) => decodeURI(new URL(r.url).pathname));
    expect(served.length).toBeGreaterThanOrEqual(3);
    expect(served.filter((path) => !storedPaths.includes(path))).toEqual([]);
    expect(served.length).toBeLessThan(site.articles().length); // stopped in the middle
  }, 40_000);

  it('--max-articles counts the store\'s articles, all workers together: 3 workers stop by themselves near the cap, not at 3 × the cap', async () => {
    const url = await setUp();
    const MAX = 8;
    const total = site.articles().length;
    expect(total).toBeGreaterThan(3 * MAX); // counted per worker, they would have stored the whole site
    workers.push(...['m1', 'm2', 'm3'].map((id) => startWorker(url, id, ['--max-articles', String(MAX)])));
    const exits = await Promise.all(workers.map((w) => w.exited));
    expect(exits.map((e) => e.code)).toEqual([0, 0, 0]);
    const stored = await db.articles();
    expect(stored).toBeGreaterThanOrEqual(MAX);
    // Past the cap only by saves in flight when it was reached, and those other workers made within
    // one recount (a second; 3 hosts at one request per 300 ms each: at most 10).
    expect(stored).toBeLessThan(2 * MAX + 3);
    expect(await db.leased()).toBe(0);
  }, 40_000);
});
