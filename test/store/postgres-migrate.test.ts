/**
 * `marsad migrate` between SQLite and PostgreSQL: everything arrives (the same export, byte for
 * byte, on both sides and back), searchable; leases are dropped; an interrupted copy resumes with
 * only what is missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectArticles } from '../../src/export/select.js';
import { migrateCorpus } from '../../src/migrate/migrate-corpus.js';
import { search } from '../../src/search/search.js';
import { openStore, SqliteStore, type PostgresStore, type Store } from '../../src/store/index.js';
import { ensureBuilt, runCli } from '../cli/cli-helpers.js';
import { makeArticle } from '../search/make-article.js';
import { saveCorpus } from '../search/search-suite.js';
import { dropSchema, freshSchema, postgresUnavailable, schemaUrl } from './postgres-server.js';

async function exported(store: Store): Promise<string[]> {
  const lines: string[] = [];
  for await (const record of selectArticles(store, { withVersions: true })) lines.push(JSON.stringify(record));
  return lines;
}

describe.skipIf(postgresUnavailable !== null)('marsad migrate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-migrate-'));
  const schemas: string[] = [];
  const stores: Store[] = [];
  let sqlite: SqliteStore;
  const fresh = (): string => {
    const schema = freshSchema();
    schemas.push(schema);
    return schemaUrl(schema);
  };
  const open = async (location: string): Promise<Store> => {
    const store = await openStore(location);
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    ensureBuilt();
    sqlite = new SqliteStore({ path: join(dir, 'from.db') });
    stores.push(sqlite);
    const source = await sqlite.upsertSource({ name: 'news.example.com', hosts: ['news.example.com'], startUrls: ['https://news.example.com/'], config: { maxPages: 50 } });
    await saveCorpus(sqlite);
    // a second version of one article, and a frontier with a live lease
    const changed = makeArticle({ url: 'https://news.example.com/oil', language: 'ar', title: 'أسعار النفط تواصل الارتفاع', text: 'واصلت أسعار النفط ارتفاعها.' });
    await sqlite.saveArticle({ article: changed, sourceId: source.id, fetchedAt: Date.now(), nextRecrawlAt: Date.now() });
    const sourced = makeArticle({ url: 'https://news.example.com/sourced', language: 'ar', title: 'خبر من المصدر', text: 'نص الخبر.' });
    await sqlite.saveArticle({ article: sourced, sourceId: source.id, fetchedAt: Date.now(), nextRecrawlAt: Date.now() });
    await sqlite.enqueue([
      { url: 'https://news.example.com/a', host: 'news.example.com', sourceId: source.id, kind: 'page', hints: { via: 'sitemap', lastmod: '2025-10-01' } },
      { url: 'https://news.example.com/b', host: 'news.example.com', sourceId: source.id, kind: 'page' },
    ]);
    await sqlite.claim({ host: 'news.example.com', limit: 1, now: Date.now() + 5000, owner: 'w1', leaseMs: 600_000 });
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await Promise.all(schemas.map(dropSchema));
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a SQLite corpus into PostgreSQL through the CLI: the same export, searchable, leases dropped', async () => {
    const url = fresh();
    const run = await runCli(['migrate', '--from', join(dir, 'from.db'), '--to', url, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ sources: { added: 1 }, frontier: { added: 2 }, articles: { read: 12, added: 12 }, interrupted: false });
    const target = await open(url);
    expect(await exported(target)).toEqual(await exported(sqlite));
    expect((await target.listSources()).map((s) => [s.name, s.config])).toEqual([['news.example.com', { maxPages: 50 }]]);
    expect(await target.getFrontierEntry('https://news.example.com/a')).toMatchObject({ state: 'queued', hints: { via: 'sitemap', lastmod: '2025-10-01' } });
    expect((await target.getArticleByUrl('https://news.example.com/oil'))?.version).toBe(2);
    expect((await target.getArticleByUrl('https://news.example.com/sourced'))?.sourceId).toBe((await target.listSources())[0]!.id);
    const ids = async (store: Store, q: string): Promise<string[]> => (await search(store, q, { limit: 50 })).hits.map((h) => h.id).sort();
    for (const q of ['غزه', 'مسؤول', '"اطلاق النار"', 'section:اقتصاد']) expect(await ids(target, q), q).toEqual(await ids(sqlite, q));
  });

  it('resumes: a second run adds nothing, and after a partial loss copies exactly what is missing', async () => {
    const url = fresh();
    const target = (await open(url)) as PostgresStore;
    await migrateCorpus(sqlite, target, { batchSize: 3 });
    const again = await migrateCorpus(sqlite, target, { batchSize: 3 });
    expect(again).toMatchObject({ sources: { added: 0 }, frontier: { added: 0 }, articles: { read: 12, added: 0 } });
    // as if the copy had stopped part-way: the last articles (with their versions and search rows) and one URL never arrived
    const lost = (await target.pool.query<{ id: string }>('SELECT id FROM articles ORDER BY seq DESC LIMIT 4')).rows.map((r) => r.id);
    await target.pool.query('DELETE FROM article_versions WHERE article_id = ANY($1)', [lost]);
    await target.pool.query('DELETE FROM articles WHERE id = ANY($1)', [lost]);
    await target.pool.query("DELETE FROM frontier WHERE url = 'https://news.example.com/b'");
    const resumed = await migrateCorpus(sqlite, target, { batchSize: 3 });
    expect(resumed).toMatchObject({ frontier: { added: 1 }, articles: { added: 4 } });
    expect((await exported(target)).sort()).toEqual((await exported(sqlite)).sort());
    expect((await search(target, 'غزه')).hits.length).toBe((await search(sqlite, 'غزه')).hits.length);
  });

  it('copies a PostgreSQL corpus back into a new SQLite file, unchanged', async () => {
    const url = fresh();
    const middle = await open(url);
    await migrateCorpus(sqlite, middle);
    const back = await open(join(dir, 'back.db'));
    const result = await migrateCorpus(middle, back);
    expect(result.articles.added).toBe(12);
    expect(await exported(back)).toEqual(await exported(sqlite));
    expect((await search(back, 'وزيره')).hits.map((h) => h.id).sort()).toEqual((await search(sqlite, 'وزيره')).hits.map((h) => h.id).sort());
  });
});
