/**
 * A Parquet file of many row groups, written through a slow stream (backpressure) in chunks,
 * read back whole by an independent reader: every row equal, the footer's statistics where
 * readers filter and nowhere else.
 */
import { Writable } from 'node:stream';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { exportParquet } from '../../src/export/parquet.js';
import type { ExportRecord } from '../../src/export/sink.js';
import { makeArticle } from '../search/make-article.js';

const WORDS = ['وزير', 'الحكومة', 'النفط', 'غزة', 'minister', 'election', 'oil', 'prices'];
const LETTERS = 'ابتثجحخدرزسشصضطعغفقكلمنهويabcdefghijklmnoprstuvwy';

/** Words of pseudo-random letters (a fixed linear congruential sequence): text that does not compress away. */
function randomWords(seed: number, count: number): string {
  let x = seed >>> 0;
  const next = (): number => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0);
  const words: string[] = [];
  for (let w = 0; w < count; w++) {
    let word = '';
    for (let k = 3 + (next() % 6); k > 0; k--) word += LETTERS[next() % LETTERS.length];
    words.push(word);
  }
  return words.join(' ');
}

function record(i: number): ExportRecord {
  // one body far larger than the writer's 1 MiB chunk, the others a few kilobytes
  const text = randomWords(i + 1, i === 137 ? 300_000 : 200 + ((i * 37) % 400));
  const article = makeArticle({
    url: `https://news${i % 7}.example/a/${i}`,
    title: `${WORDS[i % WORDS.length]} ${i}`,
    text,
    authors: i % 3 === 0 ? [] : [`author ${i % 5}`],
    tags: i % 2 === 0 ? ['a', `t${i % 4}`] : [],
    published: i % 10 === 0 ? null : new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
    language: i % 2 === 0 ? 'ar' : 'en',
  });
  return i % 4 === 0 ? { ...article, revision: { version: 1 + (i % 3), fetchedAt: '2025-01-01T00:00:00.000Z' } } : article;
}

/** A sink that accepts one small chunk at a time, asynchronously, so the writer must wait for 'drain'. */
function slowSink(): { stream: Writable; file: () => ArrayBuffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      setImmediate(callback);
    },
  });
  return { stream, file: () => new Uint8Array(Buffer.concat(chunks)).buffer };
}

describe('parquet export of many row groups', () => {
  it('streams row groups out and reads back whole and equal', async () => {
    const records = Array.from({ length: 1000 }, (_, i) => record(i));
    const sink = slowSink();
    async function* source(): AsyncGenerator<ExportRecord> {
      yield* records;
    }
    expect(await exportParquet(source(), sink.stream, { rowGroupRows: 40 })).toBe(1000);
    const file = sink.file();
    expect(file.byteLength).toBeGreaterThan(3 << 20);

    const metadata = parquetMetadata(file);
    expect(metadata.row_groups.length).toBe(25);
    const columns = (rg: number): Map<string, (typeof metadata.row_groups)[number]['columns'][number]> =>
      new Map(metadata.row_groups[rg]!.columns.map((c) => [c.meta_data!.path_in_schema.join('.'), c]));
    const first = columns(0);
    expect(first.get('published_utc')!.meta_data!.statistics?.min_value).toEqual(new Date(Date.UTC(2025, 0, 1) + 3_600_000));
    expect(first.get('id')!.meta_data!.statistics?.min_value).toBeDefined();
    expect(first.get('text')!.meta_data!.statistics).toBeUndefined();

    const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
    expect(rows.length).toBe(1000);
    for (const [i, row] of rows.entries()) {
      const r = records[i]!;
      expect(row.id).toBe(r.id);
      expect(row.url).toBe(r.url);
      expect(row.title).toBe(r.title);
      expect(row.text).toBe(r.text);
      expect(row.authors).toEqual(r.authors);
      expect(row.tags).toEqual(r.tags);
      expect(row.language).toBe(r.language);
      expect(row.word_count).toBe(r.wordCount);
      expect(row.version).toBe(r.revision?.version ?? null);
      expect(row.published_utc).toEqual(r.published === null ? null : new Date(r.published));
      expect(JSON.parse(row.blocks as string)).toEqual(r.blocks);
      expect(JSON.parse(row.extraction as string)).toEqual(r.extraction);
    }
  });

  it('writes a valid empty file when nothing is selected', async () => {
    const sink = slowSink();
    expect(await exportParquet([], sink.stream)).toBe(0);
    const file = sink.file();
    expect(await parquetReadObjects({ file })).toEqual([]);
  });
});
