/**
 * The PostgreSQL store in use: a crawl of the loopback test site stores every article exactly
 * once, a recrawl turns a change into a version, and the CLI's verbs (stats, errors, show, search,
 * export, import) work with `--db postgres://…?schema=…` and MARSAD_DB, as they do on a SQLite file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/fetcher.js';
import { crawl, recrawl } from '../../src/pipeline/crawl/index.js';
import { openStore, type PostgresStore } from '../../src/store/index.js';
import { ensureBuilt, makeTempDir, parseJsonLines, runCli } from '../cli/cli-helpers.js';
import { startTestSite, type TestSite } from '../site/server.mjs';
import { dropSchema, freshSchema, postgresUnavailable, schemaUrl } from './postgres-server.js';

describe.skipIf(postgresUnavailable !== null)('a crawl into PostgreSQL, and the CLI on it', () => {
  let site: TestSite;
  let store: PostgresStore;
  let url: string;
  let summary: Awaited<ReturnType<typeof crawl>>;
  const schemas: string[] = [];
  const temp = makeTempDir();
  const fresh = (): string => {
    const schema = freshSchema();
    schemas.push(schema);
    return schemaUrl(schema);
  };

  beforeAll(async () => {
    ensureBuilt();
    site = await startTestSite({ crawlDelaySec: 0 });
    url = fresh();
    store = (await openStore(url)) as PostgresStore;
    const fetcher = createFetcher({ minDelayMs: 0, maxRetries: 0, timeoutMs: 5000, maxPerHost: 2 });
    summary = await crawl({ store, fetcher, seeds: site.origins.map((origin) => ({ url: origin })), extractWorkers: 0, retryDelayMs: 1, maxAttempts: 1 });
    await fetcher.close();
  });
  afterAll(async () => {
    await store?.close();
    await site?.close();
    await Promise.all(schemas.map(dropSchema));
    temp.cleanup();
  });

  it('stores every article of every host exactly once, and nothing else', async () => {
    const expected = site.articles().map((a) => `${new URL(a.url).host}${new URL(a.url).pathname}`).sort();
    const rows = await store.pool.query<{ canonical_url: string }>('SELECT canonical_url FROM articles');
    const got = rows.rows.map((r) => `${new URL(r.canonical_url).host}${decodeURI(new URL(r.canonical_url).pathname)}`).sort();
    expect(got).toEqual(expected.map((e) => decodeURI(e)));
    expect(summary).toMatchObject({ articlesNew: expected.length, stoppedBy: 'done' });
    expect(summary.frontier.queued).toBe(0);
    expect(summary.frontier.fetching).toBe(0);
    for (const truth of site.articles().slice(0, 5)) {
      const stored = await store.getArticleByUrl(truth.url.replace(/\/$/, ''));
      expect(stored?.record.title, truth.path).toBe(truth.title);
    }
  });

  it('exports every article through the CLI with --db postgres://…?schema=…, and stats and errors read it', async () => {
    const exported = await runCli(['export', '--db', url]);
    expect(exported.stderr).toBe(`marsad: exported ${site.articles().length} records\n`);
    expect(exported.code).toBe(0);
    const records = parseJsonLines(exported.stdout);
    expect(new Set(records.map((r) => r.canonicalUrl)).size).toBe(site.articles().length);
    expect(records.every((r) => typeof r.title === 'string' && typeof (r.crawled as { firstSeen: string }).firstSeen === 'string')).toBe(true);

    const stats = await runCli(['stats', '--json'], { env: { MARSAD_DB: url } });
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ articles: site.articles().length, versions: site.articles().length, frontier: { queued: 0, fetching: 0 } });
    const errors = await runCli(['errors', '--db', url]);
    expect(errors.code).toBe(0);
    expect(errors.stdout).toContain('404');

  });

  it('searches through the CLI, and exports exactly what a query finds', async () => {
    const searched = await runCli(['search', '--db', url, '--format', 'jsonl', '--limit', '1000', 'bank']);
    expect(searched.code).toBe(0);
    const hits = parseJsonLines(searched.stdout);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThan(site.articles().length);
    expect(hits.every((h) => `${String(h.title)} ${String(h.snippet)}`.toLowerCase().includes('bank'))).toBe(true);
    const exported = await runCli(['export', '--db', url, 'bank']);
    expect(exported.code).toBe(0);
    expect(parseJsonLines(exported.stdout).map((r) => r.id).sort()).toEqual(hits.map((h) => h.id).sort());
  });

  it('imports an export into another schema, and a second import resumes past the finished file', async () => {
    const file = join(temp.dir, 'corpus.jsonl');
    writeFileSync(file, (await runCli(['export', '--db', url])).stdout);
    const target = fresh();
    const first = await runCli(['import', '--db', target, '--json', file]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ saved: { new: site.articles().length } });
    const again = await runCli(['import', '--db', target, '--json', file]);
    expect(JSON.parse(again.stdout)).toMatchObject({ saved: { new: 0 }, skipped: { resumed: 1 } });
    const copy = await runCli(['export', '--db', target]);
    expect(parseJsonLines(copy.stdout).map((r) => r.id).sort()).toEqual(parseJsonLines((await runCli(['export', '--db', url])).stdout).map((r) => r.id).sort());
  });

  it('recrawls with conditional GET: a changed article becomes version 2, which show, diff and export --with-versions see', async () => {
    const target = site.articles().find((a) => a.host === 'en')!;
    const before = (await store.getArticleByUrl(target.url.replace(/\/$/, '')))!;
    site.updateArticle(target.path, target.paragraphs, { title: `${target.title} (updated)` });
    const fetcher = createFetcher({ minDelayMs: 0, maxRetries: 0 });
    const result = await recrawl({ store, fetcher, all: true, extractWorkers: 0 });
    await fetcher.close();
    expect(result.updated).toBe(1);
    expect((await store.listVersions(before.id)).map((v) => v.title)).toEqual([target.title, `${target.title} (updated)`]);
    const show = await runCli(['show', '--db', url, before.id]);
    expect(show.stdout).toContain(`${target.title} (updated)`);
    const diff = await runCli(['diff', '--db', url, before.id]);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('(updated)');
    const versions = parseJsonLines((await runCli(['export', '--db', url, '--with-versions'])).stdout);
    expect(versions).toHaveLength(site.articles().length + 1);
    expect(versions.filter((r) => r.id === before.id).map((r) => (r.revision as { version: number }).version)).toEqual([1, 2]);
  });

  it('says so when the server cannot be reached', async () => {
    const run = await runCli(['stats', '--db', 'postgres://postgres@127.0.0.1:1/test']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/cannot reach PostgreSQL at 127\.0\.0\.1:1\/test: .*is the server running/);
  });
});
