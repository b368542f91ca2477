/**
 * Schemas shared by several routes. Each route's own request and response schemas live in its
 * file under routes/; they validate the requests and generate the OpenAPI document, so the
 * document is never written by hand.
 */
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'BAD_REQUEST' }),
      message: z.string().openapi({ example: 'limit must be between 1 and 100' }),
    }),
  })
  .openapi('Error');

/** Responses every route may give besides its own 200. */
export const errorResponses = {
  400: { description: 'The request is malformed (a parameter out of range, a query that cannot be parsed).', content: { 'application/json': { schema: ErrorSchema } } },
  404: { description: 'Nothing has that id.', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

export const writeErrorResponses = {
  ...errorResponses,
  401: { description: 'The token is missing or wrong (send `Authorization: Bearer <token>`).', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: 'Writes are off: the server was started without a token.', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

/** Article ids are hex digests; anything else (a path, dots, slashes) is rejected before the store sees it. */
export const ArticleIdParam = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, 'an article id is letters, digits, - and _ only')
  .openapi({ param: { name: 'id', in: 'path' }, example: '3f2a9c0d1e5b7a64' });
