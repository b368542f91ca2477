/** Each export format written from a real store, and read back where a reader exists. */
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/extract/types.js';
import { exportCsv } from '../../src/export/csv.js';
import { exportJsonl } from '../../src/export/jsonl.js';
import { exportMarkdown } from '../../src/export/markdown.js';
import { exportParquet } from '../../src/export/parquet.js';
import { selectArticles } from '../../src/export/select.js';
import type { ExportRecord } from '../../src/export/sink.js';
import { exportText } from '../../src/export/text.js';
import { importFiles } from '../../src/import/import-files.js';
import { SqliteStore } from '../../src/store/index.js';
import { makeArticle } from '../search/make-article.js';

let dir: string;
let store: SqliteStore;
const articles: Article[] = [
  makeArticle({
    url: 'https://sarabic.example/2025/1', title: 'وزير الدفاع يلتقي نظيره في موسكو', description: 'لقاءٌ "رسمي", في موسكو',
    text: 'أعلنت وزارة الدفاع أن الوزير التقى نظيره.\n\nوقال: "يسرني رؤيتكم مجددا".', authors: ['سبوتنيك عربي', 'أحمد'],
    published: '2025-10-28T16:32:00+00:00', modified: '2025-10-28T16:46:00+00:00', language: 'ar', direction: 'rtl',
    section: 'سياسة', tags: ['روسيا', 'سوريا'], image: { url: 'https://cdn.example/1.jpg', caption: 'صورة' }, contentHash: '0123456789abcdef',
  }),
  makeArticle({ url: 'https://news.example.com/a?x=1', title: 'Commas, "quotes"\nand newlines', text: '=SUM(A1:A2) looks like a formula\r\nline two', language: 'en', published: null }),
  makeArticle({ url: 'https://news.example.com/broken', title: 'bad \uD800 surrogate', text: 'lone \uDC00 low', language: 'en', published: '2024-01-02' }),
];

async function toFile(path: string, write: (s: NodeJS.WritableStream & import('node:stream').Writable) => Promise<number>): Promise<number> {
  const stream = createWriteStream(path);
  const n = await write(stream);
  stream.end();
  await once(stream, 'close');
  return n;
}

