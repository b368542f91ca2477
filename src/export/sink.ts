/** Writing to a Node stream with backpressure: export memory stays flat however many records. */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Article } from '../extract/types.js';

/** One revision of an article, when an export carries the history (`--with-versions`). */
export interface Revision {
  version: number;
  /** When this version was fetched (ISO 8601). */
  fetchedAt: string;
}

/** When the store first saw the article and last fetched it (ISO 8601, UTC): a corpus's provenance. */
export interface Crawled {
  firstSeen: string;
  lastFetched: string;
}

/** What the exporters write: an article record, with its revision when exporting history, and when it was crawled. */
export type ExportRecord = Article & { revision?: Revision; crawled?: Crawled };

export async function writeChunk(stream: Writable, chunk: string | Uint8Array): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces lone UTF-16 surrogates (from invalid bytes upstream) with U+FFFD, so output is valid UTF-8. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** The record's domain: the site's, else its URL's host. */
export function domainOf(article: Article): string | null {
  if (article.site.domain) return article.site.domain;
  try {
    return new URL(article.canonicalUrl ?? article.url ?? '').hostname || null;
  } catch {
    return null;
  }
}
