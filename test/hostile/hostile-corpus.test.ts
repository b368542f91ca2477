/**
 * Every entry of the hostile corpus (corpus.ts) through the three ways marsad reads pages:
 * `extract` (bytes → record), `import` (a WARC holding them all, plus records whose lengths
 * lie) and the crawler's fetch-and-parse path (a loopback server serving them). No crash, no
 * hang past the time budget: a typed error, or a record (an empty one says why).
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarsadError, extractArticle } from '../../src/index.js';
import { pageBytesToHtml } from '../../src/pipeline/read-page.js';
import { importFiles } from '../../src/import/import-files.js';
import { SqliteStore } from '../../src/store/index.js';
import { ensureBuilt, runCli } from '../cli/cli-helpers.js';
import { hostileCorpus, type HostileEntry } from './corpus.js';

const corpus = hostileCorpus();
const pages = corpus.filter((e) => e.kind === 'page');
let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'marsad-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extract', () => {
  for (const entry of pages) {
    it(`${entry.name}: a record or a typed error, within the time budget`, () => {
      const started = performance.now();
      let outcome: 'record' | 'error';
      try {
        const article = extractArticle(pageBytesToHtml(entry.bytes, { subject: entry.name }).text, { url: 'https://example.com/news/1', timeBudgetMs: 10_000 });
        outcome = 'record';
        if (article.blocks.length === 0) expect(article.extraction.emptyReason).toMatch(/\S/);
        expect(JSON.stringify(article).length).toBeLessThan(30 * 1024 * 1024);
      } catch (error) {
        expect(error, String(error)).toBeInstanceOf(MarsadError);
        outcome = 'error';
      }
      expect(['record', 'error']).toContain(outcome);
      // twice the budget plus a second is the page pool's own kill deadline
      expect(performance.now() - started).toBeLessThan(21_000);
    }, 60_000);
  }
  it('reads the Arabic of a windows-1256 page mislabelled as UTF-8', () => {
    const entry = pages.find((e) => e.name === 'mislabelled-1256.html')!;
    expect(extractArticle(pageBytesToHtml(entry.bytes).text).text).toContain('وزير الخارجية');
  });
});

async function warcRecord(entry: HostileEntry): Promise<Uint8Array> {
  const headers: Record<string, string> = { 'Content-Type': entry.contentType };
  if (entry.gzip) headers['Content-Encoding'] = 'gzip';
  const record = WARCRecord.create(
    { url: `https://example.com/h/${entry.name}`, date: '2025-10-28T17:00:00Z', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: headers, statusline: 'HTTP/1.1 200 OK' },
    (async function* () {
      yield entry.bytes;
    })(),
  );
  return WARCSerializer.serialize(record, { gzip: false });
}

describe('import', () => {
  it('reads a WARC of every hostile page and records whose lengths lie, reporting problems and going on', async () => {
    const parts: Uint8Array[] = [];
    for (const entry of corpus) parts.push(await warcRecord(entry));
    const good = await warcRecord({ name: 'after-the-liars.html', bytes: Buffer.from('<html><body><p>x</p></body></html>'), contentType: 'text/html', kind: 'page' });
    // a record that claims more bytes than it has, then one that claims fewer
    const text = Buffer.from(good).toString('latin1');
    parts.push(Buffer.from(text.replace(/Content-Length: (\d+)/, (_m, n: string) => `Content-Length: ${Number(n) + 5000}`), 'latin1'));
    parts.push(Buffer.from(text.replace(/Content-Length: (\d+)/, (_m, n: string) => `Content-Length: ${Math.max(0, Number(n) - 40)}`), 'latin1'));
    const warc = join(dir, 'hostile.warc');
    writeFileSync(warc, Buffer.concat(parts));
    const jsonl = join(dir, 'hostile.jsonl');
    writeFileSync(jsonl, ['{"url": "https://example.com/x", "title": 1}', 'not json', '[]', '{"text": "no url"}', `{"url": "https://example.com/${'a'.repeat(100_000)}", "title": "t", "text": "${'x'.repeat(1000)}"}`].join('\n'));
    const store = new SqliteStore({ path: join(dir, 'import.db') });
    const warnings: string[] = [];
    try {
      const result = await importFiles(store, [warc, jsonl], { onWarning: (m) => warnings.push(m), timeBudgetMs: 10_000 });
      expect(result.filesDone).toBe(2);
      expect(result.records).toBeGreaterThan(pages.length);
      expect(warnings.length).toBeGreaterThan(0);
      expect(warnings.join('\n')).not.toMatch(/at .*\.js:\d+/); // messages, not stack traces
    } finally {
      await store.close();
    }
  }, 180_000);
});

describe('the crawler', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      const entry = corpus.find((e) => path === `/h/${e.name}`);
      if (entry) {
        res.writeHead(200, { 'content-type': entry.contentType, ...(entry.gzip ? { 'content-encoding': 'gzip' } : {}) });
        res.end(entry.bytes);
        return;
      }
      if (path === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`User-agent: *\nAllow: /\nSitemap: ${origin}/sitemap.xml\nSitemap: ${origin}/h/laughs-sitemap.xml\n`);
        return;
      }
      if (path === '/sitemap.xml') {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${pages.map((p) => `<url><loc>${origin}/h/${p.name}</loc></url>`).join('')}</urlset>`);
        return;
      }
      if (path === '/') {
        const feeds = corpus.filter((e) => e.kind === 'feed').map((f) => `<link rel="alternate" type="application/rss+xml" href="/h/${f.name}">`).join('');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<html><head>${feeds}</head><body>${pages.map((p) => `<a href="/h/${p.name}">${p.name}</a>`).join(' ')}</body></html>`);
        return;
      }
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('crawls a site serving every hostile entry to the end, with typed errors and no crash', async () => {
    const db = join(dir, 'crawl.db');
    const run = await runCli(['crawl', origin, '--db', db, '--delay-ms', '0', '--json', '--log-format', 'json'], { timeoutMs: 240_000, env: { MARSAD_MAX_ATTEMPTS: '1' } });
    expect([0, 1], run.stderr.slice(-2000)).toContain(run.code);
    expect(run.stderr).not.toMatch(/unexpected error|RangeError|Maximum call stack|out of memory/i);
    const summary = JSON.parse(run.stdout) as { stoppedBy: string; fetched: number; frontier: Record<string, number> };
    expect(summary.stoppedBy).toBe('done');
    expect(summary.fetched).toBeGreaterThan(pages.length / 2);
    expect(summary.frontier.queued).toBe(0);
    expect(summary.frontier.fetching).toBe(0);
  }, 300_000);
});
