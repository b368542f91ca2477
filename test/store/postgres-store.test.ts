/**
 * Runs the Store contract on PostgreSQL (each test in a fresh schema, dropped afterwards), plus
 * what only a shared server has: several processes migrating at once, several workers claiming
 * and saving at once, typed connection errors.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, StoreError, StoreUnreachableError, type PostgresStore, type Store } from '../../src/store/index.js';
import { postgresMigrations } from '../../src/store/postgres/migrations/index.js';
import { PostgresStore as PostgresStoreClass } from '../../src/store/postgres/postgres-store.js';
import { describeStoreContract } from './contract.js';
import { dropSchema, freshSchema, PG_URL, postgresUnavailable, schemaUrl } from './postgres-server.js';
import { sampleArticle } from './sample-article.js';

const skip = postgresUnavailable !== null;

let contractSchema = '';
if (!skip) {
  describeStoreContract('postgres', {
    async open() {
      contractSchema = freshSchema();
      return openStore(schemaUrl(contractSchema));
    },
    async cleanup() {
      await dropSchema(contractSchema);
    },
  });
}

describe.skipIf(skip)('PostgreSQL store specifics', () => {
  const schemas: string[] = [];
  const stores: Store[] = [];
  const fresh = (): string => {
    const schema = freshSchema();
    schemas.push(schema);
    return schema;
  };
  const open = async (url: string, options: { readOnly?: boolean } = {}): Promise<PostgresStore> => {
    const store = (await openStore(url, options)) as PostgresStore;
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await Promise.all(schemas.splice(0).map(dropSchema));
  });

  it('migrates once when five processes open the same new schema at the same moment', async () => {
    const schema = fresh();
    const opened = await Promise.all(Array.from({ length: 5 }, () => open(schemaUrl(schema))));
    expect(opened.every((s) => s.kind === 'postgres')).toBe(true);
    const rows = await opened[0]!.pool.query('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows.rows).toEqual(postgresMigrations.map((m) => ({ version: m.version, name: m.name })));
    // and every one of them works on the same tables
    await Promise.all(opened.map((s, i) => s.enqueue([{ url: `http://a.test/${i}`, host: 'a.test', sourceId: null, kind: 'page' }])));
    expect((await opened[4]!.frontierCounts()).queued).toBe(5);
  });

  it('refuses a schema newer than the code, and a read-only open of an empty schema', async () => {
    const schema = fresh();
    const extra = [...postgresMigrations, { version: postgresMigrations.length + 1, name: 'extra', up: 'CREATE TABLE extra (x INTEGER)' }];
    stores.push(await PostgresStoreClass.open({ url: PG_URL, schema, migrations: extra }));
    await expect(openStore(schemaUrl(schema))).rejects.toThrow(`schema version ${extra.length}, newer than this marsad (${postgresMigrations.length}); upgrade marsad`);
    await expect(openStore(schemaUrl(fresh()), { readOnly: true })).rejects.toThrow(/no marsad store at 127\.0\.0\.1:5432\/test \(schema marsad_test_/);
  });

  it('upgrades an older schema when a reader opens it, and still refuses to create one for a reader', async () => {
    const schema = fresh();
    stores.push(await PostgresStoreClass.open({ url: PG_URL, schema, migrations: postgresMigrations.slice(0, 1) }));
    const reader = await open(schemaUrl(schema), { readOnly: true });
    const rows = await reader.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.rows.map((r) => r.version)).toEqual(postgresMigrations.map((m) => m.version));
    expect(await reader.countArticles()).toBe(0);
  });

  it('says where PostgreSQL could not be reached, without the password', async () => {
    const error = await openStore('postgres://postgres:secret@127.0.0.1:1/test').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnreachableError);
    expect((error as Error).message).toMatch(/^cannot reach PostgreSQL at 127\.0\.0\.1:1\/test: .*is the server running/);
    expect((error as Error).message).not.toContain('secret');
    await expect(openStore(schemaUrl('Bad-Name'))).rejects.toThrow(StoreError);
  });

  it('never leases one URL to two workers claiming at the same moment', async () => {
    const schema = fresh();
    const [a, b, c] = await Promise.all([open(schemaUrl(schema)), open(schemaUrl(schema)), open(schemaUrl(schema))]);
    const urls = Array.from({ length: 60 }, (_, i) => `http://a.test/${i}`);
    await a!.enqueue(urls.map((url) => ({ url, host: 'a.test', sourceId: null, kind: 'page' as const })));
    const now = Date.now() + 5_000;
    const drain = async (store: Store, owner: string): Promise<string[]> => {
      const got: string[] = [];
      for (;;) {
        const batch = await store.claim({ host: 'a.test', limit: 4, now, owner, leaseMs: 60_000 });
        if (batch.length === 0) return got;
        got.push(...batch.map((item) => item.url));
      }
    };
    const claimed = await Promise.all([drain(a!, 'w1'), drain(b!, 'w2'), drain(c!, 'w3')]);
    const all = claimed.flat();
    expect(all.sort()).toEqual([...urls].sort());
    expect(new Set(all).size).toBe(urls.length);
  });

  it('keeps one article when two workers save the same URL at once, and accepts URLs longer than an index entry', async () => {
    const schema = fresh();
    const [a, b] = await Promise.all([open(schemaUrl(schema)), open(schemaUrl(schema))]);
    const now = Date.now();
    const url = `http://a.test/${'%D8%A7'.repeat(600)}`; // 3,600 bytes: more than a btree entry holds
    const results = await Promise.all([a!, b!, a!, b!].map((s) => s.saveArticle({ article: sampleArticle(url), sourceId: null, fetchedAt: now, nextRecrawlAt: now })));
    expect(results.map((r) => r.status).sort()).toEqual(['new', 'unchanged', 'unchanged', 'unchanged']);
    expect(await a!.countArticles()).toBe(1);
    expect((await b!.getArticleByUrl(url))?.version).toBe(1);
    expect(await a!.enqueue([{ url, host: 'a.test', sourceId: null, kind: 'page' }, { url, host: 'a.test', sourceId: null, kind: 'page' }])).toBe(1);
    expect((await b!.getFrontierEntry(url))?.url).toBe(url);
  });

  it('keeps each store in its own schema', async () => {
    const [one, two] = await Promise.all([open(schemaUrl(fresh())), open(schemaUrl(fresh()))]);
    const now = Date.now();
    await one!.saveArticle({ article: sampleArticle('http://a.test/x'), sourceId: null, fetchedAt: now, nextRecrawlAt: now });
    expect(await one!.countArticles()).toBe(1);
    expect(await two!.countArticles()).toBe(0);
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    const tables = await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'articles'", [schemas[0]]);
    await client.end();
    expect(tables.rows[0].n).toBe(1);
  });
});
