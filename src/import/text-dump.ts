/**
 * Naive text dumps (the seed file's shape, and `marsad export -f text`): split into records at
 * their `date YYYY-MM-DD URL` header lines and repaired into article records by repairDump.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { articleId } from '../extract/content-hash.js';
import type { Article } from '../extract/types.js';
import { repairDump } from '../export/seed-repair.js';

const HEADER = /^\s*date\s+(\d{4}-\d{2}-\d{2}|unknown)\s+(\S+)\s*$/i;

/** Repairs one record; a `date unknown URL` header (an undated export) keeps its URL. */
export function repairRecord(text: string): Article {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim().length > 0);
  const header = first >= 0 ? HEADER.exec(lines[first]!) : null;
  if (header === null || header[1]!.toLowerCase() !== 'unknown') return repairDump(text);
  const url = header[2]!;
  const article = repairDump(lines.slice(first + 1).join('\n'));
  return { ...article, url, canonicalUrl: url, id: articleId(url) };
}

/** Reads a text dump line by line and yields one repaired article per record (one record in memory). */
export async function* readTextDumps(path: string, options: { onBytes?: (n: number) => void } = {}): AsyncGenerator<Article> {
  const file = createReadStream(path, { encoding: 'utf8' });
  let read = 0;
  file.on('data', (chunk) => {
    read += Buffer.byteLength(chunk);
    options.onBytes?.(read);
  });
  let record: string[] = [];
  for await (const line of createInterface({ input: file, crlfDelay: Infinity })) {
    if (HEADER.test(line) && record.some((l) => l.trim().length > 0)) {
      yield repairRecord(record.join('\n'));
      record = [];
    }
    record.push(line);
  }
  if (record.some((l) => l.trim().length > 0)) yield repairRecord(record.join('\n'));
}
