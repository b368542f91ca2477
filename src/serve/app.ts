/**
 * The HTTP application: the JSON API under /api/v1 with its OpenAPI 3.1 document, and the web
 * UI's files. A thin shell over the library — each route calls the same functions as the CLI.
 *
 * Framework: hono with @hono/zod-openapi. Routes are declared once with zod schemas, which both
 * validate the request and generate /api/v1/openapi.json; hono is small, fast on Node through
 * @hono/node-server, and speaks web-standard Request/Response, so streaming an export is a
 * ReadableStream. (Fastify is as fast, but its schema layer is JSON Schema first and zod second;
 * marsad's config and records are zod already.)
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError, errorBody } from './errors.js';
import { serveContext, type ServeContext, type ServeOptions } from './context.js';
import { securityHeaders } from './security-headers.js';
import { registerHealth } from './routes/health.js';
import { answeringFresh } from '../search/result-cache.js';
import { registerRoutes } from './routes/index.js';
import { serveUi } from './static-ui.js';

export const API_PREFIX = '/api/v1';

/** Called with unexpected errors (a 500), so the server can log them; the response says only "internal error". */
export type ErrorLogger = (error: unknown, path: string) => void;

export interface App {
  app: OpenAPIHono;
  ctx: ServeContext;
}

/** A zod validation failure as one readable line: "limit: Too big: expected number to be <=100". */
function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}

export function createApp(options: ServeOptions & { version?: string; logError?: ErrorLogger }): App {
  const ctx = serveContext(options);
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  const app = new OpenAPIHono({
    // A request that does not match its route's schema: 400 with what was wrong, never zod's raw dump.
    defaultHook: (result, c) => {
      if (!result.success) return c.json(errorBody('BAD_REQUEST', describeIssues(result.error)), 400);
      return undefined;
    },
  });

  app.use('*', securityHeaders());
  app.use(
    '*',
    bodyLimit({
      maxSize: ctx.maxBodyBytes,
      onError: (c) => c.json(errorBody('BODY_TOO_LARGE', `the request body is larger than ${ctx.maxBodyBytes} bytes`), 413),
    }),
  );

  // `Cache-Control: no-cache` asks for answers computed afresh, not the ones kept for repeats.
  app.use(`${API_PREFIX}/*`, async (c, next) => {
    if (/\bno-(cache|store)\b/i.test(c.req.header('cache-control') ?? '')) await answeringFresh(next);
    else await next();
  });

  registerHealth(app, ctx, options.version ?? '0.0.0');
  registerRoutes(app, ctx);

  app.doc31(`${API_PREFIX}/openapi.json`, {
    openapi: '3.1.0',
    info: {
      title: 'marsad API',
      version: options.version ?? '0.0.0',
      description: 'Search, read, watch and export a news corpus crawled by marsad. Writes need a bearer token.',
      license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
    },
    servers: [{ url: '/' }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

  // Unknown API paths are JSON 404s; everything else is the UI (or a 404 when there is none).
  app.all(`${API_PREFIX}/*`, (c) => c.json(errorBody('NOT_FOUND', `no API endpoint ${c.req.method} ${c.req.path}`), 404));
  if (ctx.uiDir !== null) serveUi(app, ctx.uiDir);
  app.notFound((c) => c.json(errorBody('NOT_FOUND', `nothing at ${c.req.path}`), 404));

  app.onError((error, c: Context) => {
    if (error instanceof ApiError) return c.json(errorBody(error.code, error.message), error.status);
    if (error instanceof HTTPException) {
      const code = error.status === 413 ? 'BODY_TOO_LARGE' : error.status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
      return c.json(errorBody(code, error.message || 'bad request'), error.status);
    }
    const code = (error as { code?: unknown }).code;
    if (code === 'USAGE' || code === 'QUERY') return c.json(errorBody('BAD_REQUEST', error.message), 400);
    if (code === 'STORE_BUSY') return c.json(errorBody('STORE_BUSY', error.message), 503);
    logError(error, c.req.path);
    return c.json(errorBody('INTERNAL', 'internal error; the server log has the details'), 500);
  });
  return { app, ctx };
}
