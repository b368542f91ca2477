/**
 * CSV export: one row per article, flat columns (lists joined with "; "), RFC 4180 quoting,
 * valid UTF-8 whatever the input (lone surrogates become U+FFFD), optional BOM so that
 * spreadsheet programs read Arabic text as UTF-8.
 */
import type { Writable } from 'node:stream';
import { domainOf, wellFormed, writeChunk, type ExportRecord } from './sink.js';

export interface CsvExportOptions {
  /** Start with a UTF-8 byte order mark (Excel needs it to read UTF-8). */
  bom?: boolean;
  /**
   * Prefix cells that start with = + - @ with an apostrophe, so a spreadsheet never runs
   * them as formulas (CSV injection). Off by default: it changes the data.
   */
  guardFormulas?: boolean;
}

export const CSV_COLUMNS = [
  'id', 'url', 'canonical_url', 'site_name', 'site_domain', 'title', 'description', 'authors', 'published',
  'modified', 'language', 'direction', 'section', 'tags', 'image_url', 'word_count', 'content_hash', 'version', 'first_seen', 'last_fetched', 'text',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The flat row of one record, column by column. */
export function csvRow(record: ExportRecord): Record<CsvColumn, string> {
  return {
    id: record.id ?? '',
    url: record.url ?? '',
    canonical_url: record.canonicalUrl ?? '',
    site_name: record.site.name ?? '',
    site_domain: domainOf(record) ?? '',
    title: record.title ?? '',
    description: record.description ?? '',
    authors: record.authors.join('; '),
    published: record.published ?? '',
    modified: record.modified ?? '',
    language: record.language ?? '',
    direction: record.direction ?? '',
    section: record.section ?? '',
    tags: record.tags.join('; '),
    image_url: record.image?.url ?? '',
    word_count: String(record.wordCount),
    content_hash: record.contentHash ?? '',
    version: record.revision === undefined ? '' : String(record.revision.version),
    first_seen: record.crawled?.firstSeen ?? '',
    last_fetched: record.crawled?.lastFetched ?? '',
    text: record.text,
  };
}

export function csvCell(value: string, guardFormulas = false): string {
  let v = wellFormed(value);
  if (guardFormulas && /^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Writes a header and one row per record; returns the number of records. */
export async function exportCsv(
  records: AsyncIterable<ExportRecord> | Iterable<ExportRecord>,
  stream: Writable,
  options: CsvExportOptions = {},
): Promise<number> {
  const guard = options.guardFormulas ?? false;
  await writeChunk(stream, `${options.bom ? '\uFEFF' : ''}${CSV_COLUMNS.join(',')}\r\n`);
  let count = 0;
  for await (const record of records) {
    const row = csvRow(record);
    await writeChunk(stream, `${CSV_COLUMNS.map((c) => csvCell(row[c], guard)).join(',')}\r\n`);
    count++;
  }
  return count;
}
