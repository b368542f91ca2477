/** GET /api/v1/health: the server is up, which store it reads, and whether writes are on. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { ServeContext } from '../context.js';

export const HealthSchema = z
  .object({
    ok: z.boolean(),
    version: z.string().openapi({ example: '0.1.0' }),
    store: z.string().openapi({ example: 'sqlite' }),
    articles: z.number().int().nonnegative(),
    writes: z.boolean().openapi({ description: 'True when the server was started with a token.' }),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/api/v1/health',
  tags: ['server'],
  summary: 'Is the server up, and what does it serve',
  responses: { 200: { description: 'The server answers.', content: { 'application/json': { schema: HealthSchema, example: { ok: true, version: '0.1.0', store: 'sqlite', articles: 38, writes: false } } } } },
});

export function registerHealth(app: OpenAPIHono, ctx: ServeContext, version: string): void {
  app.openapi(route, async (c) => c.json({ ok: true, version, store: ctx.store.kind, articles: await ctx.store.countArticles(), writes: ctx.token !== null }, 200));
}
