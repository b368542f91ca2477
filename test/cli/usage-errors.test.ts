/**
 * Bad sites and bad dates are usage errors (exit 2) with a message a user can act on, found
 * before the store is touched: nothing bogus is saved, nothing is rolled over to another date.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeTempDir, runCli } from './cli-helpers.js';
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
