/**
 * The Store contract: one suite every backend must pass. Call `describeStoreContract` with a
 * factory that opens a fresh, empty store (SQLite in a temp file today, PostgreSQL next).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { sampleArticle } from './sample-article.js';

export interface StoreFactory {
  open(): Promise<Store>;
  /** Removes what `open` created (after the store is closed). */
  cleanup?(): Promise<void>;
}

const HOUR = 3_600_000;

export function describeStoreContract(name: string, factory: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory.open();
    });
    afterEach(async () => {
      await store.close();
      await factory.cleanup?.();
    });

    it('upserts sources by name', async () => {
      const a = await store.upsertSource({ name: 'a.test', hosts: ['a.test'], startUrls: ['http://a.test/'] });
      const again = await store.upsertSource({ name: 'a.test', hosts: ['a.test', 'www.a.test'], startUrls: ['http://a.test/'], config: { maxPages: 5 } });
      expect(again.id).toBe(a.id);
      expect(again.hosts).toEqual(['a.test', 'www.a.test']);
      expect(again.config).toEqual({ maxPages: 5 });
      expect(await store.listSources()).toHaveLength(1);
    });

    it('enqueues each URL once and keeps its hints', async () => {
      const source = await store.upsertSource({ name: 'a.test', hosts: ['a.test'], startUrls: [] });
      const added = await store.enqueue([
        { url: 'http://a.test/1', host: 'a.test', sourceId: source.id, kind: 'page', hints: { via: 'sitemap', lastmod: '2025-01-01' } },
        { url: 'http://a.test/1', host: 'a.test', sourceId: source.id, kind: 'page' },
        { url: 'http://a.test/sitemap.xml', host: 'a.test', sourceId: source.id, kind: 'sitemap' },
      ]);
      expect(added).toBe(2);
      expect(await store.enqueue([{ url: 'http://a.test/1', host: 'a.test', sourceId: source.id, kind: 'page' }])).toBe(0);
      const entry = await store.getFrontierEntry('http://a.test/1');
      expect(entry?.hints).toEqual({ via: 'sitemap', lastmod: '2025-01-01' });
      expect(entry?.state).toBe('queued');
      expect((await store.frontierCounts()).queued).toBe(2);
      expect((await store.frontierCountsByHost()).get('a.test')).toBe(2);
    });

    it('claims due entries of one host by priority, leases them, and completes them', async () => {
      // Entries enqueued without nextFetchAt are due from the real clock's now; the test's
      // clock runs a little ahead so that a millisecond tick in between cannot make them late.
      const now = Date.now() + 5_000;
      await store.enqueue([
        { url: 'http://a.test/low', host: 'a.test', sourceId: null, kind: 'page', priority: 1 },
        { url: 'http://a.test/high', host: 'a.test', sourceId: null, kind: 'page', priority: 9 },
        { url: 'http://a.test/later', host: 'a.test', sourceId: null, kind: 'page', priority: 99, nextFetchAt: now + HOUR },
        { url: 'http://b.test/1', host: 'b.test', sourceId: null, kind: 'page' },
      ]);
      const work = await store.hostsWithWork(now);
      expect(work.find((w) => w.host === 'a.test')).toMatchObject({ due: 2 });
      expect(work.find((w) => w.host === 'b.test')).toMatchObject({ due: 1 });

      const claimed = await store.claim({ host: 'a.test', limit: 5, now, owner: 'w1', leaseMs: 60_000 });
      expect(claimed.map((c) => c.url)).toEqual(['http://a.test/high', 'http://a.test/low']);
      expect(claimed.every((c) => c.state === 'fetching')).toBe(true);
      // leased entries are not handed out twice
      expect(await store.claim({ host: 'a.test', limit: 5, now, owner: 'w2', leaseMs: 60_000 })).toEqual([]);

      await store.complete(claimed[0]!.id, { state: 'done', status: 200 });
      await store.complete(claimed[1]!.id, { state: 'retry', nextFetchAt: now + 1000, status: 503, error: 'busy' });
      const retried = await store.getFrontierEntry('http://a.test/low');
      expect(retried).toMatchObject({ state: 'queued', attempts: 1, lastStatus: 503, lastError: 'busy', nextFetchAt: now + 1000 });
      expect((await store.getFrontierEntry('http://a.test/high'))).toMatchObject({ state: 'done', attempts: 1 });
      const again = await store.claim({ host: 'a.test', limit: 5, now: now + 1000, owner: 'w1', leaseMs: 60_000 });
      expect(again.map((c) => c.url)).toEqual(['http://a.test/low']);
    });

    it('recovers leases: released ones and expired ones are claimable again', async () => {
      // Entries enqueued without nextFetchAt are due from the real clock's now; the test's
      // clock runs a little ahead so that a millisecond tick in between cannot make them late.
      const now = Date.now() + 5_000;
      await store.enqueue([
        { url: 'http://a.test/1', host: 'a.test', sourceId: null, kind: 'page' },
        { url: 'http://a.test/2', host: 'a.test', sourceId: null, kind: 'page' },
      ]);
      const [first, second] = await store.claim({ host: 'a.test', limit: 2, now, owner: 'dead', leaseMs: 1000 });
      expect(await store.releaseLeases({ owner: 'other' })).toBe(0);
      await store.complete(first!.id, { state: 'release' });
      expect(await store.getFrontierEntry('http://a.test/1')).toMatchObject({ state: 'queued', attempts: 0 });
      // the second lease expires: another worker may take it
      const later = await store.claim({ host: 'a.test', limit: 5, now: now + 2000, owner: 'w2', leaseMs: 1000 });
      expect(later.map((c) => c.id).sort()).toEqual([first!.id, second!.id].sort());
      expect(await store.releaseLeases()).toBe(2);
      expect((await store.frontierCounts()).queued).toBe(2);
    });

    it('stores one record per canonical URL and a new version only when title or body change', async () => {
      const t0 = Date.now();
      const article = sampleArticle('http://a.test/2025/story.html');
      const first = await store.saveArticle({ article, sourceId: null, fetchedAt: t0, nextRecrawlAt: t0 + HOUR, etag: '"v1"' });
      expect(first).toMatchObject({ status: 'new', version: 1 });
      const same = await store.saveArticle({ article, sourceId: null, fetchedAt: t0 + 10, nextRecrawlAt: t0 + 2 * HOUR });
      expect(same).toMatchObject({ status: 'unchanged', version: 1, id: first.id });
      const changed = sampleArticle('http://a.test/2025/story.html', { title: 'A corrected title' });
      const second = await store.saveArticle({ article: changed, sourceId: null, fetchedAt: t0 + 20, nextRecrawlAt: t0 + HOUR, etag: '"v2"' });
      expect(second).toMatchObject({ status: 'updated', version: 2, id: first.id });

      expect(await store.countArticles()).toBe(1);
      const stored = await store.getArticle(first.id);
      expect(stored).toMatchObject({ version: 2, title: 'A corrected title', etag: '"v2"', firstSeenAt: t0, lastChangedAt: t0 + 20 });
      expect(stored?.record.title).toBe('A corrected title');
      expect((await store.getArticleByUrl('http://a.test/2025/story.html'))?.id).toBe(first.id);
      const versions = await store.listVersions(first.id);
      expect(versions.map((v) => [v.version, v.title])).toEqual([[1, article.title], [2, 'A corrected title']]);
      expect(versions[0]!.record.text).toBe(article.text);
    });

    it('links near-duplicate bodies across URLs into one group', async () => {
      const now = Date.now();
      const words = Array.from({ length: 400 }, (_, i) => `word${i % 97}x${i}`).join(' ');
      const wire = sampleArticle('http://a.test/wire.html', { text: words });
      const copy = sampleArticle('http://b.test/copy.html', { text: `${words} Reporting by the desk.` });
      const other = sampleArticle('http://c.test/other.html');
      const a = await store.saveArticle({ article: wire, sourceId: null, fetchedAt: now, nextRecrawlAt: now });
      const b = await store.saveArticle({ article: copy, sourceId: null, fetchedAt: now, nextRecrawlAt: now });
      const c = await store.saveArticle({ article: other, sourceId: null, fetchedAt: now, nextRecrawlAt: now });
      expect(a.dupGroup).toBeNull();
      expect(b.dupGroup).toBe(a.id);
      expect(c.dupGroup).toBeNull();
      expect(await store.nearDuplicates(a.id)).toEqual([b.id]);
      const stats = await store.stats();
      expect(stats).toMatchObject({ articles: 3, versions: 3, nearDuplicateGroups: 1, nearDuplicateArticles: 2 });
    });

    it('lists articles due for recrawl and reschedules checked ones', async () => {
      const now = Date.now();
      const a = await store.saveArticle({ article: sampleArticle('http://a.test/a'), sourceId: null, fetchedAt: now, nextRecrawlAt: now - 1, etag: '"a"' });
      await store.saveArticle({ article: sampleArticle('http://a.test/b'), sourceId: null, fetchedAt: now, nextRecrawlAt: now + HOUR });
      const due = await store.dueForRecrawl({ now, limit: 10 });
      expect(due.map((d) => d.id)).toEqual([a.id]);
      expect(due[0]).toMatchObject({ url: 'http://a.test/a', etag: '"a"', host: 'a.test' });
      expect(await store.dueForRecrawl({ now, limit: 10, all: true })).toHaveLength(2);
      await store.markChecked(a.id, { checkedAt: now + 5, nextRecrawlAt: now + HOUR, etag: '"a2"' });
      expect(await store.dueForRecrawl({ now, limit: 10 })).toEqual([]);
      expect(await store.getArticle(a.id)).toMatchObject({ etag: '"a2"', lastFetchedAt: now + 5, version: 1 });
    });

    it('counts fetches, frontier states and hosts in stats', async () => {
      const now = Date.now();
      const source = await store.upsertSource({ name: 'a.test', hosts: ['a.test'], startUrls: [] });
      await store.enqueue([{ url: 'http://a.test/x', host: 'a.test', sourceId: source.id, kind: 'page' }]);
      await store.logFetch({ url: 'http://a.test/x', host: 'a.test', kind: 'page', status: 200, bytes: 10, elapsedMs: 3, fetchedAt: now });
      await store.logFetch({ url: 'http://a.test/y', host: 'a.test', kind: 'page', status: 404, bytes: 0, elapsedMs: 1, fetchedAt: now });
      await store.logFetch({ url: 'http://a.test/z', host: 'a.test', kind: 'page', status: null, bytes: 0, elapsedMs: 1, fetchedAt: now + 1, errorCode: 'TIMEOUT', error: 'timed out' });
      await store.saveArticle({ article: sampleArticle('http://a.test/x'), sourceId: source.id, fetchedAt: now, nextRecrawlAt: now });
      const stats = await store.stats();
      expect(stats.fetches).toEqual({ '200': 1, '404': 1, error: 1 });
      expect(stats.frontier.queued).toBe(1);
      expect(stats.sources).toBe(1);
      expect(stats.hosts).toEqual([{ host: 'a.test', articles: 1, frontier: { queued: 1 }, fetches: 3, errors: 2, lastError: { status: null, code: 'TIMEOUT', error: 'timed out', at: now + 1 } }]);
      expect(await store.countArticles({ sourceIds: [source.id] })).toBe(1);
      expect(await store.countArticles({ sourceIds: [source.id + 1] })).toBe(0);
    });

    it('lists failed URLs with their last status, error code and time, by host', async () => {
      const now = Date.now();
      // due at `now` itself: by default an entry is due when it is enqueued, a millisecond or more after `now` (flaky on PostgreSQL)
      await store.enqueue([
        { url: 'http://a.test/gone', host: 'a.test', sourceId: null, kind: 'page', nextFetchAt: now },
        { url: 'http://b.test/slow', host: 'b.test', sourceId: null, kind: 'page', nextFetchAt: now },
        { url: 'http://b.test/fine', host: 'b.test', sourceId: null, kind: 'page', nextFetchAt: now },
      ]);
      const claimed = await store.claim({ host: 'a.test', limit: 5, owner: 'w', leaseMs: 60_000, now });
      const claimedB = await store.claim({ host: 'b.test', limit: 5, owner: 'w', leaseMs: 60_000, now });
      const byUrl = new Map([...claimed, ...claimedB].map((c) => [c.url, c.id]));
      await store.logFetch({ url: 'http://a.test/gone', host: 'a.test', kind: 'page', status: 410, bytes: 0, elapsedMs: 1, fetchedAt: now, errorCode: 'FETCH_STATUS', error: 'gone' });
      await store.complete(byUrl.get('http://a.test/gone')!, { state: 'failed', status: 410, error: 'gone' });
      await store.logFetch({ url: 'http://b.test/slow', host: 'b.test', kind: 'page', status: null, bytes: 0, elapsedMs: 1, fetchedAt: now, errorCode: 'TIMEOUT', error: 'timed out' });
      await store.complete(byUrl.get('http://b.test/slow')!, { state: 'retry', nextFetchAt: now + 60_000, status: null, error: 'timed out' });
      await store.complete(byUrl.get('http://b.test/fine')!, { state: 'done', status: 200 });
      const all = await store.failures();
      expect(all.map((f) => [f.url, f.state, f.status, f.code]).sort()).toEqual([
        ['http://a.test/gone', 'failed', 410, 'FETCH_STATUS'],
        ['http://b.test/slow', 'queued', null, 'TIMEOUT'],
      ]);
      expect((await store.failures({ host: 'a.test' })).map((f) => f.url)).toEqual(['http://a.test/gone']);
      expect(await store.failures({ host: 'c.test' })).toEqual([]);
    });

    it('removes a source, keeping its articles and frontier entries without it', async () => {
      const now = Date.now();
      const source = await store.upsertSource({ name: 'a.test', hosts: ['a.test'], startUrls: ['http://a.test/'] });
      await store.enqueue([{ url: 'http://a.test/x', host: 'a.test', sourceId: source.id, kind: 'page' }]);
      const saved = await store.saveArticle({ article: sampleArticle('http://a.test/x'), sourceId: source.id, fetchedAt: now, nextRecrawlAt: now });
      expect(await store.removeSource(source.id)).toBe(true);
      expect(await store.listSources()).toEqual([]);
      expect((await store.getArticle(saved.id))?.sourceId).toBeNull();
      expect((await store.getFrontierEntry('http://a.test/x'))?.sourceId).toBeNull();
      expect(await store.removeSource(source.id)).toBe(false);
    });

    it('tells when each host was last fetched', async () => {
      const now = Date.now();
      expect(await store.lastFetchByHost()).toEqual(new Map());
      await store.logFetch({ url: 'http://a.test/x', host: 'a.test', kind: 'page', status: 200, bytes: 10, elapsedMs: 3, fetchedAt: now });
      await store.logFetch({ url: 'http://a.test/y', host: 'a.test', kind: 'page', status: null, bytes: 0, elapsedMs: 1, fetchedAt: now + 7, errorCode: 'TIMEOUT' });
      await store.logFetch({ url: 'http://b.test/', host: 'b.test', kind: 'robots', status: 404, bytes: 0, elapsedMs: 1, fetchedAt: now + 2 });
      expect(await store.lastFetchByHost()).toEqual(new Map([['a.test', now + 7], ['b.test', now + 2]]));
    });

    it("finds a URL's newest WARC capture among an article's URLs", async () => {
      const now = Date.now();
      expect(await store.warcCapture(['http://a.test/story'])).toBeNull();
      await store.logFetch({ url: 'http://a.test/story?utm=x', host: 'a.test', kind: 'page', status: 200, bytes: 10, elapsedMs: 1, fetchedAt: now, warc: { file: '/w/one.warc.gz', offset: 0 } });
      await store.logFetch({ url: 'http://a.test/story', host: 'a.test', kind: 'recrawl', status: 200, bytes: 10, elapsedMs: 1, fetchedAt: now + 5, warc: { file: '/w/two.warc.gz', offset: 812 } });
      await store.logFetch({ url: 'http://a.test/story', host: 'a.test', kind: 'recrawl', status: 304, bytes: 0, elapsedMs: 1, fetchedAt: now + 9, notModified: true });
      expect(await store.warcCapture(['http://a.test/story?utm=x', 'http://a.test/story'])).toEqual({ url: 'http://a.test/story', file: '/w/two.warc.gz', offset: 812, fetchedAt: now + 5 });
      expect(await store.warcCapture(['http://a.test/story?utm=x'])).toMatchObject({ file: '/w/one.warc.gz', offset: 0 });
    });

    it('leases due polls to one worker, saves their schedule, and releases what a stopped worker held', async () => {
      const a = await store.upsertSource({ name: 'a.test', hosts: ['a.test'], startUrls: ['http://a.test/'] });
      const b = await store.upsertSource({ name: 'b.test', hosts: ['b.test'], startUrls: ['http://b.test/'] });
      const now = Date.now();
      // Sources never polled are due at once; a leased source is nobody else's until saved or released.
      const first = await store.claimPolls({ now, owner: 'w1', leaseMs: HOUR, limit: 10 });
      expect(first.map((p) => p.source.name).sort()).toEqual(['a.test', 'b.test']);
      expect(first[0]!.state).toMatchObject({ intervalMs: null, polls: 0, lastPollAt: null, validators: {} });
      expect(await store.claimPolls({ now, owner: 'w2', leaseMs: HOUR, limit: 10 })).toEqual([]);

      const saved = { sourceId: a.id, intervalMs: 5 * 60_000, nextPollAt: now + 5 * 60_000, lastPollAt: now, lastNewAt: now, lastFound: 3, polls: 1, validators: { 'http://a.test/rss': { etag: '"x1"' } } };
      await store.savePoll(saved, 'w1');
      expect(await store.releasePolls('w1')).toBe(1); // b.test's lease
      const again = await store.claimPolls({ now: now + 1000, owner: 'w2', leaseMs: HOUR, limit: 10 });
      expect(again.map((p) => p.source.id)).toEqual([b.id]);
      const later = await store.claimPolls({ now: now + 10 * 60_000, owner: 'w2', leaseMs: HOUR, limit: 10 });
      expect(later.map((p) => p.state)).toEqual([saved]);
      // A lease that ran out (a worker that died) is anyone's.
      expect(await store.claimPolls({ now: now + 2 * HOUR, owner: 'w3', leaseMs: HOUR, limit: 10 })).toHaveLength(2);
      expect((await store.pollStates()).map((p) => p.sourceId).sort()).toEqual([a.id, b.id].sort());
    });

    it('removes a source and its poll schedule, keeping its frontier entries', async () => {
      const a = await store.upsertSource({ name: 'a.test', hosts: ['a.test'], startUrls: ['http://a.test/'] });
      await store.enqueue([{ url: 'http://a.test/feed', host: 'a.test', sourceId: a.id, kind: 'feed' }]);
      await store.claimPolls({ now: Date.now(), owner: 'w1', leaseMs: HOUR, limit: 10 });
      expect(await store.removeSource(a.id)).toBe(true);
      expect(await store.removeSource(a.id)).toBe(false);
      expect(await store.listSources()).toEqual([]);
      expect(await store.pollStates()).toEqual([]);
      expect((await store.getFrontierEntry('http://a.test/feed'))?.sourceId).toBeNull();
    });

    it('stores what a crawl still finds of a source removed under it, without the source', async () => {
      const a = await store.upsertSource({ name: 'a.test', hosts: ['a.test'], startUrls: ['http://a.test/'] });
      await store.removeSource(a.id);
      expect(await store.enqueue([{ url: 'http://a.test/late', host: 'a.test', sourceId: a.id, kind: 'page' }])).toBe(1);
      expect((await store.getFrontierEntry('http://a.test/late'))?.sourceId).toBeNull();
      const article = sampleArticle('http://a.test/late');
      const saved = await store.saveArticle({ article, sourceId: a.id, fetchedAt: Date.now(), nextRecrawlAt: Date.now() + HOUR });
      expect(saved.status).toBe('new');
      expect((await store.getArticle(saved.id))?.sourceId).toBeNull();
    });

    it("lists a source's frontier entries by kind, state and depth", async () => {
      const a = await store.upsertSource({ name: 'a.test', hosts: ['a.test'], startUrls: ['http://a.test/'] });
      await store.enqueue([
        { url: 'http://a.test/sitemap.xml', host: 'a.test', sourceId: a.id, kind: 'sitemap', depth: 0 },
        { url: 'http://a.test/sitemap-1.xml', host: 'a.test', sourceId: a.id, kind: 'sitemap', depth: 1 },
        { url: 'http://a.test/rss', host: 'a.test', sourceId: a.id, kind: 'feed', depth: 1, state: 'done' },
        { url: 'http://b.test/rss', host: 'b.test', sourceId: null, kind: 'feed', depth: 0, state: 'done' },
        { url: 'http://a.test/story', host: 'a.test', sourceId: a.id, kind: 'page', depth: 1 },
      ]);
      const urls = async (filter: Parameters<Store['frontierEntries']>[0]): Promise<string[]> => (await store.frontierEntries(filter)).map((e) => e.url);
      expect(await urls({ sourceId: a.id, kinds: ['sitemap'], maxDepth: 0 })).toEqual(['http://a.test/sitemap.xml']);
      expect(await urls({ sourceId: a.id, kinds: ['feed', 'sitemap'], states: ['done'] })).toEqual(['http://a.test/rss']);
      expect(await urls({ kinds: ['feed'] })).toEqual(['http://b.test/rss', 'http://a.test/rss']);
      expect(await urls({ sourceId: a.id, limit: 2 })).toHaveLength(2);
    });
  });
}
