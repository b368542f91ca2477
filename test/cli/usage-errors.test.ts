/**
 * Bad sites and bad dates are usage errors (exit 2) with a message a user can act on, found
 * before the store is touched: nothing bogus is saved, nothing is rolled over to another date.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES, ensureBuilt, makeTempDir, runCli } from './cli-helpers.js';
import { SqliteStore } from '../../src/store/index.js';
import { sampleArticle } from '../store/sample-article.js';
import { parseDateBound } from '../../src/search/query.js';

let temp: { dir: string; cleanup: () => void };
beforeAll(() => {
  ensureBuilt();
  temp = makeTempDir();
});
afterAll(() => temp.cleanup());

describe('sites that are not http(s) URLs or host names', () => {
  for (const site of ['exa mple.com', 'file:///etc/passwd', 'ftp://example.com/', 'javascript:alert(1)', 'http://example.com:99999/', 'mailto:desk@example.com']) {
    it(`refuses ${site} with exit 2 and no store`, async () => {
      const db = join(temp.dir, `${encodeURIComponent(site)}.db`);
      const run = await runCli(['crawl', site, '--db', db, '--log-format', 'json']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/is not a site to crawl/);
      expect(run.stderr).not.toMatch(/unexpected error|at new URL/);
      expect(existsSync(db)).toBe(false);
    });
  }
});

describe('dates that do not exist', () => {
  it('are refused in queries and flags, not rolled over', async () => {
    const db = join(temp.dir, 'dates.db');
    for (const args of [['search', 'x', 'after:2025-13'], ['search', 'x', 'before:2025-10-99'], ['search', 'x', '--after', '2025-02-30'], ['export', '--before', '2025-04-31'], ['crawl', 'example.com', '--since', '2025-02-30']]) {
      const run = await runCli([...args, '--db', db]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/is not a date/);
    }
    expect(parseDateBound('2024-02-29', 'after')).toBe('2024-02-29T00:00:00.000Z');
    expect(() => parseDateBound('2023-02-29', 'after')).toThrow(/2023-02 has no day 29/);
    expect(parseDateBound('2025-10', 'after')).toBe('2025-10-01T00:00:00.000Z');
  });
});

describe('output paths, the same rule in every verb', () => {
  it('refuses a folder where a file is needed, a file where a folder is needed, and a missing parent folder', async () => {
    const db = join(temp.dir, 'out.db');
    const store = new SqliteStore({ path: db });
    await store.saveArticle({ article: sampleArticle('http://a.test/one'), sourceId: null, fetchedAt: Date.now(), nextRecrawlAt: Date.now() });
    await store.close();
    const folder = join(temp.dir, 'existing-folder');
    mkdirSync(folder);
    const file = join(temp.dir, 'existing-file.txt');
    writeFileSync(file, 'keep me');
    const missing = join(temp.dir, 'no-such-folder', 'out.jsonl');
    const page = join(SAMPLES, readdirSync(SAMPLES).find((f) => f.endsWith('.html'))!);
    const cases: [string[], RegExp][] = [
      [['extract', page, '-o', folder], /is a folder; name a file/],
      [['extract', SAMPLES, '-o', folder], /is a folder; name a file/],
      [['extract', page, '-o', missing], /does not exist; create it first/],
      [['repair', '/work/shared/data/seed', '-o', folder], /is a folder; name a file/],
      [['export', '--db', db, '-o', folder], /is a folder; name a file/],
      [['export', '--db', db, '-o', missing], /does not exist; create it first/],
      [['export', '--db', db, '-f', 'markdown', '-o', file], /is a file; .* name a folder/],
      [['export', '--db', db, '-f', 'markdown', '-o', join(temp.dir, 'nope', 'md')], /does not exist; create it first/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stderr).not.toMatch(/EISDIR|EEXIST|unexpected error/);
    }
    expect(readdirSync(folder)).toEqual([]);
    expect(existsSync(join(temp.dir, 'no-such-folder'))).toBe(false);
    const ok = await runCli(['export', '--db', db, '-f', 'markdown', '-o', join(temp.dir, 'md-new')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readdirSync(join(temp.dir, 'md-new'))).toHaveLength(1);
  });
});
