/** Builds a complete Article record for tests from the few fields a test cares about. */
import { articleId } from '../../src/extract/content-hash.js';
import type { Article } from '../../src/extract/types.js';

export type ArticleSeed = Partial<Omit<Article, 'site'>> & { url: string; site?: Partial<Article['site']> };

export function makeArticle(seed: ArticleSeed): Article {
  const text = seed.text ?? '';
  const host = new URL(seed.url).hostname;
  return {
    url: seed.url,
    canonicalUrl: seed.canonicalUrl ?? seed.url,
    id: seed.id ?? articleId(seed.canonicalUrl ?? seed.url),
    site: { name: seed.site?.name ?? host, domain: seed.site?.domain ?? host },
    title: seed.title ?? null,
    description: seed.description ?? null,
    authors: seed.authors ?? [],
    published: seed.published ?? null,
    modified: seed.modified ?? null,
    language: seed.language ?? null,
    direction: seed.direction ?? null,
    image: seed.image ?? null,
    section: seed.section ?? null,
    tags: seed.tags ?? [],
    blocks: seed.blocks ?? text.split(/\n\n+/).filter((p) => p.length > 0).map((p) => ({ type: 'paragraph' as const, text: p })),
    text,
    links: seed.links ?? { inBody: [], related: [] },
    wordCount: seed.wordCount ?? text.split(/\s+/).filter((w) => w.length > 0).length,
    contentHash: seed.contentHash ?? null,
    extraction: seed.extraction ?? { method: 'test', confidence: 1, trace: [] },
  };
}
