/** `marsad show <id | url>`: one stored article printed as extract prints a page. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeTempDir, runCli } from './cli-helpers.js';
import { SqliteStore } from '../../src/store/index.js';
import { sampleArticle } from '../store/sample-article.js';

let temp: { dir: string; cleanup: () => void };
let db: string;
const url = 'http://a.test/harbour';

beforeAll(async () => {
  ensureBuilt();
  temp = makeTempDir();
  db = join(temp.dir, 'show.db');
  const store = new SqliteStore({ path: db });
  await store.saveArticle({ article: sampleArticle(url, { title: 'Harbour reopens', text: 'The harbour reopened on Monday.\n\nShips queued outside.' }), sourceId: null, fetchedAt: 1, nextRecrawlAt: 1 });
  await store.saveArticle({ article: sampleArticle(url, { title: 'Harbour reopens after storm', text: 'The harbour reopened on Monday after the storm.\n\nShips queued outside.' }), sourceId: null, fetchedAt: 2, nextRecrawlAt: 2 });
  await store.close();
});
afterAll(() => temp.cleanup());

describe('marsad show', () => {
  it('prints the latest version by URL or id, in text, JSON or markdown', async () => {
    const text = await runCli(['show', url, '--db', db]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Harbour reopens after storm');
    expect(text.stdout).toContain('Ships queued outside.');
    const json = await runCli(['show', url, '--format', 'json', '--db', db]);
    const record = JSON.parse(json.stdout) as { id: string; title: string };
    expect(record.title).toBe('Harbour reopens after storm');
    const byId = await runCli(['show', record.id, '--format', 'markdown', '--db', db]);
    expect(byId.stdout).toMatch(/^# Harbour reopens after storm/m);
    const first = await runCli(['show', record.id, '--revision', '1', '--db', db]);
    expect(first.stdout).toContain('Harbour reopens');
    expect(first.stdout).not.toContain('after storm');
  });
  it('says plainly when there is no such article or version', async () => {
    const missing = await runCli(['show', 'http://a.test/nothing', '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no article with id or URL/);
    const version = await runCli(['show', url, '--revision', '7', '--db', db]);
    expect(version.code).toBe(2);
    expect(version.stderr).toMatch(/has versions 1 to 2, not 7/);
  });
});
