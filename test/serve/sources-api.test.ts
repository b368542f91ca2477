/**
 * Sources and crawls over real HTTP: the crawl status of the demo hosts, the write rules (403
 * without a token, 401 without the right bearer), the SSRF guard on added URLs, removing a
 * source, and a crawl of the loopback test site started through the API (with --allow-private
 * on a copy of the corpus), polled to the end while the server keeps answering.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSite } from '../site/server.mjs';
import { runCli } from '../cli/cli-helpers.js';
import { openStore } from '../../src/store/index.js';
import { copyDemoCorpus, demoCorpus, type DemoCorpus } from './demo-corpus.js';
import { serveStore, type TestServer } from './api-helpers.js';

const TOKEN = 'test-token-0123456789';
const bearer = (token = TOKEN) => ({ authorization: `Bearer ${token}` });
const postJson = (body: unknown, headers: Record<string, string> = bearer()): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

interface Crawl {
  id: string;
  sourceId: number;
  state: string;
  fetched: number;
  stored: number;
  error: string | null;
}
interface Sources {
  writes: boolean;
  totals: { articles: number; hosts: number; fetched: number };
  hosts: { host: string; articles: number; fetched: number; lastFetchAt: string | null; recentErrors: { url: string; at: string }[]; lastError: unknown }[];
  sources: { id: number; name: string; startUrls: string[] }[];
  crawls: Crawl[];
  workers: unknown[];
}

async function errorOf(res: Response): Promise<{ status: number; code: string; message: string }> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, ...body.error };
}

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-sources-api-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/v1/sources on the demo corpus (read-only server)', () => {
  let corpus: DemoCorpus;
  let server: TestServer;
  beforeAll(async () => {
    corpus = await demoCorpus();
    server = await serveStore(corpus.db);
  }, 300_000);
  afterAll(async () => server?.close());

  it('lists the demo hosts with the article counts marsad stats gives', async () => {
    const res = await server.get('/api/v1/sources');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Sources;
    const stats = JSON.parse((await runCli(['stats', '--db', corpus.db, '--json'])).stdout) as { articles: number; hosts: { host: string; articles: number; frontier: { done?: number } }[] };
    expect(body.writes).toBe(false);
    expect(body.totals.articles).toBe(stats.articles);
    expect(body.hosts.map((h) => [h.host, h.articles, h.fetched])).toEqual(stats.hosts.map((h) => [h.host, h.articles, h.frontier.done ?? 0]));
    expect(body.hosts.length).toBeGreaterThanOrEqual(3);
    for (const host of body.hosts.filter((h) => h.fetched > 0)) expect(host.lastFetchAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const withErrors = body.hosts.find((h) => h.recentErrors.length > 0);
    expect(withErrors, 'the hostile host has failed fetches').toBeDefined();
    expect(withErrors!.recentErrors.length).toBeLessThanOrEqual(5);
    expect(body.sources.length).toBe(3);
    expect(body.crawls).toEqual([]);
    expect(body.workers).toEqual([]); // one process owns a SQLite store: no workers to show
  });

  it('refuses every write with 403 WRITES_OFF, token or not', async () => {
    const attempts: [string, RequestInit][] = [
      ['/api/v1/sources', postJson({ url: 'https://news.example/' })],
      ['/api/v1/sources', postJson({ url: 'https://news.example/' }, {})],
      ['/api/v1/sources/1', { method: 'DELETE', headers: bearer() }],
      ['/api/v1/sources/1/crawl', { method: 'POST', headers: bearer() }],
    ];
    for (const [path, init] of attempts) {
      const error = await errorOf(await server.get(path, init));
      expect(error).toEqual({ status: 403, code: 'WRITES_OFF', message: 'writes are off: start marsad serve with --token or MARSAD_TOKEN' });
    }
    expect((await server.get('/api/v1/sources')).status).toBe(200);
  });
});

describe('writes with a token: bearer, the SSRF guard, removing a source', () => {
  let corpus: DemoCorpus;
  let server: TestServer;
  beforeAll(async () => {
    corpus = await copyDemoCorpus(tempDir());
    server = await serveStore(corpus.db, { token: TOKEN });
  }, 300_000);
  afterAll(async () => server?.close());

  it('needs the right bearer token (401 otherwise, before the body is even read)', async () => {
    for (const headers of [{}, bearer('wrong-token-0123456789'), { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` }, { authorization: 'Bearer' }, { authorization: `Bearer ${TOKEN}x` }]) {
      const res = await server.get('/api/v1/sources', postJson({ url: 'https://news.example/' }, headers));
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await errorOf(res)).code).toBe('UNAUTHORIZED');
    }
    expect((await server.get('/api/v1/sources', postJson({ nonsense: true }, {}))).status).toBe(401);
    expect((await server.get('/api/v1/sources/1', { method: 'DELETE' })).status).toBe(401);
    expect((await server.get('/api/v1/sources/1/crawl', { method: 'POST', headers: bearer('nope-nope-nope') })).status).toBe(401);
  });

  it('refuses loopback, private, link-local and metadata addresses, other schemes and credentials', async () => {
    const loopback = await errorOf(await server.get('/api/v1/sources', postJson({ url: `${server.url}/` })));
    expect(loopback.status).toBe(400);
    expect(loopback.code).toBe('ADDRESS_NOT_ALLOWED');
    expect(loopback.message).toContain('127.0.0.1, a loopback address; start the server with --allow-private to allow it');
    const refused: [string, string][] = [
      ['ftp://example.com/', 'INVALID_URL'],
      ['file:///etc/passwd', 'INVALID_URL'],
      ['http://user:pw@example.com/', 'INVALID_URL'],
      ['http://169.254.169.254/latest/meta-data/', 'ADDRESS_NOT_ALLOWED'],
      ['http://[::1]/', 'ADDRESS_NOT_ALLOWED'],
      ['http://localhost/', 'ADDRESS_NOT_ALLOWED'],
      ['http://0x7f000001/', 'ADDRESS_NOT_ALLOWED'],
      ['http://2130706433/', 'ADDRESS_NOT_ALLOWED'],
      ['http://10.1.2.3/', 'ADDRESS_NOT_ALLOWED'],
      ['http://[::ffff:169.254.169.254]/', 'ADDRESS_NOT_ALLOWED'],
      ['http://100.64.0.1/', 'ADDRESS_NOT_ALLOWED'],
      ['http://0.0.0.0:8080/', 'ADDRESS_NOT_ALLOWED'],
      ['not a url', 'INVALID_URL'],
    ];
    for (const [url, code] of refused) {
      const error = await errorOf(await server.get('/api/v1/sources', postJson({ url })));
      expect([error.status, error.code], url).toEqual([400, code]);
    }
    // Nothing was added.
    expect(((await (await server.get('/api/v1/sources')).json()) as Sources).sources.length).toBe(3);
  });

  it('refuses to crawl a CLI-added source whose start URL is private', async () => {
    const error = await errorOf(await server.get('/api/v1/sources/1/crawl', { method: 'POST', headers: bearer() }));
    expect([error.status, error.code]).toEqual([400, 'ADDRESS_NOT_ALLOWED']);
    expect((await server.get('/api/v1/sources/999/crawl', { method: 'POST', headers: bearer() })).status).toBe(404);
  });

  it('validates the body: maxArticles in 1..10000, url a string', async () => {
    for (const body of [{ url: 'https://example.com/', maxArticles: 0 }, { url: 'https://example.com/', maxArticles: 10_001 }, { url: 42 }, {}, { url: 'https://example.com/', crawl: 'yes' }]) {
      expect((await errorOf(await server.get('/api/v1/sources', postJson(body)))).status, JSON.stringify(body)).toBe(400);
    }
  });

  it('removes a source and keeps its articles; 404 for an unknown one', async () => {
    const before = (await (await server.get('/api/v1/sources')).json()) as Sources;
    const res = await server.get('/api/v1/sources/1', { method: 'DELETE', headers: bearer() });
    expect(res.status).toBe(204);
    const after = (await (await server.get('/api/v1/sources')).json()) as Sources;
    expect(after.sources.map((s) => s.id)).toEqual(before.sources.map((s) => s.id).filter((id) => id !== 1));
    expect(after.totals.articles).toBe(before.totals.articles);
    expect((await server.get(`/api/v1/articles/${corpus.revisedId}`)).status).toBe(200);
    expect((await server.get('/api/v1/sources/1', { method: 'DELETE', headers: bearer() })).status).toBe(404);
    expect((await server.get('/api/v1/sources/abc', { method: 'DELETE', headers: bearer() })).status).toBe(400);
    expect((await server.get('/api/v1/crawls/0123456789abcdef')).status).toBe(404);
    expect(server.errors).toEqual([]);
  });
});

const OTHER_HOST_URL = 'http://127.0.0.9:9/queued-by-the-cli';

describe('a crawl started through the API (--allow-private, loopback test site)', () => {
  let server: TestServer;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  const previousDelay = process.env.MARSAD_DELAY_MS;
  beforeAll(async () => {
    const corpus = await copyDemoCorpus(tempDir());
    // Work the operator queued from the command line for another host: an API crawl must leave it alone.
    const store = await openStore(corpus.db);
    await store.enqueue([{ url: OTHER_HOST_URL, host: new URL(OTHER_HOST_URL).host, sourceId: null, kind: 'page' }]);
    await store.close();
    // The crawl reads the CLI's configuration; no politeness delay against the local site.
    process.env.MARSAD_DELAY_MS = '0';
    site = await startTestSite({ crawlDelaySec: 0 });
    server = await serveStore(corpus.db, { token: TOKEN, allowPrivate: true });
  }, 300_000);
  afterAll(async () => {
    if (previousDelay === undefined) delete process.env.MARSAD_DELAY_MS;
    else process.env.MARSAD_DELAY_MS = previousDelay;
    await server?.close();
    await site?.close();
  });

  it('adds the source, crawls it to the end with progress, and its articles appear', async () => {
    const origin = site.origins[1]!;
    const res = await server.get('/api/v1/sources', postJson({ url: `${origin}/`, maxArticles: 100 }));
    expect(res.status).toBe(201);
    const added = (await res.json()) as { source: { id: number; name: string }; crawl: Crawl };
    expect(added.crawl.sourceId).toBe(added.source.id);
    expect(['queued', 'running']).toContain(added.crawl.state);

    // One crawl per source at a time.
    const again = await errorOf(await server.get(`/api/v1/sources/${added.source.id}/crawl`, { method: 'POST', headers: bearer() }));
    expect([again.status, again.code]).toEqual([409, 'CRAWL_RUNNING']);
    // Nor can a source be removed while it is crawled.
    const removing = await errorOf(await server.get(`/api/v1/sources/${added.source.id}`, { method: 'DELETE', headers: bearer() }));
    expect([removing.status, removing.code]).toEqual([409, 'CRAWL_RUNNING']);

    let crawl = added.crawl;
    const deadline = Date.now() + 120_000;
    while (crawl.state === 'queued' || crawl.state === 'running') {
      expect(Date.now()).toBeLessThan(deadline);
      // The server keeps answering reads while it crawls.
      expect((await server.get('/api/v1/health')).status).toBe(200);
      crawl = (await (await server.get(`/api/v1/crawls/${crawl.id}`)).json()) as Crawl;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(crawl.state, crawl.error ?? '').toBe('done');
    expect(crawl.fetched).toBeGreaterThan(0);
    expect(crawl.stored).toBeGreaterThanOrEqual(4);

    const sources = (await (await server.get('/api/v1/sources')).json()) as Sources;
    const host = sources.hosts.find((h) => h.host === new URL(origin).host);
    expect(host?.articles).toBeGreaterThanOrEqual(4);
    expect(sources.crawls.map((c) => c.id)).toContain(crawl.id);
    expect(sources.sources.map((s) => s.id)).toContain(added.source.id);

    // The other host's queued entry was not touched (the crawl stayed on its own site).
    const untouched = await server.store.getFrontierEntry(OTHER_HOST_URL);
    expect([untouched?.state, untouched?.attempts]).toEqual(['queued', 0]);

    // A second crawl of the same source may start once the first has ended.
    const next = await server.get(`/api/v1/sources/${added.source.id}/crawl`, { method: 'POST', headers: { ...bearer(), 'content-type': 'application/json' }, body: JSON.stringify({ maxArticles: 4 }) });
    expect(next.status).toBe(202);
    const second = ((await next.json()) as { crawl: Crawl }).crawl;
    for (let state = second.state; state === 'queued' || state === 'running'; ) {
      await new Promise((r) => setTimeout(r, 100));
      state = ((await (await server.get(`/api/v1/crawls/${second.id}`)).json()) as Crawl).state;
    }
    expect(server.errors).toEqual([]);
  }, 180_000);

  it('adds a source without crawling it when asked, and an unknown crawl is a 404', async () => {
    const res = await server.get('/api/v1/sources', postJson({ url: `${site.origins[2]!}/`, crawl: false }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { source: { id: number; startUrls: string[] }; crawl: Crawl | null };
    expect(body.crawl).toBeNull();
    expect(body.source.startUrls).toEqual([`${site.origins[2]!}/`]);
    expect((await server.get('/api/v1/crawls/ffffffffffffffff')).status).toBe(404);
  });
});
