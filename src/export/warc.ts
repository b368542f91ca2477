/**
 * WARC export: the archived HTTP responses of the selected articles, copied from the crawl's
 * WARC files (one gzip member per record). Articles that were never archived are counted, not
 * invented: the store keeps extracted records, not raw responses.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { readWarcFile } from '../import/warc-reader.js';
import { writeChunk, type ExportRecord } from './sink.js';

export interface WarcExportResult {
  /** Response records written. */
  records: number;
  /** Selected articles with no archived response. */
  missing: number;
}

async function warcFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await warcFiles(path)));
    else if (/\.warc(\.gz)?$/i.test(entry.name)) out.push(path);
  }
  return out;
}

/** Writes the archived responses of the records' URLs (url or canonical URL) found under `warcDir`. */
export async function exportWarc(
  records: AsyncIterable<ExportRecord> | Iterable<ExportRecord>,
  warcDir: string,
  stream: Writable,
  options: { onWarning?: (message: string) => void } = {},
): Promise<WarcExportResult> {
  // URL → article id; only the set of selected URLs is held in memory, never the records.
  const wanted = new Map<string, string>();
  const found = new Set<string>();
  for await (const r of records) {
    for (const u of [r.url, r.canonicalUrl]) if (u) wanted.set(u, r.id ?? u);
  }
  const ids = new Set(wanted.values());
  let written = 0;
  for (const file of await warcFiles(warcDir)) {
    try {
      for await (const rec of readWarcFile(file, { onAnomaly: (m) => options.onWarning?.(`${file}: ${m}`) })) {
        if (rec.type !== 'response' || rec.targetUri === null) continue;
        const id = wanted.get(rec.targetUri) ?? wanted.get(rec.headers.get('warc-marsad-requested-url') ?? '');
        if (id === undefined) continue;
        found.add(id);
        await writeChunk(stream, gzipSync(Buffer.concat([rec.rawHeader, rec.block, Buffer.from('\r\n\r\n')])));
        written++;
      }
    } catch (error) {
      options.onWarning?.(`${file}: ${(error as Error).message}`);
    }
  }
  return { records: written, missing: [...ids].filter((id) => !found.has(id)).length };
}
