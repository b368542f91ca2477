/**
 * Hostile and malformed requests over real HTTP: every query parameter of every GET endpoint
 * in the OpenAPI document sent out of range or malformed, unknown enum values (formats,
 * intervals, orders), path traversal in ids and in UI paths, a 10 MB body, invalid JSON, and
 * 1,000 concurrent connections. Each gets a clean JSON 4xx or is served; nothing is a 500, no
 * file outside the UI folder is ever sent, and the server still answers afterwards.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDemoCorpus, demoCorpus, type DemoCorpus } from './demo-corpus.js';
import { serveStore, type TestServer } from './api-helpers.js';
import { operationsOf, urlFor, type Document, type Parameter } from './openapi-doc.js';

const TOKEN = 'bad-requests-token-42';
const SECRET = 'the-secret-next-to-the-ui-folder';

let corpus: DemoCorpus;
let server: TestServer;
let writer: TestServer;
let doc: Document;
let dir: string;

beforeAll(async () => {
  corpus = await demoCorpus();
  dir = mkdtempSync(join(tmpdir(), 'marsad-bad-requests-'));
  // A built UI with a secret beside it: nothing may climb out of the UI folder to reach it.
  const ui = join(dir, 'ui');
  mkdirSync(join(ui, 'assets'), { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>marsad</title><div id="app"></div>');
  writeFileSync(join(ui, 'assets', 'app.js'), 'console.log("ui")');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  server = await serveStore(corpus.db, { uiDir: ui });
  writer = await serveStore((await copyDemoCorpus(dir)).db, { token: TOKEN });
  doc = (await (await server.get('/api/v1/openapi.json')).json()) as Document;
}, 300_000);
afterAll(async () => {
  await server?.close();
  await writer?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function expectJsonError(res: Response, statuses: number[], label: string): Promise<string> {
  expect(statuses, `${label}: status ${res.status}`).toContain(res.status);
  expect(res.headers.get('content-type') ?? '', label).toMatch(/^application\/json/);
  const body = (await res.json()) as { error?: { code: string; message: string } };
  expect(body.error?.code, label).toBeTruthy();
  expect(JSON.stringify(body), label).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
  return body.error!.code;
}

/** Malformed values for a query parameter, by what its schema allows. */
function badValues(p: Parameter): string[] {
  const s = p.schema ?? {};
  const values: string[] = [];
  if (Array.isArray(s.enum)) values.push('nonsense-value', '', '%00');
  if (s.type === 'integer' || s.type === 'number') {
    values.push('abc', 'NaN', '1e999', '--1');
    if (typeof s.maximum === 'number' && s.maximum < 1e9) values.push('1e9', '1000000000');
    if (typeof s.minimum === 'number' && s.minimum >= 0) values.push('-1');
    if (s.type === 'integer') values.push('1.5');
  }
  if (s.type === 'boolean') values.push('maybe');
  return values;
}

