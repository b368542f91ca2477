/** Every API route, registered in one place. To add one: a file under routes/ exporting register<Name>, and one line here. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServeContext } from '../context.js';
import { registerSearchRoutes } from './search.js';
import { registerTimelineRoutes } from './timeline.js';
import { registerTermsRoutes } from './terms.js';
import { registerExportRoutes } from './export.js';
import { registerArticleRoutes } from './articles.js';
import { registerSourceRoutes } from './sources.js';

export function registerRoutes(app: OpenAPIHono, ctx: ServeContext): void {
  registerSearchRoutes(app, ctx);
  registerTimelineRoutes(app, ctx);
  registerTermsRoutes(app, ctx);
  registerExportRoutes(app, ctx);
  registerArticleRoutes(app, ctx);
  registerSourceRoutes(app, ctx);
}
