/**
 * The web UI's built files (vite's output, dist/ui). Hashed assets are cached for a year; any
 * other path that is not a file gets index.html, so the UI's own routes (/article/…, /sources)
 * survive a reload. Paths are resolved inside the UI folder only: `..` cannot climb out.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a URL path names inside `root`, or null when it would leave it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = normalize(join(root, decoded));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  return file.startsWith(base) ? file : null;
}

async function fileAt(path: string | null): Promise<Buffer | null> {
  if (path === null) return null;
  try {
    if (!(await stat(path)).isFile()) return null;
    return await readFile(path);
  } catch {
    return null;
  }
}

export function serveUi(app: OpenAPIHono, root: string): void {
  app.get('*', async (c) => {
    const path = c.req.path;
    const asset = path === '/' ? null : await fileAt(resolveInside(root, path));
    if (asset !== null) {
      const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
      const immutable = path.startsWith('/assets/');
      return c.body(new Uint8Array(asset), 200, { 'Content-Type': type, 'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
    }
    // A missing asset is a 404, not the page: a broken script reference should fail loudly.
    if (path.startsWith('/assets/') || extname(path) !== '') return c.json({ error: { code: 'NOT_FOUND', message: `no file ${path}` } }, 404);
    const index = await fileAt(join(root, 'index.html'));
    if (index === null) return c.text('the web UI is not built: run npm run build', 503);
    return c.body(new Uint8Array(index), 200, { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-cache' });
  });
}
