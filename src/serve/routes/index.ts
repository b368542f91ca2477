/** Every API route, registered in one place. To add one: a file under routes/ exporting register<Name>, and one line here. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServeContext } from '../context.js';

export function registerRoutes(app: OpenAPIHono, ctx: ServeContext): void {
  void app;
  void ctx;
}
