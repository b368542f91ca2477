/** Builds Article records for store tests without running the extractor. */
import { articleId, simhash } from '../../src/index.js';
import type { Article } from '../../src/index.js';

export function sampleArticle(url: string, options: { title?: string; text?: string } = {}): Article {
  const text = options.text ?? `Body of ${url}. ${'The council met on Tuesday to discuss the budget. '.repeat(20)}`;
  const paragraphs = text.split(/\n\n/);
  return {
    url,
    canonicalUrl: url,
    id: articleId(url),
    site: { name: 'Example', domain: new URL(url).host },
    title: options.title ?? `Title of ${url}`,
    description: null,
    authors: [],
    published: '2025-10-28T16:32:00+03:00',
    modified: null,
    language: 'en',
    direction: 'ltr',
    image: null,
    section: null,
    tags: [],
    blocks: paragraphs.map((paragraph) => ({ type: 'paragraph' as const, text: paragraph })),
    text,
    links: { inBody: [], related: [] },
    wordCount: text.split(/\s+/).length,
    contentHash: simhash(text),
    extraction: { method: 'test', confidence: 1, trace: [] },
  };
}
