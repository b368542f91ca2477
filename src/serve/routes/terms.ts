/** GET /api/v1/terms: the words the matches of a query use most, Arabic spelling variants counted together. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { DEFAULT_TERMS_SAMPLE, topTermsOfMatches } from '../../search/top-terms.js';
import { SearchUnavailableError } from '../../search/search.js';
import type { ServeContext } from '../context.js';
import { ApiError } from '../errors.js';
import { filtersOfParams, QueryAndFilterParams } from '../query-params.js';
import { errorResponses, ErrorSchema } from '../schemas.js';

const TermsParams = QueryAndFilterParams.extend({
  limit: z.coerce.number().int().min(1).max(100).default(30).openapi({ description: 'Terms returned, 1 to 100.', example: 30 }),
});

export const TermSchema = z
  .object({
    term: z.string().openapi({ description: 'The spelling the articles use most.' }),
    normalized: z.string().openapi({ description: 'The normalized form the variants were counted under.' }),
    count: z.number().int().nonnegative().openapi({ description: 'Articles (of those read) containing the term.' }),
    share: z.number().min(0).max(1).openapi({ description: 'count / sampled.' }),
  })
  .openapi('Term');

export const TopTermsSchema = z
  .object({
    terms: z.array(TermSchema),
    sampled: z.number().int().nonnegative().openapi({ description: `Articles read: the ${DEFAULT_TERMS_SAMPLE} most recently indexed matches at most (title and the start of the body).` }),
    total: z.number().int().nonnegative().openapi({ description: 'Matches in all (counted as search counts them).' }),
  })
  .openapi('TopTerms');

const example: z.infer<typeof TopTermsSchema> = {
  terms: [
    { term: 'أسعار', normalized: 'اسعار', count: 12, share: 0.8 },
    { term: 'النفط', normalized: 'النفط', count: 9, share: 0.6 },
  ],
  sampled: 15,
  total: 15,
};

const route = createRoute({
  method: 'get',
  path: '/api/v1/terms',
  tags: ['search'],
  summary: 'Top terms of the matches',
  description: `The words most articles matching the query use, each counted once per article. Arabic-aware: hamza, ta marbuta, alef maqsura, tashkeel and tatweel variants count as one term, shown in its most frequent spelling; stop words, numbers and single letters are left out. Reads at most the ${DEFAULT_TERMS_SAMPLE} most recently indexed matches.`,
  request: { query: TermsParams },
  responses: {
    200: { description: 'The top terms, most frequent first.', content: { 'application/json': { schema: TopTermsSchema, example } } },
    ...errorResponses,
    503: { description: 'The store has no SQLite search index (PostgreSQL: not available yet).', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

export function registerTermsRoutes(app: OpenAPIHono, ctx: ServeContext): void {
  app.openapi(route, async (c) => {
    const p = c.req.valid('query');
    try {
      const result = await topTermsOfMatches(ctx.store, p.q ?? '', { filters: filtersOfParams(p), limit: p.limit });
      return c.json(result, 200);
    } catch (error) {
      // only the SQLite index has what this counts: a clear 503 on other stores, not an internal error
      if (error instanceof SearchUnavailableError) throw new ApiError(503, 'SEARCH_UNAVAILABLE', error.message);
      throw error;
    }
  });
}
