/**
 * Markdown export: one file per article in a directory, YAML front matter (the record's
 * metadata) followed by the article rendered by render-markdown.ts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderMarkdown } from './render-markdown.js';
import { publishedDay } from './render-shared.js';
import { domainOf, wellFormed, type ExportRecord } from './sink.js';

/*
 * Front matter values are written as JSON, which YAML reads as flow scalars and sequences:
 * quotes, colons, newlines and RTL text need no YAML-specific escaping.
 */
export function frontMatter(record: ExportRecord): string {
  const fields: [string, unknown][] = [
    ['id', record.id],
    ['url', record.url],
    ['canonical_url', record.canonicalUrl],
    ['site', record.site.name],
    ['domain', domainOf(record)],
    ['title', record.title],
    ['description', record.description],
    ['authors', record.authors],
    ['published', record.published],
    ['modified', record.modified],
    ['language', record.language],
    ['direction', record.direction],
    ['section', record.section],
    ['tags', record.tags],
    ['image', record.image?.url ?? null],
    ['word_count', record.wordCount],
    ['version', record.revision?.version ?? null],
  ];
  const lines = fields
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${wellFormed(JSON.stringify(v))}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/** The file name of a record: its published day (or "undated"), its id, and its version. */
export function markdownFileName(record: ExportRecord): string {
  const day = publishedDay(record.published) ?? 'undated';
  const id = (record.id ?? 'no-id').replace(/[^A-Za-z0-9_-]/g, '_');
  return `${day}-${id}${record.revision ? `-v${record.revision.version}` : ''}.md`;
}

/** Writes one .md file per record into `dir` (created if needed); returns the number of files. */
export async function exportMarkdown(records: AsyncIterable<ExportRecord> | Iterable<ExportRecord>, dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  let count = 0;
  for await (const record of records) {
    const body = wellFormed(renderMarkdown(record));
    await writeFile(join(dir, markdownFileName(record)), `${frontMatter(record)}\n${body}`, 'utf8');
    count++;
  }
  return count;
}