async function all(): Promise<ExportRecord[]> {
  const out: ExportRecord[] = [];
  for await (const r of selectArticles(store)) out.push(r);
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-export-'));
  store = new SqliteStore({ path: join(dir, 'store.db') });
  for (const article of articles) await store.saveArticle({ article, sourceId: null, fetchedAt: 1_700_000_000_000, nextRecrawlAt: 0 });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('jsonl', () => {
  it('round-trips losslessly through export and import, and importing twice stores nothing twice', async () => {
    const file = join(dir, 'out.jsonl');
    expect(await toFile(file, (s) => exportJsonl(selectArticles(store), s))).toBe(3);
    const other = new SqliteStore({ path: join(dir, 'copy.db') });
    const first = await importFiles(other, [file]);
    expect(first.saved.new).toBe(3);
    const again = await importFiles(other, [file], { force: true });
    expect(again.saved).toEqual({ new: 0, updated: 0, unchanged: 3 });
    const resumed = await importFiles(other, [file]);
    expect(resumed.skipped.resumed).toBe(1);
    const copied: ExportRecord[] = [];
    for await (const r of selectArticles(other)) copied.push(r);
    // lossless for the article records; `crawled` is when each store saw them
    const record = ({ crawled: _crawled, ...rest }: ExportRecord) => rest;
    expect(copied.map(record)).toEqual((await all()).map(record));
    expect((await all())[0]!.crawled).toEqual({ firstSeen: new Date(1_700_000_000_000).toISOString(), lastFetched: new Date(1_700_000_000_000).toISOString() });
    expect(await other.countArticles()).toBe(3);
    await other.close();
  });

  it('exports the revision history with --with-versions', async () => {
    const changed = { ...articles[1]!, title: 'A new headline' };
    await store.saveArticle({ article: changed, sourceId: null, fetchedAt: 1_700_000_100_000, nextRecrawlAt: 0 });
    const records: ExportRecord[] = [];
    for await (const r of selectArticles(store, { withVersions: true })) records.push(r);
    const history = records.filter((r) => r.id === articles[1]!.id);
    expect(history.map((r) => [r.revision?.version, r.title])).toEqual([[1, articles[1]!.title], [2, 'A new headline']]);
    await store.saveArticle({ article: articles[1]!, sourceId: null, fetchedAt: 1_700_000_200_000, nextRecrawlAt: 0 });
  });

  it('pages through the store in batches of keys, whatever the batch size', async () => {
    const ids = async (options: Parameters<typeof selectArticles>[1]): Promise<(string | null)[]> => {
      const out: (string | null)[] = [];
      for await (const r of selectArticles(store, options)) out.push(r.id);
      return out;
    };
    const everything = (await all()).map((r) => r.id);
    expect(await ids({ batchSize: 1 })).toEqual(everything);
    expect(await ids({ batchSize: 2 })).toEqual(everything);
    expect(await ids({ batchSize: 1, withVersions: true })).toEqual(await ids({ withVersions: true }));
    expect(await ids({ batchSize: 1, query: 'lang:en' })).toEqual(await ids({ query: 'lang:en' }));
  });

  it('selects with search filters', async () => {
    const ids: string[] = [];
    for await (const r of selectArticles(store, { query: 'lang:ar' })) ids.push(r.id!);
    expect(ids).toEqual([articles[0]!.id]);
    const words: string[] = [];
    for await (const r of selectArticles(store, { query: 'formula' })) words.push(r.id!);
    expect(words).toEqual([articles[1]!.id]);
  });
});

/** A small RFC 4180 reader, for checking the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('csv', () => {
  it('writes flat columns with a BOM, quoting, and valid UTF-8 from invalid input', async () => {
    const file = join(dir, 'out.csv');
    await toFile(file, (s) => exportCsv(selectArticles(store), s, { bom: true }));
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    const [header, ...rows] = parseCsv(text);
    expect(header).toContain('title');
    const col = (name: string): number => header!.indexOf(name);
    expect(rows.length).toBe(3);
    expect(rows[0]![col('authors')]).toBe('سبوتنيك عربي; أحمد');
    expect(rows[1]![col('title')]).toBe('Commas, "quotes"\nand newlines');
    expect(rows[1]![col('text')]).toBe('=SUM(A1:A2) looks like a formula\r\nline two');
    expect(rows[2]![col('title')]).toBe('bad \uFFFD surrogate');
  });

  it('can guard cells against spreadsheet formulas', async () => {
    const file = join(dir, 'guarded.csv');
    await toFile(file, (s) => exportCsv(selectArticles(store), s, { guardFormulas: true }));
    expect(readFileSync(file, 'utf8')).toContain(`"'=SUM(A1:A2)`);
  });
});

describe('parquet', () => {
  it('is read back by an independent reader (hyparquet) with typed columns', async () => {
    const file = join(dir, 'out.parquet');
    await toFile(file, (s) => exportParquet(selectArticles(store), s, { rowGroupRows: 2 }));
    const bytes = readFileSync(file);
    const rows = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) })) as Record<string, unknown>[];
    const original = await all();
    expect(rows.length).toBe(3);
    for (const [i, row] of rows.entries()) {
      const a = original[i]!;
      expect(row.id).toBe(a.id);
      expect(row.title).toBe(a.title?.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
      expect(row.authors).toEqual(a.authors);
      expect(row.tags).toEqual(a.tags);
      expect(row.word_count).toBe(a.wordCount);
      // JSON columns escape a lone surrogate (\udc00), so they keep it exactly
      expect(JSON.parse(row.blocks as string)).toEqual(a.blocks);
    }
    expect(rows[0]!.published_utc).toEqual(new Date('2025-10-28T16:32:00Z'));
    expect(rows[1]!.published_utc).toBeNull();
  });
});

describe('markdown and text', () => {
  it('writes one Markdown file per article with front matter', async () => {
    const out = join(dir, 'md');
    expect(await exportMarkdown(selectArticles(store), out)).toBe(3);
    const files = readdirSync(out).sort();
    expect(files).toContain(`2025-10-28-${articles[0]!.id}.md`);
    expect(files).toContain(`undated-${articles[1]!.id}.md`);
    const md = readFileSync(join(out, `2025-10-28-${articles[0]!.id}.md`), 'utf8');
    expect(md.startsWith('---\nid: ')).toBe(true);
    expect(md).toContain('title: "وزير الدفاع يلتقي نظيره في موسكو"');
    expect(md).toContain('authors: ["سبوتنيك عربي","أحمد"]');
    expect(md).toContain('# وزير الدفاع يلتقي نظيره في موسكو');
  });

  it('writes seed-style text records, each field once', async () => {
    const file = join(dir, 'out.txt');
    await toFile(file, (s) => exportText(selectArticles(store), s));
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('date 2025-10-28 https://sarabic.example/2025/1\nوزير الدفاع يلتقي نظيره في موسكو\n')).toBe(true);
    expect(text.split('وزير الدفاع يلتقي نظيره في موسكو').length).toBe(2);
    expect(text).toContain('date unknown https://news.example.com/a?x=1');
  });
});
