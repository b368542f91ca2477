/**
 * `marsad watch` as a user runs it (the built CLI in a child process, a real SQLite file)
 * against the loopback test site while the site publishes and revises articles: each new
 * article is in the store within one poll interval plus the politeness delay, a revised one
 * gets a new version, SIGTERM stops the watch cleanly (exit 0, everything fetched stored, no
 * lease left), and a restarted watch goes on from the store's schedule without fetching any
 * article again. Also `marsad sources add|list|remove`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, makeTempDir, runCli } from '../cli/cli-helpers.js';
import { startTestSite, type TestSite } from '../site/server.mjs';

const MIN_POLL_MS = 1000;
const MAX_POLL_MS = 2000;
const DELAY_MS = 200;
/**
 * The bound: one poll interval (at most --max-poll) plus the politeness delay of the
 * requests a poll and the article's fetch make to the host (index, news sitemap, newest child,
 * feed, article: 5 × --delay-ms), plus 3 s for fetching, extracting and committing on a loaded
 * 2-core machine and for this test's own look at the file every 50 ms.
 */
const LAG_BOUND_MS = MAX_POLL_MS + 5 * DELAY_MS + 3000;

let site: TestSite;
let temp: { dir: string; cleanup: () => void };

beforeAll(async () => {
  ensureBuilt();
  site = await startTestSite({ crawlDelaySec: 0, articlesPerHost: 6 });
  temp = makeTempDir();
});
afterAll(async () => {
  await site.close();
  temp.cleanup();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads the store as another process would, while watch writes it. */
class StoreReader {
  private conn: Database.Database | null = null;
  constructor(private readonly path: string) {}

  private query<T>(sql: string, ...args: unknown[]): T | null {
    try {
      this.conn ??= new Database(this.path, { readonly: true, fileMustExist: true });
      return this.conn.prepare(sql).get(...args) as T;
    } catch {
      return null; // not created or migrated yet
    }
  }

  articles(): number {
    return this.query<{ n: number }>('SELECT count(*) AS n FROM articles')?.n ?? 0;
  }

  versionsOf(url: string): number {
    return this.query<{ n: number }>('SELECT count(*) AS n FROM article_versions v JOIN articles a ON a.id = v.article_id WHERE a.canonical_url = ?', url)?.n ?? 0;
  }

  /** Polls that read anything, over all sources. */
  pollsDone(): number {
    return this.query<{ n: number | null }>('SELECT sum(polls) AS n FROM source_polls')?.n ?? 0;
  }

  close(): void {
    this.conn?.close();
  }
}

async function waitFor(what: string, test: () => boolean, guardMs: number): Promise<number> {
  const started = performance.now();
  while (!test()) {
    if (performance.now() - started > guardMs) throw new Error(`watch: ${what} did not happen within ${guardMs} ms`);
    await sleep(50);
  }
  return performance.now() - started;
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('close', (code) => resolve(code)));
}

describe('marsad watch (CLI)', () => {
  it('stores articles published while it runs within a poll interval, versions a revision, and stops cleanly on SIGTERM; restarted, it goes on', async () => {
    const db = join(temp.dir, 'watch.db');
    const added = await runCli(['sources', 'add', site.hosts.ar, site.hosts.en, '--db', db]);
    expect(added.code, added.stderr).toBe(0);

    const watchArgs = ['--db', db, '--delay-ms', String(DELAY_MS), '--min-poll', `${MIN_POLL_MS}ms`, '--max-poll', `${MAX_POLL_MS}ms`, '--follow-links', 'none', '--log-format', 'json'];
    const child = spawn(process.execPath, [CLI, 'watch', ...watchArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = exitOf(child);
    const reader = new StoreReader(db);
    try {
      // First the crawl of both sources, as `marsad crawl` would do it.
      const watched = site.articles().filter((a) => a.host !== 'mixed');
      await waitFor('the first crawl', () => reader.articles() >= watched.length, 40_000);

      const lags: number[] = [];
      for (const host of ['ar', 'en', 'ar', 'en'] as const) {
        const article = site.publishArticle(host);
        lags.push(await waitFor(`the new article ${article.url}`, () => reader.versionsOf(article.url) === 1, 20_000));
      }
      console.log(`watch: lag from publication to the store, ms: ${lags.map(Math.round).join(', ')} (bound ${LAG_BOUND_MS})`);
      for (const lag of lags) expect(lag).toBeLessThanOrEqual(LAG_BOUND_MS);

      // A source added while it runs (here by another process, as the API would) is crawled and watched too.
      const addedLater = await runCli(['sources', 'add', site.hosts.mixed, '--db', db]);
      expect(addedLater.code, addedLater.stderr).toBe(0);
      const everything = site.articles().length;
      await waitFor('the crawl of the source added while watching', () => reader.articles() >= everything, 30_000);

      const revised = watched.find((a) => a.host === 'en')!;
      site.updateArticle(revised.path, [...revised.paragraphs, 'The ministry corrected the figures in a statement on Tuesday evening.'], { title: `${revised.title} (corrected)` });
      await waitFor('the revision', () => reader.versionsOf(revised.url) === 2, 20_000);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await exited;
    reader.close();
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^watch stopped after/);

    const conn = new Database(db, { readonly: true });
    const stored = new Set((conn.prepare('SELECT canonical_url FROM articles').all() as { canonical_url: string }[]).map((r) => decodeURIComponent(new URL(r.canonical_url).pathname)));
    const leasedUrls = (conn.prepare("SELECT count(*) AS n FROM frontier WHERE state = 'fetching'").get() as { n: number }).n;
    const leasedPolls = (conn.prepare('SELECT count(*) AS n FROM source_polls WHERE lease_owner IS NOT NULL').get() as { n: number }).n;
    const revised = site.articles().find((a) => a.title.endsWith('(corrected)'))!;
    const latest = conn.prepare('SELECT v.title FROM article_versions v JOIN articles a ON a.id = v.article_id WHERE a.canonical_url = ? ORDER BY v.version DESC LIMIT 1').get(revised.url) as { title: string };
    conn.close();
    expect(latest.title).toMatch(/\(corrected\)$/);
    // Everything fetched is stored: every article page the site served is in the store.
    const served = new Set(site.log.filter((r) => r.status === 200).map((r) => decodeURIComponent(r.path)));
    const servedArticles = site.articles().filter((a) => served.has(a.path)).map((a) => a.path);
    expect(servedArticles.length).toBe(site.articles().length);
    for (const path of servedArticles) expect(stored.has(path), path).toBe(true);
    expect(leasedUrls).toBe(0);
    expect(leasedPolls).toBe(0);

    // The schedule is in the store: a restarted watch goes on from it.
    const listed = await runCli(['sources', 'list', '--db', db, '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const sources = JSON.parse(listed.stdout) as { name: string; articles: number; poll: { polls: number; intervalMs: number; lastNewAt: number | null } | null }[];
    expect(sources).toHaveLength(3);
    for (const source of sources) {
      expect(source.poll?.polls).toBeGreaterThan(0);
      expect(source.poll?.intervalMs).toBeGreaterThanOrEqual(MIN_POLL_MS);
      expect(source.poll?.intervalMs).toBeLessThanOrEqual(MAX_POLL_MS);
      expect(source.articles).toBeGreaterThanOrEqual(6);
    }
    // The two sources that published while watched remember when their polls last found something.
    expect(sources.filter((s) => s.poll?.lastNewAt !== null)).toHaveLength(2);

    // Restarted, it goes on from the store: it polls again and fetches no article a second time.
    const pollsBefore = sources.reduce((sum, s) => sum + s.poll!.polls, 0);
    site.clearLog();
    const again = spawn(process.execPath, [CLI, 'watch', ...watchArgs], { stdio: 'ignore' });
    const againExited = exitOf(again);
    const restarted = new StoreReader(db);
    try {
      await waitFor('a poll after the restart', () => restarted.pollsDone() > pollsBefore, 20_000);
    } finally {
      again.kill('SIGTERM');
    }
    expect(await againExited).toBe(0);
    restarted.close();
    const articlePaths = new Set(site.articles().map((a) => a.path));
    expect(site.log.filter((r) => articlePaths.has(decodeURIComponent(r.path)))).toEqual([]);
    expect(site.log.some((r) => /sitemap|feed|rss|atom/.test(r.path))).toBe(true);
  });

  it('sources add, list and remove round trip; mistakes are usage errors that store nothing', async () => {
    const db = join(temp.dir, 'sources.db');
    const add = await runCli(['sources', 'add', 'example.com', 'https://www.example.com/news', 'https://news.example.org/ar', '--db', db]);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain('added source 1 example.com');
    const named = await runCli(['sources', 'add', 'https://wire.example.net/', '--name', 'the wire', '--feed', 'https://wire.example.net/rss', '--db', db, '--json']);
    expect(named.code, named.stderr).toBe(0);

    const bad = await runCli(['sources', 'add', 'ftp://example.com/', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('only http and https URLs');

    const list = async (): Promise<{ id: number; name: string; startUrls: string[]; config: Record<string, unknown>; poll: unknown }[]> => {
      const run = await runCli(['sources', 'list', '--db', db, '--json']);
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { id: number; name: string; startUrls: string[]; config: Record<string, unknown>; poll: unknown }[];
    };
    const all = await list();
    expect(all.map((s) => s.name)).toEqual(['example.com', 'news.example.org', 'the wire']);
    expect(all[0]!.startUrls).toEqual(['https://example.com/', 'https://www.example.com/news']);
    expect(all[2]!.config).toEqual({ feeds: ['https://wire.example.net/rss'] });
    expect(all.every((s) => s.poll === null)).toBe(true);

    const text = await runCli(['sources', 'list', '--db', db]);
    expect(text.stdout).toContain('the wire');
    expect(text.stdout).toContain('not polled yet');

    const removed = await runCli(['sources', 'remove', 'the wire', String(all[1]!.id), '--db', db]);
    expect(removed.code, removed.stderr).toBe(0);
    expect((await list()).map((s) => s.name)).toEqual(['example.com']);

    const unknown = await runCli(['sources', 'remove', 'nowhere.test', '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no source named "nowhere.test"');
    expect((await runCli(['sources', 'list', '--db', join(temp.dir, 'missing.db')])).code).toBe(2);
    expect((await runCli(['watch', '--db', join(temp.dir, 'empty.db'), '--min-poll', '5m', '--max-poll', '1m'])).code).toBe(2);
    const fromEnv = await runCli(['watch', '--db', db, '--max-poll', '1m'], { env: { MARSAD_MIN_POLL_MS: '300000' } });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain('--min-poll (5m) is longer than --max-poll (1m)');
    const nothing = await runCli(['watch', '--db', join(temp.dir, 'nothing.db')]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('nothing to watch');
    expect(existsSync(join(temp.dir, 'nothing.db'))).toBe(false);
  });
});
