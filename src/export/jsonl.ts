/** JSON Lines export: one full article record per line, lossless (see src/import/jsonl.ts). */
import type { Writable } from 'node:stream';
import { writeChunk, type ExportRecord } from './sink.js';

/** Writes each record as one line of JSON; returns the number of records. */
export async function exportJsonl(records: AsyncIterable<ExportRecord> | Iterable<ExportRecord>, stream: Writable): Promise<number> {
  let count = 0;
  // JSON.stringify escapes line breaks inside strings and lone surrogates (as \udXXX), so one record is one valid line.
  for await (const record of records) {
    await writeChunk(stream, `${JSON.stringify(record)}\n`);
    count++;
  }
  return count;
}
