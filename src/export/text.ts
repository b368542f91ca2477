/**
 * Seed-style text export: for each article the header `date YYYY-MM-DD URL`, the title, then
 * each paragraph once (render-text.ts), records separated by a blank line.
 */
import type { Writable } from 'node:stream';
import { renderText } from './render-text.js';
import { wellFormed, writeChunk, type ExportRecord } from './sink.js';

export async function exportText(records: AsyncIterable<ExportRecord> | Iterable<ExportRecord>, stream: Writable): Promise<number> {
  let count = 0;
  for await (const record of records) {
    await writeChunk(stream, `${count > 0 ? '\n' : ''}${wellFormed(renderText(record))}`);
    count++;
  }
  return count;
}
