/** GET /api/v1/export: the matches of a query streamed as JSONL, CSV or Parquet, in constant memory. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { selectArticles } from '../../export/select.js';
import { EXPORT_CONTENT_TYPES, exportToWebStream, WEB_EXPORT_FORMATS } from '../../export/web-stream.js';
import { parseQuery } from '../../search/query.js';
import type { ServeContext } from '../context.js';
import { filtersOfParams, QueryAndFilterParams } from '../query-params.js';
import { errorResponses } from '../schemas.js';

const ExportParams = QueryAndFilterParams.extend({
  format: z.enum(WEB_EXPORT_FORMATS).openapi({ description: 'jsonl (one full record per line), csv (flat columns) or parquet (typed columns).', example: 'jsonl' }),
});

const route = createRoute({
  method: 'get',
  path: '/api/v1/export',
  tags: ['export'],
  summary: 'Download the matches of a query',
  description:
    'Every article the query and filters select (not one page: all of them), streamed as it is read, so an export of the whole corpus takes no more server memory than one of ten articles. The same records and columns as `marsad export`. Sent as an attachment named marsad-<date>.<ext>.',
  request: { query: ExportParams },
  responses: {
    200: {
      description: 'The export file, streamed.',
      headers: z.object({ 'Content-Disposition': z.string().openapi({ example: 'attachment; filename="marsad-2025-10-28.jsonl"' }) }),
      content: {
        'application/x-ndjson': {
          schema: z.string().openapi({ description: 'JSON Lines: one article record per line.' }),
          example: '{"url":"https://news.example/a","id":"3f2a9c0d1e5b7a64","title":"وزير الخارجية يلتقي نظيره الأردني","language":"ar","direction":"rtl"}\n',
        },
        'text/csv': {
          schema: z.string().openapi({ description: 'CSV (RFC 4180, UTF-8) with a header row; lists joined with "; ".' }),
          example: 'id,url,canonical_url,site_name,site_domain,title\r\n3f2a9c0d1e5b7a64,https://news.example/a,https://news.example/a,أخبار,news.example,وزير الخارجية\r\n',
        },
        'application/vnd.apache.parquet': {
          schema: z.string().openapi({ format: 'binary', description: 'An Apache Parquet file: typed columns, one row per article.' }),
          example: 'PAR1',
        },
      },
    },
    ...errorResponses,
  },
});

const today = (): string => new Date().toISOString().slice(0, 10);

export function registerExportRoutes(app: OpenAPIHono, ctx: ServeContext): void {
  app.openapi(route, (c) => {
    const p = c.req.valid('query');
    const q = p.q ?? '';
    // a bad date (in a parameter or in q) is a 400 before any byte is sent, not a broken download
    const filters = filtersOfParams(p);
    parseQuery(q);
    const records = selectArticles(ctx.store, { query: q, filters });
    const body = exportToWebStream(records, p.format, { onError: (error) => console.error('marsad: export failed:', error) });
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': EXPORT_CONTENT_TYPES[p.format],
        'Content-Disposition': `attachment; filename="marsad-${today()}.${p.format}"`,
        'Cache-Control': 'no-store',
      },
    });
  });
}
