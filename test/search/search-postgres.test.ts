/**
 * Search over a real PostgreSQL store (a fresh schema, dropped afterwards): the same suite as on
 * SQLite (search-suite.ts: the Arabic recall table, filters, phrases, exclusions, order, paging,
 * snippets), the same hits for every query of the recall table on both stores, and the same
 * facet counts, timelines and top terms (the web UI's aggregates).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facetCounts } from '../../src/search/facet-counts.js';
import { search } from '../../src/search/search.js';
import { attentionOverTime } from '../../src/search/timeline.js';
import { topTermsOfMatches } from '../../src/search/top-terms.js';
import { openStore, SqliteStore, type PostgresStore, type Store } from '../../src/store/index.js';
import { dropSchema, freshSchema, postgresUnavailable, schemaUrl } from '../store/postgres-server.js';
import { describeSearchSuite, RECALL, saveCorpus } from './search-suite.js';

describe.skipIf(postgresUnavailable !== null)('search on PostgreSQL', () => {
  const schema = freshSchema();
  let store: Store;
  let idOf: Record<string, string> = {};
  beforeAll(async () => {
    store = await openStore(schemaUrl(schema));
    idOf = await saveCorpus(store);
  });
  afterAll(async () => {
    await store?.close();
    await dropSchema(schema);
  });

  describeSearchSuite({ store: () => store, idOf: () => idOf, partSize: null });
});

describe.skipIf(postgresUnavailable !== null)('the same hits on SQLite and PostgreSQL', () => {
  const schema = freshSchema();
  const dir = mkdtempSync(join(tmpdir(), 'marsad-search-both-'));
  let postgres: Store;
  let sqlite: SqliteStore;
  beforeAll(async () => {
    postgres = await openStore(schemaUrl(schema));
    sqlite = new SqliteStore({ path: join(dir, 'store.db') });
    await saveCorpus(sqlite);
    await saveCorpus(postgres);
  });
  afterAll(async () => {
    await postgres?.close();
    await sqlite?.close();
    await dropSchema(schema);
    rmSync(dir, { recursive: true, force: true });
  });

  const queries = [...RECALL.map((r) => r.query), 'غزه -رياضه', 'site:masrawy.example', 'lang:en', 'section:اقتصاد', 'author:"احمد ابراهيم" غزه', 'after:2025-10-13 before:2025-10-15', '"النار اطلاق"'];
  it.each(queries)('%s', async (query) => {
    const [a, b] = await Promise.all([search(sqlite, query, { limit: 50 }), search(postgres, query, { limit: 50 })]);
    expect(b.hits.map((h) => h.id).sort()).toEqual(a.hits.map((h) => h.id).sort());
    expect(b.hits.map((h) => h.snippet).sort()).toEqual(a.hits.map((h) => h.snippet).sort());
    expect(b.total).toBe(a.total);
  });

  it.each(['', 'غزه', 'سياسه -غزه', 'lang:ar after:2025-10-01'])('counts the same facets, timeline and top terms for "%s"', async (query) => {
    expect(await facetCounts(postgres, query)).toEqual(await facetCounts(sqlite, query));
    for (const split of ['none', 'site'] as const) {
      expect(await attentionOverTime(postgres, [query, 'مستشفي'], { split, interval: 'week' })).toEqual(await attentionOverTime(sqlite, [query, 'مستشفي'], { split, interval: 'week' }));
    }
    expect(await topTermsOfMatches(postgres, query, { limit: 10 })).toEqual(await topTermsOfMatches(sqlite, query, { limit: 10 }));
  });

  it('counts facets over the same window of the newest matches', async () => {
    const window = { maxMatches: 2 };
    expect(await facetCounts(postgres, 'lang:ar', {}, window)).toEqual(await facetCounts(sqlite, 'lang:ar', {}, window));
    expect((await facetCounts(postgres, 'lang:ar', {}, window)).language).toEqual([{ value: 'ar', count: 2 }]);
  });
});

describe.skipIf(postgresUnavailable !== null)('articles stored before the PostgreSQL store had a search index', () => {
  const schema = freshSchema();
  afterAll(async () => dropSchema(schema));

  it('are indexed by the first search, once', async () => {
    const store = (await openStore(schemaUrl(schema))) as PostgresStore;
    try {
      const ids = await saveCorpus(store);
      // as migration 2 leaves a store that had articles: no search rows, every article queued
      await store.pool.query('DELETE FROM search_docs');
      await store.pool.query('INSERT INTO search_pending (article_id) SELECT id FROM articles');
      expect((await search(store, 'غزه', { syncIndex: false })).hits).toEqual([]);
      expect((await search(store, 'غزه')).hits.map((h) => h.id).sort()).toEqual([ids.gaza, ids.gaza2, ids.sport].sort());
      expect((await store.pool.query('SELECT count(*)::int AS n FROM search_pending')).rows[0].n).toBe(0);
      expect((await store.pool.query('SELECT count(*)::int AS n FROM search_docs')).rows[0].n).toBe(Object.keys(ids).length);
    } finally {
      await store.close();
    }
  });
});
