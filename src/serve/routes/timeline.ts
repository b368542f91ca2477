/** GET /api/v1/timeline: attention over time — matches per day, week or month, for up to 4 queries side by side, optionally split by site. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { attentionOverTime, MAX_TIMELINE_QUERIES, TIMELINE_INTERVALS } from '../../search/timeline.js';
import { SearchUnavailableError } from '../../search/search.js';
import type { ServeContext } from '../context.js';
import { ApiError } from '../errors.js';
import { filterParams, filtersOfParams, repeatedQueryParam } from '../query-params.js';
import { errorResponses, ErrorSchema } from '../schemas.js';

const TimelineParams = z.object({
  q: repeatedQueryParam(MAX_TIMELINE_QUERIES),
  ...filterParams,
  interval: z.enum(TIMELINE_INTERVALS as ['day', 'week', 'month']).default('day').openapi({ description: 'Bucket size: day, week (ISO, from Monday) or month. Coarsened automatically when the range needs more than 3,660 buckets; the answer says which was used.' }),
  split: z.enum(['none', 'site']).default('none').openapi({ description: "site: each query's series split into its 8 busiest sites plus 'other'." }),
});

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const TimelineSeriesSchema = z
  .object({
    query: z.string(),
    site: z.string().nullable().openapi({ description: "The site of this series when split by site ('other' for the rest); null when not split." }),
    label: z.string(),
    total: z.number().int().nonnegative().openapi({ description: 'Dated matches: the sum of counts.' }),
    counts: z.array(z.number().int().nonnegative()).openapi({ description: 'Matches per bucket, aligned with buckets.' }),
  })
  .openapi('TimelineSeries');

export const TimelineSchema = z
  .object({
    interval: z.enum(['day', 'week', 'month']),
    from: Day.nullable().openapi({ description: 'First published day (UTC) among the matches; null when none is dated.' }),
    to: Day.nullable(),
    buckets: z.array(Day).openapi({ description: 'Start of every bucket from the first match to the last, zero-filled.' }),
    series: z.array(TimelineSeriesSchema),
    undated: z.number().int().nonnegative().openapi({ description: 'Matches without a published date, over all series (not in counts).' }),
  })
  .openapi('Timeline');

const example: z.infer<typeof TimelineSchema> = {
  interval: 'week',
  from: '2025-10-01',
  to: '2025-10-16',
  buckets: ['2025-09-29', '2025-10-06', '2025-10-13'],
  series: [
    { query: 'النفط', site: null, label: 'النفط', total: 9, counts: [3, 0, 6] },
    { query: 'الغاز', site: null, label: 'الغاز', total: 4, counts: [1, 2, 1] },
  ],
  undated: 1,
};

const route = createRoute({
  method: 'get',
  path: '/api/v1/timeline',
  tags: ['search'],
  summary: 'Attention over time',
  description:
    'How many articles match each query per day, week or month, by published date (UTC day). Up to 4 queries side by side (repeat q), each combined with the filter parameters; split=site gives each query one series per site. Buckets run from the first match to the last, zero-filled.',
  request: { query: TimelineParams },
  responses: {
    200: { description: 'One series per query (or per query and site).', content: { 'application/json': { schema: TimelineSchema, example } } },
    ...errorResponses,
    503: { description: 'The store has no SQLite search index (PostgreSQL: not available yet).', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

export function registerTimelineRoutes(app: OpenAPIHono, ctx: ServeContext): void {
  app.openapi(route, async (c) => {
    const p = c.req.valid('query');
    try {
      const timeline = await attentionOverTime(ctx.store, p.q ?? [''], { filters: filtersOfParams(p), interval: p.interval, split: p.split });
      return c.json(timeline, 200);
    } catch (error) {
      // only the SQLite index has what this counts: a clear 503 on other stores, not an internal error
      if (error instanceof SearchUnavailableError) throw new ApiError(503, 'SEARCH_UNAVAILABLE', error.message);
      throw error;
    }
  });
}
