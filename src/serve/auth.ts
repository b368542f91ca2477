/**
 * Writes (adding or removing a source, starting a crawl) need the server's token. Without one
 * they are off altogether (403 WRITES_OFF): a server started to read a corpus can never be made
 * to fetch anything. With one, the request must carry `Authorization: Bearer <token>` (401).
 * Runs before the request is validated, so an unauthenticated caller learns nothing about the
 * body it would have to send.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ServeContext } from './context.js';
import { ApiError, errorBody } from './errors.js';

export const WRITES_OFF_MESSAGE = 'writes are off: start marsad serve with --token or MARSAD_TOKEN';

/** Equal-time comparison: digests have one length, so neither the length nor the first differing byte leaks. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The token a request carries in `Authorization: Bearer <token>`, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

export function requireWriteToken(ctx: ServeContext): MiddlewareHandler {
  return async (c, next) => {
    if (ctx.token === null) throw new ApiError(403, 'WRITES_OFF', WRITES_OFF_MESSAGE);
    const given = bearerToken(c.req.header('authorization'));
    const refusal = given === null ? 'this endpoint needs Authorization: Bearer <token>' : sameSecret(given, ctx.token) ? null : 'the bearer token is wrong';
    // RFC 6750: a 401 names the scheme the client should use.
    if (refusal !== null) return c.json(errorBody('UNAUTHORIZED', refusal), 401, { 'WWW-Authenticate': 'Bearer realm="marsad"' });
    await next();
    return undefined;
  };
}
