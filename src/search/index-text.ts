/**
 * What goes into the full-text index for one article: stems only, per column. The original
 * text stays in the article record; snippets are cut from it by re-tokenizing (see snippet.ts).
 */
import type { Article } from '../extract/types.js';
import { tokenize } from './tokenize.js';

/*
 * Columns and why:
 * - title: stems of the headline (weighted highest in ranking).
 * - body: stems of the description and the body text, in order, one per word, so phrase
 *   queries keep word order.
 * - meta: stems of authors, tags, section and site name (found by a bare word too).
 * - alt: the alternative stems of words with an ambiguous one-letter proclitic (see stem.ts);
 *   positions there mean nothing, so only single-word terms are matched against it.
 */
export interface IndexDocument {
  title: string;
  body: string;
  meta: string;
  alt: string;
}

export const INDEX_COLUMNS = ['title', 'body', 'meta', 'alt'] as const;

/** Builds the index columns of one article. */
export function buildIndexDocument(article: Article): IndexDocument {
  const alts: string[] = [];
  const stemsOf = (text: string): string => {
    const stems: string[] = [];
    for (const t of tokenize(text)) {
      stems.push(t.stem);
      alts.push(...t.alts);
    }
    return stems.join(' ');
  };
  const title = stemsOf(article.title ?? '');
  const body = stemsOf([article.description ?? '', article.text].filter((s) => s.length > 0).join('\n\n'));
  const meta = stemsOf([...article.authors, ...article.tags, article.section ?? '', article.site.name ?? ''].join(' \n '));
  return { title, body, meta, alt: alts.join(' ') };
}
