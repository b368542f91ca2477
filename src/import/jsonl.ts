/**
 * JSON Lines reader for article records written by `marsad export` or `marsad extract`:
 * streamed line by line; a record read back equals the record written (lossless).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { MarsadError } from '../errors.js';
import type { Article } from '../extract/types.js';

/** One line is not an article record. */
export class ImportRecordError extends MarsadError {
  constructor(message: string, options: { subject?: string; cause?: unknown } = {}) {
    super('IMPORT_RECORD', message, options);
  }
}

const str = (v: unknown): v is string => typeof v === 'string';
const strOrNull = (v: unknown): boolean => v === null || v === undefined || typeof v === 'string';
const strArray = (v: unknown): boolean => v === undefined || (Array.isArray(v) && v.every(str));

/**
 * Checks a parsed value is an article record and fills the fields an older or foreign writer
 * may have left out. Keys that are not part of the record (`file` from a directory run,
 * `revision` from a history export, `crawled` from any export: the store sets its own) are
 * dropped; everything else is kept as it is.
 */
export function toArticle(value: unknown, subject?: string): Article {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ImportRecordError('not a JSON object', { subject });
  const v = value as Record<string, unknown>;
  if ('error' in v && !('text' in v)) throw new ImportRecordError(`an error record, not an article: ${JSON.stringify(v.error)}`, { subject });
  for (const key of ['url', 'canonicalUrl', 'id', 'title', 'description', 'published', 'modified', 'language', 'section', 'contentHash']) {
    if (!strOrNull(v[key])) throw new ImportRecordError(`"${key}" must be a string or null`, { subject });
  }
  if (!strArray(v.authors) || !strArray(v.tags)) throw new ImportRecordError('"authors" and "tags" must be lists of strings', { subject });
  if (v.text !== undefined && !str(v.text)) throw new ImportRecordError('"text" must be a string', { subject });
  if (!str(v.url) && !str(v.canonicalUrl)) throw new ImportRecordError('the record has no url', { subject });
  const { file: _file, revision: _revision, crawled: _crawled, ...rest } = v;
  const text = (v.text as string | undefined) ?? '';
  const site = (typeof v.site === 'object' && v.site !== null ? v.site : {}) as Partial<Article['site']>;
  return {
    url: null, canonicalUrl: null, id: null, title: null, description: null, authors: [], published: null, modified: null,
    language: null, direction: null, image: null, section: null, tags: [], blocks: [], links: { inBody: [], related: [] },
    wordCount: 0, contentHash: null, extraction: { method: 'import', confidence: 0, trace: [] },
    ...(rest as Partial<Article>),
    site: { name: site.name ?? null, domain: site.domain ?? null },
    text,
  };
}

export interface JsonlLine {
  line: number;
  article?: Article;
  error?: ImportRecordError;
}

/** Reads a .jsonl (or .jsonl.gz) file line by line; bad lines come back as errors, not exceptions. */
export async function* readJsonlFile(path: string, options: { onBytes?: (n: number) => void } = {}): AsyncGenerator<JsonlLine> {
  const file = createReadStream(path);
  let read = 0;
  file.on('data', (chunk) => {
    read += chunk.length;
    options.onBytes?.(read);
  });
  const input = /\.gz$/i.test(path) ? file.pipe(createGunzip()) : file;
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = raw.trim();
    if (line.length === 0) continue;
    const subject = `${path}:${n}`;
    try {
      yield { line: n, article: toArticle(JSON.parse(line), subject) };
    } catch (error) {
      yield { line: n, error: error instanceof ImportRecordError ? error : new ImportRecordError(`not valid JSON: ${(error as Error).message}`, { subject, cause: error }) };
    }
  }
}
