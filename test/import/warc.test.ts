/**
 * WARC import: files written by an independent writer (warcio), plain and gzip, and hostile
 * ones (truncated gzip, Content-Length that lies both ways, non-HTML payloads), into a real store.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/import-files.js';
import { readWarcFile } from '../../src/import/warc-reader.js';
import { readWarcPages } from '../../src/import/warc-pages.js';
import { search } from '../../src/search/search.js';
import { SqliteStore } from '../../src/store/index.js';

const enc = new TextEncoder();

function page(title: string, body: string, lang = 'ar'): string {
  const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>${body} — الفقرة ${i + 1} من نص المقال، الذي يشرح الخبر بالتفصيل للقراء، ويذكر ما قاله المسؤولون، وما ينتظره المراقبون في الأيام المقبلة، وما تعنيه الأرقام للأسواق.</p>`).join('');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
    <meta property="article:published_time" content="2025-10-28T16:32:00+03:00"></head>
    <body><article><h1>${title}</h1>${paragraphs}</article></body></html>`;
}

async function record(url: string, payload: string, options: { type?: string; contentType?: string; status?: string; gzip?: boolean } = {}): Promise<Uint8Array> {
  const type = options.type ?? 'response';
  const rec = WARCRecord.create(
    {
      url, date: '2025-10-28T17:00:00Z', type: type as 'response', warcVersion: 'WARC/1.1',
      ...(type === 'response' ? { httpHeaders: { 'Content-Type': options.contentType ?? 'text/html; charset=utf-8' }, statusline: options.status ?? 'HTTP/1.1 200 OK' } : {}),
    },
    (async function* () {
      yield enc.encode(payload);
    })(),
  );
  return WARCSerializer.serialize(rec, { gzip: options.gzip ?? false });
}

let dir: string;
const file = (name: string, parts: Uint8Array[]): string => {
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(parts));
  return path;
};

let plain: Uint8Array[];
let zipped: Uint8Array[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-warc-'));
  const make = async (gzip: boolean): Promise<Uint8Array[]> => [
    await record('https://sarabic.example/politics/2025/10/28/defence-meeting', page('وزير الدفاع يلتقي نظيره', 'التقى وزير الدفاع نظيره في موسكو'), { gzip }),
    await record('https://sarabic.example/style.css', 'body{}', { contentType: 'text/css', gzip }),
    await record('https://sarabic.example/economy/2025/10/28/oil-prices', page('أسعار النفط ترتفع', 'ارتفعت أسعار النفط في الأسواق'), { gzip }),
    await record('https://sarabic.example/missing', page('غير موجود', 'لا شيء'), { status: 'HTTP/1.1 404 Not Found', gzip }),
    await record('https://other.example/business/2025/10/28/oil-prices-rise', page('Oil prices rise', 'Oil prices rose in world markets today', 'en'), { gzip }),
    await record('https://sarabic.example/req', 'GET / HTTP/1.1\r\n\r\n', { type: 'request', gzip }),
  ];
  plain = await make(false);
  zipped = await make(true);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function urls(path: string, warnings: string[] = []): Promise<string[]> {
  const out: string[] = [];
  try {
    for await (const p of readWarcPages(path, { onAnomaly: (m) => warnings.push(m) })) out.push(p.url);
  } catch (error) {
    warnings.push((error as Error).message);
  }
  return out;
}

/** A home or section page: teasers linking to articles, no date, no body of its own. */
function listing(title: string): string {
  const teasers = Array.from({ length: 12 }, (_, i) => `<li><a href="/news/${i}">خبر رقم ${i + 1} عن الاقتصاد والسياسة في المنطقة</a><p>ملخص قصير للخبر رقم ${i + 1} يقرأه الزائر قبل أن يفتح المقال.</p></li>`).join('');
  return `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><ul>${teasers}</ul></body></html>`;
}

const HTML_URLS = ['https://sarabic.example/politics/2025/10/28/defence-meeting', 'https://sarabic.example/economy/2025/10/28/oil-prices', 'https://other.example/business/2025/10/28/oil-prices-rise'];

