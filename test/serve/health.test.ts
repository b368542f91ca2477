/** The server answers over real HTTP on the demo corpus, with security headers and JSON errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCorpus, type DemoCorpus } from './demo-corpus.js';
import { serveStore, type TestServer } from './api-helpers.js';

let corpus: DemoCorpus;
let server: TestServer;

beforeAll(async () => {
  corpus = await demoCorpus();
  server = await serveStore(corpus.db);
}, 300_000);
afterAll(async () => server?.close());

describe('marsad serve: health, headers, errors', () => {
  it('reports the store and its article count', async () => {
    const res = await server.get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, store: 'sqlite', articles: corpus.articles, writes: false });
  });

  it('sends a strict CSP and nosniff on every response, errors included', async () => {
    for (const path of ['/api/v1/health', '/api/v1/no-such-endpoint', '/no-such-page']) {
      const res = await server.get(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await server.get('/api/v1/no-such-endpoint');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('NOT_FOUND');
    expect(server.errors).toEqual([]);
  });
});
