/** GET /api/v1/search: hits with snippets as text segments, paging, order, and facet counts over the whole match set. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { facetCounts, type FacetCounts } from '../../search/facet-counts.js';
import { directionOf, MATCH_CLOSE, MATCH_OPEN, snippetSegments } from '../../search/hit-parts.js';
import { search } from '../../search/search.js';
import type { ServeContext } from '../context.js';
import { filtersOfParams, QueryAndFilterParams } from '../query-params.js';
import { errorResponses } from '../schemas.js';

const SearchParams = QueryAndFilterParams.extend({
  order: z.enum(['relevance', 'newest']).optional().openapi({ description: 'relevance (default when the query has words) or newest (published date).' }),
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: 'Hits per page, 1 to 100.', example: 20 }),
  page: z.coerce.number().int().min(1).max(10_000).default(1).openapi({ description: 'Page number from 1; hits skipped = (page - 1) × limit.', example: 1 }),
  facets: z.enum(['true', 'false', '1', '0']).default('true').openapi({ description: 'Count sites, languages and sections over the whole match set (default true).' }),
});

export const SnippetSegmentSchema = z.object({ text: z.string(), match: z.boolean().openapi({ description: 'True for a word the query matched (show it highlighted).' }) }).openapi('SnippetSegment');

export const SearchHitSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    title: z.string().nullable(),
    published: z.string().nullable().openapi({ description: 'As the page states it (ISO 8601 with its offset).' }),
    site: z.string().openapi({ description: 'The host name.' }),
    siteName: z.string().nullable(),
    language: z.string().nullable(),
    direction: z.enum(['rtl', 'ltr']).openapi({ description: "The direction of the article's text: set it on every element showing its title or snippet." }),
    snippet: z.array(SnippetSegmentSchema).openapi({ description: 'Plain text in segments, never markup: the passage around the matched words, or the lead.' }),
    score: z.number().openapi({ description: 'Relevance, higher is better; 0 in newest-first listings.' }),
  })
  .openapi('SearchHit');

export const FacetCountSchema = z.object({ value: z.string(), count: z.number().int().nonnegative() }).openapi('FacetCount');

export const SearchResultSchema = z
  .object({
    query: z.string(),
    total: z.number().int().nonnegative().openapi({ description: 'Matches in all; a lower bound when totalExact is false (then the newest 20,000 are ranked and counted).' }),
    totalExact: z.boolean(),
    page: z.number().int().positive(),
    limit: z.number().int().positive(),
    notice: z.string().nullable().openapi({ description: 'Why nothing was searched (a query of only common words), else null.' }),
    hits: z.array(SearchHitSchema),
    facets: z
      .object({ site: z.array(FacetCountSchema), language: z.array(FacetCountSchema), section: z.array(FacetCountSchema) })
      .openapi({ description: 'Top 20 values of each facet over the same matches as total, most frequent first; empty when facets=false.' }),
  })
  .openapi('SearchResult');

const example: z.infer<typeof SearchResultSchema> = {
  query: 'وزير الخارجيه',
  total: 2,
  totalExact: true,
  page: 1,
  limit: 20,
  notice: null,
  hits: [
    {
      id: '3f2a9c0d1e5b7a64',
      url: 'https://news.example/2025/10/28/وزير-الخارجية',
      title: 'وزير الخارجية يلتقي نظيره الأردني',
      published: '2025-10-28T16:32:00+03:00',
      site: 'news.example',
      siteName: 'أخبار',
      language: 'ar',
      direction: 'rtl',
      snippet: [
        { text: 'التقى ', match: false },
        { text: 'وزيرُ الخارجية', match: true },
        { text: ' نظيره الأردني في عمّان…', match: false },
      ],
      score: 12.5,
    },
  ],
  facets: { site: [{ value: 'news.example', count: 2 }], language: [{ value: 'ar', count: 2 }], section: [{ value: 'سياسة', count: 2 }] },
};

const route = createRoute({
  method: 'get',
  path: '/api/v1/search',
  tags: ['search'],
  summary: 'Search the corpus',
  description:
    'Full-text search with the CLI\'s query syntax and filters (Arabic-aware: hamza, ta marbuta, alef maqsura, diacritics and tatweel do not matter). Returns one page of hits with plain-text snippet segments and, for the whole match set, counts by site, language and section. A bad date or an unreadable filter is a 400.',
  request: { query: SearchParams },
  responses: {
    200: { description: 'One page of hits.', content: { 'application/json': { schema: SearchResultSchema, example } } },
    ...errorResponses,
  },
});

export function registerSearchRoutes(app: OpenAPIHono, ctx: ServeContext): void {
  app.openapi(route, async (c) => {
    const p = c.req.valid('query');
    const q = p.q ?? '';
    const filters = filtersOfParams(p);
    const result = await search(ctx.store, q, {
      limit: p.limit,
      offset: (p.page - 1) * p.limit,
      filters,
      ...(p.order !== undefined ? { order: p.order } : {}),
      highlight: { open: MATCH_OPEN, close: MATCH_CLOSE },
      cache: true,
    });
    const wantFacets = (p.facets === 'true' || p.facets === '1') && result.notice === null;
    const facets: FacetCounts = wantFacets ? await facetCounts(ctx.store, q, filters) : { site: [], language: [], section: [] };
    const hits = result.hits.map((h) => ({
      id: h.id,
      url: h.url,
      title: h.title,
      published: h.published,
      site: h.site,
      siteName: h.siteName,
      language: h.language,
      direction: directionOf(h.language, h.title ?? h.snippet),
      snippet: snippetSegments(h.snippet),
      score: h.score,
    }));
    return c.json({ query: q, total: result.total, totalExact: result.totalExact, page: p.page, limit: p.limit, notice: result.notice, hits, facets }, 200);
  });
}
