/**
 * extractArticle(html, { url }) -> Article. Pure: no file system, network, clock or logging.
 * Order matters: metadata is read from the intact page first, then the body cleaning
 * prunes the tree, then the language is checked against the body text.
 */
import type { Article, Block, ExtractOptions } from './types.js';
import { ExtractLimitError } from '../errors.js';
import { parseHtml } from './dom/parse.js';
import { limitDepth } from './dom/limit-depth.js';
import { extractMetadata, resolveLanguage } from './metadata.js';
import { extractBody } from './body/extract-body.js';
import { guardInput } from './input-guard.js';
import { articleId, simhash } from './content-hash.js';

const WORD = /[\p{L}\p{N}]+/gu;

export function countWords(text: string): number {
  return (text.match(WORD) ?? []).length;
}

export function extractArticle(html: string, options: ExtractOptions = {}): Article {
  const started = performance.now();
  const budget = options.timeBudgetMs ?? 10_000;
  const checkBudget = (stage: string): void => {
    if (performance.now() - started > budget) {
      throw new ExtractLimitError(`extraction took longer than ${budget} ms (at ${stage}); raise timeBudgetMs for very large pages`, { subject: options.url });
    }
  };
  guardInput(html, { maxInputChars: options.maxInputChars, subject: options.url });
  const limited = limitDepth(html);
  const doc = parseHtml(limited.html);
  checkBudget('parse');
  const meta = extractMetadata(doc, { url: options.url, fetchedAt: options.fetchedAt });
  checkBudget('metadata');
  const body = extractBody(doc, {
    url: options.url, title: meta.title, structuredBody: meta.structuredBody, favor: options.favor ?? 'balanced',
    headlines: meta.headlines, description: meta.description,
  });
  checkBudget('body');
  const blocks: Block[] = body.blocks.map((b) => ({ type: b.type, text: b.text }));
  const text = blocks.map((b) => b.text).join('\n\n');
  const { language, direction } = resolveLanguage(meta, text);
  const relatedSet = new Set(meta.related);
  const inBody = [...new Set(body.blocks.flatMap((b) => b.links))].filter((l) => !relatedSet.has(l));
  const idSource = meta.canonicalUrl ?? options.url ?? null;
  return {
    url: options.url ?? null,
    canonicalUrl: meta.canonicalUrl,
    id: idSource ? articleId(idSource) : null,
    site: meta.site,
    title: meta.title,
    description: meta.description,
    authors: meta.authors,
    published: meta.published,
    modified: meta.modified,
    language,
    direction,
    image: meta.image,
    section: meta.section,
    tags: meta.tags,
    blocks,
    text,
    links: { inBody, related: meta.related },
    wordCount: countWords(text),
    contentHash: simhash(text),
    extraction: {
      method: body.method,
      confidence: body.confidence,
      trace: [
        ...(limited.dropped > 0 ? [{ step: 'parse.depth', reason: `dropped ${limited.dropped} tags nested deeper than the parser's safe depth` }] : []),
        ...meta.trace,
        ...body.trace,
      ],
      dates: meta.dates,
      ...(body.emptyReason ? { emptyReason: body.emptyReason } : {}),
    },
  };
}