describe('WARC reader', () => {
  it('reads HTML responses from plain and gzipped WARC, skipping other records', async () => {
    expect(await urls(file('a.warc', plain))).toEqual(HTML_URLS);
    expect(await urls(file('a.warc.gz', zipped))).toEqual(HTML_URLS);
    expect(await urls(file('whole.warc.gz', [gzipSync(Buffer.concat(plain))]))).toEqual(HTML_URLS);
  });

  it('keeps the records before a truncated gzip member and says the file is cut', async () => {
    const all = Buffer.concat(zipped);
    const warnings: string[] = [];
    // cut in the middle of the fifth record's gzip member
    const cut = all.length - zipped[5]!.length - Math.floor(zipped[4]!.length / 2);
    const got = await urls(file('cut.warc.gz', [all.subarray(0, cut)]), warnings);
    expect(got).toEqual(HTML_URLS.slice(0, 2));
    expect(warnings.join('\n')).toMatch(/gzip stream is cut/);
  });

  it.each([['too long', 60], ['too short', -40]])('re-frames a record whose Content-Length is %s', async (_label, delta) => {
    const first = Buffer.from(plain[0]!).toString('latin1').replace(/Content-Length: (\d+)/, (_m, n: string) => `Content-Length: ${Number(n) + delta}`);
    const warnings: string[] = [];
    const got = await urls(file(`lie${delta}.warc`, [Buffer.from(first, 'latin1'), ...plain.slice(1)]), warnings);
    expect(got).toEqual(HTML_URLS);
    expect(warnings.join('\n')).toMatch(/Content-Length \d+ is wrong/);
  });

  it('survives garbage, an absurd length and an empty file', async () => {
    const absurd = Buffer.from(plain[0]!).toString('latin1').replace(/Content-Length: (\d+)/, 'Content-Length: 99999999999');
    expect(await urls(file('absurd.warc', [Buffer.from(absurd, 'latin1'), ...plain.slice(1)]))).toEqual(HTML_URLS.slice(1));
    expect(await urls(file('garbage.warc', [Buffer.from('not a warc at all\r\n\r\n'), ...plain]))).toEqual(HTML_URLS);
    expect(await urls(file('empty.warc', []))).toEqual([]);
    const records: string[] = [];
    for await (const r of readWarcFile(file('binary.warc', [Buffer.from([0, 1, 2, 255, 254])]))) records.push(r.type);
    expect(records).toEqual([]);
  });
});

describe('marsad import (WARC)', () => {
  it('extracts and stores every HTML page, idempotently, with filters before extraction', async () => {
    const store = new SqliteStore({ path: join(dir, 'import.db') });
    const path = file('import.warc.gz', zipped);
    const seen: number[] = [];
    const first = await importFiles(store, [path], { onProgress: (p) => seen.push(p.bytesRead) });
    expect(first.saved.new).toBe(3);
    expect(first.skipped.notHtml + first.skipped.status + first.skipped.notResponse).toBe(3);
    expect(seen.at(-1)).toBe(first.bytesTotal);
    const again = await importFiles(store, [path], { force: true });
    expect(again.saved).toEqual({ new: 0, updated: 0, unchanged: 3 });
    expect(await store.countArticles()).toBe(3);
    const hits = (await search(store, 'اسعار النفط')).hits;
    expect(hits.map((h) => h.url)).toEqual(['https://sarabic.example/economy/2025/10/28/oil-prices']);
    await store.close();

    const filtered = new SqliteStore({ path: join(dir, 'filtered.db') });
    const result = await importFiles(filtered, [path], { filters: { hosts: ['sarabic.example'], languages: ['ar'], since: '2025-01-01T00:00:00Z' } });
    expect(result.saved.new).toBe(2);
    expect(result.skipped.host).toBe(1);
    const none = await importFiles(filtered, [path], { force: true, filters: { since: '2026-01-01T00:00:00Z' } });
    expect(none.skipped.date).toBe(3);
    await filtered.close();
  });
});

describe('WARC import applies the crawler\'s article test', () => {
  it('stores the articles of a crawl capture, not its home page, section pages or feeds', async () => {
    const path = file('capture.warc.gz', [
      await record('https://sarabic.example/', listing('الصفحة الرئيسية'), { gzip: true }),
      await record('https://sarabic.example/section/economy', listing('اقتصاد'), { gzip: true }),
      await record('https://sarabic.example/feed.xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', { contentType: 'application/rss+xml', gzip: true }),
      await record('https://sarabic.example/news/2025/10/28/oil', page('أسعار النفط ترتفع', 'ارتفعت أسعار النفط في الأسواق'), { gzip: true }),
    ]);
    const store = new SqliteStore({ path: join(dir, 'capture.db') });
    try {
      const result = await importFiles(store, [path]);
      expect(result.saved.new).toBe(1);
      expect(result.skipped.notArticle).toBe(2);
      expect(result.skipped.notHtml).toBe(1);
      expect((await store.getArticleByUrl('https://sarabic.example/'))).toBeNull();
    } finally {
      await store.close();
    }
  });
});
