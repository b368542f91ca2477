/**
 * GET /api/v1/export over real HTTP on the demo corpus: each format downloads every match of the
 * query (as many records as search counts), with the right headers, and a Parquet file a
 * reader can open; bad formats and dates are 400s before any byte is sent. And the streaming
 * adapter: the store is read only as fast as the client reads, and stops when it leaves.
 */
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/export/csv.js';
import type { ExportRecord } from '../../src/export/sink.js';
import { exportToWebStream } from '../../src/export/web-stream.js';
import { sampleArticle } from '../store/sample-article.js';
import { demoCorpus, type DemoCorpus } from './demo-corpus.js';
import { serveStore, type TestServer } from './api-helpers.js';

let corpus: DemoCorpus;
let server: TestServer;

beforeAll(async () => {
  corpus = await demoCorpus();
  server = await serveStore(corpus.db);
}, 300_000);
afterAll(async () => server?.close());

/** Ids of every search hit for the parameters (the demo corpus fits in one page of 100). */
async function searchIds(params: string): Promise<{ total: number; ids: string[] }> {
  const body = (await (await server.get(`/api/v1/search?${params}&limit=100&facets=false`)).json()) as { total: number; hits: { id: string }[] };
  expect(body.total).toBeLessThanOrEqual(100);
  return { total: body.total, ids: body.hits.map((h) => h.id) };
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field.length > 0 || row.length > 0) rows.push([...row, field]);
  return rows;
}

const ARABIC_QUERY = 'lang:ar';

describe('GET /api/v1/export', () => {
  it('streams JSONL: one record per match of the query, as an attachment', async () => {
    const expected = await searchIds(`q=${encodeURIComponent(ARABIC_QUERY)}`);
    expect(expected.total).toBeGreaterThan(1);
    const res = await server.get(`/api/v1/export?format=jsonl&q=${encodeURIComponent(ARABIC_QUERY)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="marsad-\d{4}-\d{2}-\d{2}\.jsonl"$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const lines = (await res.text()).split('\n').filter((l) => l.length > 0);
    expect(lines.length).toBe(expected.total);
    const records = lines.map((l) => JSON.parse(l) as { id: string; language: string; text: string });
    expect(records.map((r) => r.id).sort()).toEqual([...expected.ids].sort());
    for (const r of records) expect(r.language.startsWith('ar')).toBe(true);
  });

  it('exports every article when there is no query, and applies the filter parameters', async () => {
    const all = (await (await server.get('/api/v1/export?format=jsonl')).text()).split('\n').filter((l) => l.length > 0);
    expect(all.length).toBe(corpus.articles);
    const sites = (await (await server.get('/api/v1/search?limit=1')).json()) as { facets: { site: { value: string; count: number }[] } };
    const site = sites.facets.site[0]!;
    const one = (await (await server.get(`/api/v1/export?format=jsonl&site=${site.value}`)).text()).split('\n').filter((l) => l.length > 0);
    expect(one.length).toBe(site.count);
  });

  it('streams CSV with the CLI columns, one row per match, Arabic intact', async () => {
    const expected = await searchIds(`q=${encodeURIComponent(ARABIC_QUERY)}`);
    const res = await server.get(`/api/v1/export?format=csv&q=${encodeURIComponent(ARABIC_QUERY)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/filename="marsad-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const body = rows.slice(1);
    expect(body.length).toBe(expected.total);
    const id = CSV_COLUMNS.indexOf('id');
    const title = CSV_COLUMNS.indexOf('title');
    expect(body.map((r) => r[id]).sort()).toEqual([...expected.ids].sort());
    for (const r of body) expect(r[title]).toMatch(/[\u0600-\u06FF]/);
  });

  it('streams a Parquet file that a reader opens, with one row per match', async () => {
    const expected = await searchIds(`q=${encodeURIComponent(ARABIC_QUERY)}`);
    const res = await server.get(`/api/v1/export?format=parquet&q=${encodeURIComponent(ARABIC_QUERY)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    expect(res.headers.get('content-disposition')).toMatch(/filename="marsad-\d{4}-\d{2}-\d{2}\.parquet"/);
    const file = await res.arrayBuffer();
    const rows = (await parquetReadObjects({ file, columns: ['id', 'title', 'language'] })) as { id: string; title: string; language: string }[];
    expect(rows.length).toBe(expected.total);
    expect(rows.map((r) => r.id).sort()).toEqual([...expected.ids].sort());
    for (const r of rows) expect(r.language.startsWith('ar')).toBe(true);
  });

  it('answers an unknown or missing format with a 400 naming the formats, and a bad date with a 400', async () => {
    for (const params of ['format=xlsx', 'format=markdown', '', 'format=jsonl&after=2025-13', `format=csv&q=${encodeURIComponent('after:nope')}`]) {
      const res = await server.get(`/api/v1/export?${params}`);
      expect(res.status, params).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/json');
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('BAD_REQUEST');
      if (!params.includes('after')) for (const f of ['jsonl', 'csv', 'parquet']) expect(body.error.message, params).toContain(f);
    }
  });

  it('survives a client that stops reading halfway', async () => {
    const controller = new AbortController();
    const res = await server.get('/api/v1/export?format=jsonl', { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.cancel().catch(() => {});
    const health = await server.get('/api/v1/health');
    expect(health.status).toBe(200);
    expect(server.errors).toEqual([]);
  });

  it('is described in the OpenAPI document with its three content types', async () => {
    const doc = (await (await server.get('/api/v1/openapi.json')).json()) as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, unknown> }> } }> };
    expect(Object.keys(doc.paths['/api/v1/export']!.get.responses['200']!.content).sort()).toEqual(['application/vnd.apache.parquet', 'application/x-ndjson', 'text/csv']);
  });
});

describe('exportToWebStream', () => {
  /** An endless supply of records that counts how many were read and whether reading was stopped. */
  function endless(): { records: AsyncGenerator<ExportRecord>; read: () => number; stopped: () => boolean } {
    let read = 0;
    let stopped = false;
    async function* gen(): AsyncGenerator<ExportRecord> {
      try {
        for (;;) {
          read++;
          yield sampleArticle(`https://news.example/${read}`);
        }
      } finally {
        stopped = true;
      }
    }
    return { records: gen(), read: () => read, stopped: () => stopped };
  }

  const settle = () => new Promise((r) => setTimeout(r, 50));

  for (const format of ['jsonl', 'csv', 'parquet'] as const) {
    it(`reads the records only as fast as the client reads (${format}), and stops when it cancels`, async () => {
      const source = endless();
      const stream = exportToWebStream(source.records, format);
      const reader = stream.getReader();
      await settle();
      // each record is about 2.5 KB: with nobody reading, the buffers (a few hundred KB, a row group of 1,000 for parquet) stop the export
      const unread = source.read();
      expect(unread).toBeGreaterThan(0);
      expect(unread).toBeLessThan(format === 'parquet' ? 2_500 : 500);
      await settle();
      expect(source.read()).toBe(unread);
      let bytes = 0;
      while (bytes < 2_000_000) bytes += (await reader.read()).value!.byteLength;
      await settle();
      const resumed = source.read();
      expect(resumed).toBeGreaterThan(unread);
      // and, the client pausing again, it waits again
      await settle();
      expect(source.read()).toBe(resumed);
      await reader.cancel();
      await settle();
      expect(source.stopped()).toBe(true);
    });
  }
});
