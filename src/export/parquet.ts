/**
 * Parquet export through hyparquet-writer: typed columns (strings, int32, a UTC timestamp,
 * lists of strings), one row group per ROW_GROUP_ROWS articles, each flushed to the stream as
 * soon as it is encoded (parquet-stream.ts), so memory is bounded by one row group plus the
 * footer's description of each row group, whatever the corpus size.
 */
import type { Writable } from 'node:stream';
import { parquetWriteRows } from 'hyparquet-writer';
import { parquetStreamWriter } from './parquet-stream.js';
import { domainOf, wellFormed, type ExportRecord } from './sink.js';

export interface ParquetExportOptions {
  /** Articles per row group (default 1000: a few tens of MB of text at most). */
  rowGroupRows?: number;
}

type SchemaElement = Parameters<typeof parquetWriteRows>[0]['schema'] extends (infer T)[] | undefined ? T : never;

const text = (name: string, required = false): SchemaElement => ({
  name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: required ? 'REQUIRED' : 'OPTIONAL',
});
const textList = (name: string): SchemaElement[] => [
  { name, repetition_type: 'OPTIONAL', num_children: 1, converted_type: 'LIST' },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
];

/*
 * Columns: the record's scalar fields by name (snake_case), `published_utc` as a timestamp for
 * tools that filter by time (the `published` string keeps the page's own offset), lists as
 * LIST<STRING>, and the nested parts (blocks, links, extraction) as JSON strings.
 *
 * `stats`: min/max statistics, which readers use to skip row groups, only on the short columns
 * people filter by. hyparquet-writer keeps every row group's min and max values whole until it
 * writes the footer (it truncates them only there), so statistics on the text columns kept two
 * article bodies, two titles, two URLs… per row group for the whole export: memory that grew
 * with the corpus (about 35 KB per row group measured), for bounds no one filters by.
 */
const COLUMNS: { name: string; schema: SchemaElement[]; value: (r: ExportRecord) => unknown; stats?: true }[] = [
  { name: 'id', schema: [text('id')], value: (r) => r.id, stats: true },
  { name: 'url', schema: [text('url')], value: (r) => r.url },
  { name: 'canonical_url', schema: [text('canonical_url')], value: (r) => r.canonicalUrl },
  { name: 'site_name', schema: [text('site_name')], value: (r) => r.site.name },
  { name: 'site_domain', schema: [text('site_domain')], value: (r) => domainOf(r), stats: true },
  { name: 'title', schema: [text('title')], value: (r) => r.title },
  { name: 'description', schema: [text('description')], value: (r) => r.description },
  { name: 'authors', schema: textList('authors'), value: (r) => r.authors },
  { name: 'published', schema: [text('published')], value: (r) => r.published },
  {
    name: 'published_utc',
    schema: [{ name: 'published_utc', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'OPTIONAL' }],
    value: (r) => {
      const ms = r.published ? Date.parse(r.published) : Number.NaN;
      return Number.isFinite(ms) ? new Date(ms) : null;
    },
    stats: true,
  },
  { name: 'modified', schema: [text('modified')], value: (r) => r.modified },
  { name: 'language', schema: [text('language')], value: (r) => r.language, stats: true },
  { name: 'direction', schema: [text('direction')], value: (r) => r.direction, stats: true },
  { name: 'image_url', schema: [text('image_url')], value: (r) => r.image?.url ?? null },
  { name: 'image_caption', schema: [text('image_caption')], value: (r) => r.image?.caption ?? null },
  { name: 'section', schema: [text('section')], value: (r) => r.section, stats: true },
  { name: 'tags', schema: textList('tags'), value: (r) => r.tags },
  { name: 'text', schema: [text('text', true)], value: (r) => r.text },
  { name: 'blocks', schema: [text('blocks', true)], value: (r) => JSON.stringify(r.blocks) },
  { name: 'links', schema: [text('links', true)], value: (r) => JSON.stringify(r.links) },
  {
    name: 'word_count',
    schema: [{ name: 'word_count', type: 'INT32', repetition_type: 'REQUIRED' }],
    value: (r) => r.wordCount,
    stats: true,
  },
  { name: 'content_hash', schema: [text('content_hash')], value: (r) => r.contentHash, stats: true },
  { name: 'extraction', schema: [text('extraction', true)], value: (r) => JSON.stringify(r.extraction) },
  {
    name: 'version',
    schema: [{ name: 'version', type: 'INT32', repetition_type: 'OPTIONAL' }],
    value: (r) => r.revision?.version ?? null,
    stats: true,
  },
  { name: 'first_seen', schema: [timestamp('first_seen')], value: (r) => (r.crawled ? new Date(r.crawled.firstSeen) : null), stats: true },
  { name: 'last_fetched', schema: [timestamp('last_fetched')], value: (r) => (r.crawled ? new Date(r.crawled.lastFetched) : null), stats: true },
];

/** An optional UTC instant in milliseconds. */
function timestamp(name: string): SchemaElement {
  return { name, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'OPTIONAL' };
}

export const PARQUET_COLUMNS = COLUMNS.map((c) => c.name);

function toRow(record: ExportRecord): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const column of COLUMNS) {
    const v = column.value(record);
    row[column.name] = typeof v === 'string' ? wellFormed(v) : Array.isArray(v) ? v.map((s) => wellFormed(String(s))) : v;
  }
  return row;
}

/** Writes the records as one Parquet file to the stream; returns the number of records. */
export async function exportParquet(
  records: AsyncIterable<ExportRecord> | Iterable<ExportRecord>,
  stream: Writable,
  options: ParquetExportOptions = {},
): Promise<number> {
  let count = 0;
  async function* rows(): AsyncGenerator<Record<string, unknown>> {
    for await (const record of records) {
      count++;
      yield toRow(record);
    }
  }
  const schema: SchemaElement[] = [{ name: 'root', num_children: COLUMNS.length }, ...COLUMNS.flatMap((c) => c.schema)];
  await parquetWriteRows({
    writer: parquetStreamWriter(stream),
    rows: rows(),
    columns: COLUMNS.map((c) => ({ name: c.name, statistics: c.stats === true })),
    schema,
    rowGroupSize: Math.max(1, options.rowGroupRows ?? 1000),
    createdBy: 'marsad',
  });
  return count;
}
