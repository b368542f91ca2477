/**
 * The crawl pipeline against the real loopback test site, with a real SQLite file:
 * discovery through each source kind, charset, robots.txt, traps, --max-articles,
 * --since, recrawl with conditional GET producing a version and a diff, WARC read back.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { WARCParser } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/fetcher.js';
import { crawl, diffVersions, recrawl, type CrawlOptions } from '../../src/pipeline/crawl/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { WarcWriter } from '../../src/warc/index.js';
import { startTestSite, type TestSite } from '../site/server.mjs';

let site: TestSite;
let dir: string;

beforeAll(async () => {
  site = await startTestSite({ crawlDelaySec: 0 });
  dir = mkdtempSync(join(tmpdir(), 'marsad-crawl-'));
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

async function runCrawl(name: string, extra: Partial<CrawlOptions> = {}, origins = site.origins) {
  const store = new SqliteStore({ path: join(dir, `${name}.db`) });
  const fetcher = createFetcher({ minDelayMs: 0, maxRetries: 0, timeoutMs: 5000, maxPerHost: 2 });
  const summary = await crawl({ store, fetcher, seeds: origins.map((url) => ({ url })), extractWorkers: 0, retryDelayMs: 1, maxAttempts: 1, ...extra });
  await fetcher.close();
  return { store, summary };
}

function pathOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname);
}

describe('crawl of the loopback test site', () => {
  let store: SqliteStore;
  let summary: Awaited<ReturnType<typeof crawl>>;
  let warcFiles: string[] = [];
  beforeAll(async () => {
    site.clearLog();
    const warc = new WarcWriter({ dir: join(dir, 'warc'), maxBytes: 64 * 1024 });
    ({ store, summary } = await runCrawl('full', { warc }));
    await warc.close();
    warcFiles = warc.files;
  });
  afterAll(async () => {
    await store.close();
  });

  it('stores every article of every host exactly once, and nothing else', async () => {
    const expected = site.articles().map((a) => `${a.host} ${a.path}`).sort();
    const rows = store.db.prepare('SELECT canonical_url, host FROM articles').all() as { canonical_url: string; host: string }[];
    const hostName = new Map(Object.entries(site.hosts).map(([name, origin]) => [new URL(origin).host, name]));
    const got = rows.map((r) => `${hostName.get(r.host)} ${pathOf(r.canonical_url)}`).sort();
    expect(got).toEqual(expected);
    expect(summary.articlesNew).toBe(expected.length);
    expect(summary.stoppedBy).toBe('done');
    expect(summary.frontier.queued).toBe(0);
  });

  it('keeps titles and bodies right, windows-1256 pages included', async () => {
    for (const truth of site.articles()) {
      const stored = await store.getArticleByUrl(`${new URL(truth.url).origin}${new URL(truth.url).pathname}`.replace(/\/$/, ''));
      const row = stored ?? (store.db.prepare('SELECT record FROM articles WHERE url = ? OR canonical_url = ?').get(truth.url, truth.url) as { record: string } | undefined);
      expect(row, truth.path).toBeTruthy();
      const record = stored ? stored.record : JSON.parse((row as { record: string }).record);
      expect(record.title, truth.path).toBe(truth.title);
      expect(record.text).toContain(truth.paragraphs[1]!.slice(0, 40));
    }
    const legacy = site.articles().filter((a) => a.encoding === 'windows-1256');
    expect(legacy.length).toBeGreaterThan(0);
  });

  it('discovers through robots.txt sitemaps, sitemap indexes, news sitemaps, feeds and links', () => {
    const vias = store.db.prepare(`SELECT DISTINCT json_extract(hints, '$.via') AS via FROM frontier`).all() as { via: string }[];
    const set = new Set(vias.map((v) => v.via));
    // (feed items already listed by a sitemap keep the sitemap as their origin)
    for (const via of ['seed', 'robots', 'sitemap-index', 'sitemap', 'news-sitemap', 'link']) expect(set, via).toContain(via);
    const feeds = store.db.prepare(`SELECT url FROM frontier WHERE kind = 'feed' AND state = 'done'`).all() as { url: string }[];
    expect(feeds.length).toBeGreaterThanOrEqual(3);
  });

  it('never requests what robots.txt disallows, and stays out of the traps', () => {
    const paths = site.log.map((e) => e.path);
    expect(paths.filter((p) => /^\/(private|drafts|admin)\//.test(p) || p.startsWith('/search'))).toEqual([]);
    expect(paths.filter((p) => p.includes('calendar')).length).toBeLessThan(40);
    expect(summary.blocked).toBeGreaterThan(0);
  });

  it('links near-duplicate wire copies across hosts', async () => {
    const stats = await store.stats();
    expect(stats.nearDuplicateGroups).toBeGreaterThan(0);
    expect(stats.articles).toBe(site.articles().length);
  });

  it('writes every fetched response to WARC, readable again with the same bodies', async () => {
    expect(warcFiles.length).toBeGreaterThan(1);
    const responses = new Map<string, Uint8Array>();
    for (const file of warcFiles) {
      const parser = new WARCParser([readFileSync(file)]);
      for await (const record of parser) {
        if (record.warcType === 'response') responses.set(record.warcTargetURI!, await record.readFully(false));
      }
    }
    const fetched = store.db.prepare('SELECT count(*) AS n FROM fetch_log WHERE status BETWEEN 200 AND 399').get() as { n: number };
    expect(responses.size).toBeGreaterThan(fetched.n * 0.8);
    const truth = site.articles().find((a) => a.host === 'en')!;
    const stored = [...responses.entries()].find(([url]) => pathOf(url) === truth.path);
    expect(stored).toBeTruthy();
    expect(Buffer.from(stored![1]).toString('utf8')).toContain(truth.title);
  });

  it("records where each article's capture is: the gzip member at that offset is its response", async () => {
    const truth = site.articles().find((a) => a.host === 'ar')!;
    const article = await store.getArticleByUrl(new URL(truth.path, site.hosts.ar).href);
    expect(article).not.toBeNull();
    const capture = await store.warcCapture([article!.url, article!.canonicalUrl]);
    expect(capture).not.toBeNull();
    expect(warcFiles).toContain(capture!.file);
    // one gzip member read from the offset alone: the record stands on its own
    const parser = new WARCParser([readFileSync(capture!.file).subarray(capture!.offset)]);
    const record = await parser.parse();
    expect(record?.warcType).toBe('response');
    expect(pathOf(record!.warcTargetURI!)).toBe(truth.path);
  });
});

describe('crawl limits', () => {
  it('--max-articles stops at exactly N articles', async () => {
    const { store, summary } = await runCrawl('max', { maxArticles: 7 });
    expect(await store.countArticles()).toBe(7);
    expect(summary.stoppedBy).toBe('max-articles');
    await store.close();
  });

  it('--since skips older articles using sitemap and feed dates', async () => {
    const all = site.articles();
    const since = all.map((a) => a.published).sort()[Math.floor(all.length / 2)]!;
    const { store, summary } = await runCrawl('since', { since });
    const rows = store.db.prepare('SELECT published FROM articles').all() as { published: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => Date.parse(r.published) >= Date.parse(since))).toBe(true);
    expect(summary.tooOld).toBeGreaterThan(0);
    await store.close();
  });

  it('--exclude keeps matching URLs out', async () => {
    const { store } = await runCrawl('exclude', { exclude: ['/story/'] }, [site.hosts.mixed]);
    const rows = store.db.prepare(`SELECT url FROM frontier WHERE url LIKE '%/story/%'`).all();
    expect(rows).toEqual([]);
    await store.close();
  });
});

describe('recrawl', () => {
  it('uses conditional GET, and a changed article becomes a new version with a diff', async () => {
    const { store, summary: first } = await runCrawl('recrawl', {}, [site.hosts.en]);
    expect(first.articlesNew).toBe(site.articles().filter((a) => a.host === 'en').length);
    const target = site.articles().find((a) => a.host === 'en')!;
    const before = (await store.getArticleByUrl(target.url))!;
    const paragraphs = [...target.paragraphs];
    paragraphs[1] = `${paragraphs[1]} A correction was added to this paragraph.`;
    site.updateArticle(target.path, paragraphs, { title: `${target.title} (updated)` });
    site.clearLog();
    const fetcher = createFetcher({ minDelayMs: 0, maxRetries: 0 });
    const summary = await recrawl({ store, fetcher, all: true, extractWorkers: 0 });
    await fetcher.close();
    expect(summary.updated).toBe(1);
    expect(summary.notModified + summary.unchanged).toBe(summary.checked - 1);
    expect(site.log.filter((e) => e.ifNoneMatch !== undefined || e.ifModifiedSince !== undefined).length).toBe(summary.checked);
    const versions = await store.listVersions(before.id);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const diff = diffVersions(versions[0]!.record, versions[1]!.record);
    expect(diff.title).toEqual({ from: target.title, to: `${target.title} (updated)` });
    expect(diff.counts.changed).toBe(1);
    const changed = diff.paragraphs.find((p) => p.op === 'changed');
    expect(changed && changed.op === 'changed' && changed.words.some((w) => w.op === 'added' && w.text.includes('correction'))).toBe(true);
    await store.close();
    expect(new Database(join(dir, 'recrawl.db')).prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: site.articles().filter((a) => a.host === 'en').length });
  });
});
