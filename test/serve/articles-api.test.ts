/** The article endpoints over real HTTP on the demo corpus: record, date evidence, versions, diff, hostile text, bad ids. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import { copyDemoCorpus, demoCorpus, HOSTILE_TEXT, HOSTILE_TITLE, type DemoCorpus } from './demo-corpus.js';
import { serveStore, type TestServer } from './api-helpers.js';

let corpus: DemoCorpus;
let server: TestServer;

beforeAll(async () => {
  corpus = await demoCorpus();
  server = await serveStore(corpus.db);
}, 300_000);
afterAll(async () => server?.close());

interface Detail {
  article: { id: string; title: string; version: number; firstSeenAt: string; record: { language: string; direction: string; text: string; title: string; extraction: { trace?: unknown[]; dates?: unknown } } };
  dates: { published: { value: string; source: string; confidence: number } | null; modified: unknown };
  versions: { version: number; fetchedAt: string }[];
  nearDuplicates: unknown[];
  warc: unknown;
}

async function json<T>(path: string): Promise<{ status: number; type: string; body: T }> {
  const res = await server.get(path);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as T };
}

describe('GET /api/v1/articles/{id}', () => {
  it('returns the revised Arabic article with its date evidence and two versions', async () => {
    const { status, body } = await json<Detail>(`/api/v1/articles/${corpus.revisedId}`);
    expect(status).toBe(200);
    expect(body.article.id).toBe(corpus.revisedId);
    expect(body.article.record.language).toBe('ar');
    expect(body.article.record.direction).toBe('rtl');
    expect(body.article.version).toBe(2);
    expect(body.versions.map((v) => v.version)).toEqual([1, 2]);
    for (const v of body.versions) expect(new Date(v.fetchedAt).toISOString()).toBe(v.fetchedAt);
    expect(body.article.record.text).toContain(corpus.revisedWords);
    expect(body.dates.published).not.toBeNull();
    expect(body.dates.published!.value).toMatch(/^\d{4}-\d\d-\d\d/);
    expect(body.article.record.extraction.trace).toBeUndefined();
    expect(body.warc).toBeNull();
    expect(Array.isArray(body.nearDuplicates)).toBe(true);
  });

  it('includes the extraction trace only with ?trace=true', async () => {
    const { body } = await json<Detail>(`/api/v1/articles/${corpus.revisedId}?trace=true`);
    expect(Array.isArray(body.article.record.extraction.trace)).toBe(true);
  });

  it('returns the hostile record as JSON strings, verbatim', async () => {
    const { status, type, body } = await json<Detail>(`/api/v1/articles/${corpus.hostileId}`);
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    expect(body.article.title).toBe(HOSTILE_TITLE);
    expect(body.article.record.title).toBe(HOSTILE_TITLE);
    expect(body.article.record.text).toBe(HOSTILE_TEXT);
  });

  it('answers an unknown id with a JSON 404', async () => {
    const { status, type, body } = await json<{ error: { code: string } }>('/api/v1/articles/0000000000000000');
    expect(status).toBe(404);
    expect(type).toMatch(/^application\/json/);
    expect(body.error.code).toBe('NOT_FOUND');
  });

  it('rejects ids that are paths, dots or NUL bytes with a JSON 400 or 404, never a file', async () => {
    for (const id of ['..%2F..%2Fetc%2Fpasswd', '..%2f..%2fpackage.json', '%2e%2e%2f%2e%2e%2fpackage.json', 'abc%00def', '%00', '..', 'a.b']) {
      const res = await server.get(`/api/v1/articles/${id}`);
      expect([400, 404], id).toContain(res.status);
      expect(res.headers.get('content-type'), id).toMatch(/^application\/json/);
      const body = (await res.json()) as { error?: { code: string } };
      expect(body.error, id).toBeDefined();
    }
    expect(server.errors).toEqual([]);
  });
});

describe('GET /api/v1/articles/{id}/versions/{version}', () => {
  it('returns each stored version, the first without the revision', async () => {
    const first = await json<{ version: number; record: { text: string } }>(`/api/v1/articles/${corpus.revisedId}/versions/1`);
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(1);
    expect(first.body.record.text).not.toContain(corpus.revisedWords);
    const second = await json<{ record: { text: string } }>(`/api/v1/articles/${corpus.revisedId}/versions/2`);
    expect(second.body.record.text).toContain(corpus.revisedWords);
  });

  it('404s a missing version and 400s a version that is not a number', async () => {
    expect((await server.get(`/api/v1/articles/${corpus.revisedId}/versions/3`)).status).toBe(404);
    expect((await server.get(`/api/v1/articles/${corpus.revisedId}/versions/abc`)).status).toBe(400);
    expect((await server.get(`/api/v1/articles/${corpus.revisedId}/versions/0`)).status).toBe(400);
  });
});

describe('GET /api/v1/articles/{id}/diff', () => {
  interface Diff {
    from: { version: number };
    to: { version: number };
    title: { from: string; to: string } | null;
    paragraphs: { op: string; text?: string; words?: { op: string; text: string }[] }[];
    counts: { added: number; changed: number };
  }

  it('compares the last two versions by default: the added words show as added', async () => {
    const { status, body } = await json<Diff>(`/api/v1/articles/${corpus.revisedId}/diff`);
    expect(status).toBe(200);
    expect(body.from.version).toBe(1);
    expect(body.to.version).toBe(2);
    expect(body.title?.to).toContain('تحديث');
    const added = body.paragraphs.flatMap((p) => (p.op === 'added' ? [p.text ?? ''] : p.op === 'changed' ? (p.words ?? []).filter((w) => w.op === 'added').map((w) => w.text) : [])).join(' ');
    expect(added).toContain(corpus.revisedWords);
    expect(body.counts.added + body.counts.changed).toBeGreaterThan(0);
  });

  it('takes from and to, and refuses versions that do not exist', async () => {
    const same = await json<Diff>(`/api/v1/articles/${corpus.revisedId}/diff?from=2&to=2`);
    expect(same.status).toBe(200);
    expect(same.body.paragraphs.every((p) => p.op === 'same')).toBe(true);
    expect((await server.get(`/api/v1/articles/${corpus.revisedId}/diff?from=1&to=9`)).status).toBe(404);
    expect((await server.get(`/api/v1/articles/${corpus.revisedId}/diff?from=x`)).status).toBe(400);
  });

  it('is a 400 for an article with one version', async () => {
    const res = await server.get(`/api/v1/articles/${corpus.hostileId}/diff`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('one version');
    expect(server.errors).toEqual([]);
  });
});

describe('the WARC capture of an article', () => {
  it('points at the newest capture the fetch log records, by file name and offset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-articles-warc-'));
    try {
      const copy = await copyDemoCorpus(dir);
      const store = await openStore(copy.db);
      const article = (await store.getArticle(copy.revisedId))!;
      await store.logFetch({ url: article.url, host: article.host, kind: 'page', status: 200, bytes: 1000, elapsedMs: 5, fetchedAt: Date.now(), warc: { file: join(dir, 'warc', 'marsad-1.warc.gz'), offset: 4242 } });
      await store.close();
      const warcServer = await serveStore(copy.db);
      try {
        const res = await warcServer.get(`/api/v1/articles/${copy.revisedId}`);
        expect(((await res.json()) as Detail).warc).toEqual({ file: 'marsad-1.warc.gz', offset: 4242 });
      } finally {
        await warcServer.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
