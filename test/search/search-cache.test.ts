/**
 * search({cache: true}), as the server calls it: a repeated question gets the kept answer, and
 * a write — by this connection or by another process's connection to the same file (a crawl
 * running beside the server) — is seen at once, never a stale page of hits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search } from '../../src/search/search.js';
import { SqliteStore } from '../../src/store/index.js';
import { makeArticle } from './make-article.js';

let dir: string;
let writer: SqliteStore;
let reader: SqliteStore;

const save = (store: SqliteStore, n: string, title: string) =>
  store.saveArticle({ article: makeArticle({ url: `https://news.example/${n}`, language: 'ar', title, text: `${title}.`, published: '2025-10-03T10:00:00Z' }), sourceId: null, fetchedAt: Date.now(), nextRecrawlAt: Date.now() });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-search-cache-'));
  writer = new SqliteStore({ path: join(dir, 'store.db') });
  await save(writer, 'a', 'محصول القمح هذا العام');
  reader = new SqliteStore({ path: join(dir, 'store.db') });
});
afterAll(async () => {
  await reader?.close();
  await writer?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('search with the answer cache', () => {
  it('answers a repeat with the same hits as an uncached search', async () => {
    const first = await search(reader, 'القمح', { cache: true });
    expect(first.total).toBe(1);
    const again = await search(reader, 'القمح', { cache: true });
    expect(again).toBe(first); // the kept answer itself
    expect(await search(reader, 'القمح')).toEqual(first);
  });

  it("sees another connection's new article at once", async () => {
    expect((await search(reader, 'القمح', { cache: true })).total).toBe(1);
    await save(writer, 'b', 'أسعار القمح ترتفع');
    const after = await search(reader, 'القمح', { cache: true });
    expect(after.total).toBe(2);
    expect(after.hits.map((h) => h.url).sort()).toEqual(['https://news.example/a', 'https://news.example/b']);
  });

  it('keeps different pages and orders apart', async () => {
    const one = await search(reader, 'القمح', { cache: true, limit: 1 });
    const two = await search(reader, 'القمح', { cache: true, limit: 1, offset: 1 });
    expect(one.hits[0]!.url).not.toBe(two.hits[0]!.url);
  });
});
