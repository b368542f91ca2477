/** Placeholder: the timeline endpoints are being written (issue 11); until then this registers nothing. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServeContext } from '../context.js';

export function registerTimelineRoutes(app: OpenAPIHono, ctx: ServeContext): void {
  void app;
  void ctx;
}
