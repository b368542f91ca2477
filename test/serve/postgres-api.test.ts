/**
 * `marsad serve --db postgres://…`: the API over the PostgreSQL store answers as over SQLite —
 * search with snippets and facet counts, the timeline, top terms, an article, an export, the
 * sources and crawl status — with no error logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { saveCorpus } from '../search/search-suite.js';
import { dropSchema, freshSchema, postgresUnavailable, schemaUrl } from '../store/postgres-server.js';
import { serveStore, type TestServer } from './api-helpers.js';

describe.skipIf(postgresUnavailable !== null)('the API on the PostgreSQL store', () => {
  const schema = freshSchema();
  let server: TestServer;
  let ids: Record<string, string>;
  beforeAll(async () => {
    const writer = await openStore(schemaUrl(schema));
    ids = await saveCorpus(writer);
    await writer.upsertSource({ name: 'news.example.com', hosts: ['news.example.com'], startUrls: ['https://news.example.com/'] });
    await writer.close();
    server = await serveStore(schemaUrl(schema));
  });
  afterAll(async () => {
    await server?.close();
    await dropSchema(schema);
  });

  const json = async (path: string): Promise<Record<string, unknown>> => {
    const res = await server.get(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };

  it('searches with snippets and facet counts', async () => {
    const body = await json(`/api/v1/search?q=${encodeURIComponent('غزه')}`);
    expect(body.total).toBe(3);
    expect((body.hits as { id: string }[]).map((h) => h.id).sort()).toEqual([ids.gaza, ids.gaza2, ids.sport].sort());
    expect((body.facets as { section: { value: string; count: number }[] }).section).toEqual([{ value: 'سياسة', count: 2 }, { value: 'رياضة', count: 1 }]);
  });

  it('answers the timeline, top terms, an article, an export and the sources', async () => {
    const timeline = await json(`/api/v1/timeline?q=${encodeURIComponent('غزه')}&interval=month`);
    expect((timeline.series as { total: number }[])[0]!.total).toBe(3);
    const terms = await json(`/api/v1/terms?q=${encodeURIComponent('غزه')}`);
    expect((terms.terms as { term: string }[]).length).toBeGreaterThan(0);
    const article = await json(`/api/v1/articles/${ids.gaza}`);
    expect(JSON.stringify(article)).toContain('غزّة');
    const exported = await server.get(`/api/v1/export?q=${encodeURIComponent('غزه')}&format=jsonl`);
    expect(exported.status).toBe(200);
    expect((await exported.text()).trim().split('\n')).toHaveLength(3);
    const sources = await json('/api/v1/sources');
    expect(JSON.stringify(sources)).toContain('news.example.com');
    expect(server.errors).toEqual([]);
  });
});