describe('malformed query parameters on every GET endpoint', () => {
  it('answers each out-of-range, malformed or unknown value with a JSON 400', async () => {
    let tried = 0;
    for (const { path, method, op } of operationsOf(doc)) {
      if (method !== 'get') continue;
      for (const p of op.parameters ?? []) {
        if (p.in !== 'query') continue;
        for (const value of badValues(p)) {
          const url = urlFor(path, op, corpus.revisedId, { name: p.name, value });
          await expectJsonError(await server.get(url), [400], `GET ${url}`);
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(10);
  });

  it('refuses the search parameters the issue names: limit=abc, limit=1e9, page=-1', async () => {
    expect(doc.paths['/api/v1/search'], 'the search endpoint is in the document').toBeDefined();
    for (const query of ['limit=abc', 'limit=1e9', 'page=-1', 'page=0', 'limit=0']) {
      await expectJsonError(await server.get(`/api/v1/search?q=%D8%A7%D8%AA%D9%81%D8%A7%D9%82&${query}`), [400], query);
    }
  });

  it('serves or refuses odd but well-formed input without a 500', async () => {
    const odd = [
      '/api/v1/search?q=%ff%fe',
      `/api/v1/search?q=${'ا'.repeat(1000)}`,
      `/api/v1/search?q=${'ا'.repeat(5000)}`,
      '/api/v1/search?q=(((((',
      '/api/v1/search?q=%22unterminated',
      '/api/v1/search?q=a&q=b',
      '/api/v1/search?q=%00',
      `/api/v1/articles/${corpus.revisedId}/diff?from=1&from=2`,
      `/api/v1/articles/${corpus.revisedId}?trace=true&trace=false`,
      '/api/v1/sources?x=1',
      '/api/v1/health?%=',
    ];
    for (const path of odd) {
      const label = path.slice(0, 80);
      const res = await server.get(path);
      expect(res.status, label).toBeLessThan(500);
      // 431: Node's HTTP parser refuses a request line and headers over 16 KB before the app sees them.
      if (res.status !== 431) expect(res.headers.get('content-type') ?? '', label).toMatch(/^application\/json/);
      await res.arrayBuffer();
    }
    expect(server.errors).toEqual([]);
  });
});

describe('path traversal', () => {
  /** Sends the path exactly as written (fetch would normalize the dots away). */
  function rawGet(path: string): Promise<{ status: number; type: string; body: string }> {
    const url = new URL(server.url);
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('never sends a file from outside the UI folder', async () => {
    const attempts = [
      '/..%2fsecret.txt',
      '/..%2f..%2fpackage.json',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%252e%252e%252fsecret.txt',
      '/..%c0%afsecret.txt',
      '/secret.txt%00.js',
      '/assets/app.js%00',
      '//etc/passwd',
      '/api/v1/articles/..%2f..%2f..%2fpackage.json',
      '/api/v1/articles/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/api/v1/articles/..%5c..%5csecret.txt',
      '/api/v1/articles/abc%00',
      '/api/v1/articles/%00/diff',
      '/api/v1/articles/..%2f..%2fpackage.json/versions/1',
      '/api/v1/crawls/..%2f..%2fpackage.json',
    ];
    for (const path of attempts) {
      const res = await rawGet(path);
      expect(res.status, path).toBeLessThan(500);
      expect(res.body, path).not.toContain(SECRET);
      expect(res.body, path).not.toContain('"devDependencies"');
      expect(res.body, path).not.toContain('root:x:0:0');
      // Either the UI's own page (the client routes it), or a JSON error.
      if (res.status === 200) expect(res.body, path).toContain('<div id="app">');
      else expect(res.type, path).toMatch(/^application\/json/);
      if (path.startsWith('/api/')) expect([400, 404], path).toContain(res.status);
    }
    expect((await rawGet('/assets/app.js')).body).toContain('console.log');
    expect(server.errors).toEqual([]);
  });
});

describe('request bodies', () => {
  const big = Buffer.alloc(10 * 1024 * 1024, 'a');

  it('refuses a 10 MB body with a JSON 413, with or without a token', async () => {
    for (const target of [server, writer]) {
      const res = await target.get('/api/v1/sources', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: big });
      expect(await expectJsonError(res, [413], target === server ? 'read-only server' : 'writer')).toBe('BODY_TOO_LARGE');
    }
  });

  it('refuses a 10 MB body sent without a length (chunked) cleanly', async () => {
    const chunks = async function* () {
      for (let i = 0; i < 10; i++) yield Buffer.alloc(1024 * 1024, 'a');
    };
    const res = await request(`${writer.url}/api/v1/sources`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: Readable.from(chunks()) }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    // The server may answer 413 and close before the body is all sent; either way, nothing else.
    if (!(res instanceof Error)) {
      expect([400, 413]).toContain(res.statusCode);
      await res.body.dump();
    }
    expect((await writer.get('/api/v1/health')).status).toBe(200);
  });

  it('answers invalid JSON, a wrong content type and wrong field types with a JSON 400', async () => {
    const post = (body: string, type = 'application/json') => writer.get('/api/v1/sources', { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${TOKEN}` }, body });
    for (const body of ['{', '{"url": }', 'null', '[]', '"http://example.com/"', '{"url": "http://example.com/", "maxArticles": "ten"}', '\u0000']) {
      await expectJsonError(await post(body), [400], body);
    }
    await expectJsonError(await post('url=http://example.com/', 'application/x-www-form-urlencoded'), [400, 415], 'form body');
    await expectJsonError(await post('{"url":"http://example.com/"}', 'text/plain'), [400, 415], 'text/plain');
    expect(writer.errors).toEqual([]);
  });
});

describe('1,000 concurrent connections', () => {
  it('serves or cleanly refuses them all, and keeps answering', async () => {
    const agent = new Agent({ connections: 1000, pipelining: 1, connectTimeout: 30_000, headersTimeout: 60_000, bodyTimeout: 60_000 });
    try {
      const paths = ['/api/v1/health', `/api/v1/articles/${corpus.revisedId}`];
      const outcomes = await Promise.all(
        Array.from({ length: 1000 }, async (_, i) => {
          try {
            const res = await request(`${server.url}${paths[i % 2]}`, { dispatcher: agent });
            await res.body.dump({ limit: 1 << 20 });
            return res.statusCode;
          } catch (error) {
            return (error as { code?: string }).code ?? 'error';
          }
        }),
      );
      const counts = new Map<string | number, number>();
      for (const o of outcomes) counts.set(o, (counts.get(o) ?? 0) + 1);
      // Served (200) or refused as a whole connection (reset/refused); never a 500.
      for (const outcome of counts.keys()) expect([200, 503, 'ECONNRESET', 'ECONNREFUSED', 'UND_ERR_SOCKET'], `outcome ${String(outcome)}`).toContain(outcome);
      expect(counts.get(200) ?? 0).toBeGreaterThan(900);
    } finally {
      await agent.close();
    }
    const after = await server.get('/api/v1/health');
    expect(after.status).toBe(200);
    expect(server.errors).toEqual([]);
  }, 120_000);
});
