/**
 * A store the user cannot write (permissions, read-only media) can still be searched,
 * exported and inspected: readers open it read-only and never migrate or write. The CLI runs
 * as an unprivileged user when the tests run as root (root may write any file).
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/index.js';
import { catchUpIndex } from '../../src/search/sqlite-index.js';
import { CLI, ensureBuilt } from '../cli/cli-helpers.js';
import { sampleArticle } from './sample-article.js';

const root = typeof process.getuid === 'function' && process.getuid() === 0;
let dir: string;
let db: string;

function digest(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  return hash.digest('hex');
}

function runAsReader(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...(root ? { uid: 65534, gid: 65534 } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'marsad-ro-'));
  db = join(dir, 'corpus.db');
  const store = new SqliteStore({ path: db });
  const now = Date.now();
  await store.saveArticle({ article: sampleArticle('http://a.test/budget', { title: 'Council passes the budget' }), sourceId: null, fetchedAt: now, nextRecrawlAt: now });
  await store.saveArticle({ article: sampleArticle('http://a.test/harbour', { title: 'Harbour reopens', text: 'The harbour reopened after the storm. '.repeat(30) }), sourceId: null, fetchedAt: now, nextRecrawlAt: now });
  catchUpIndex(store.db); // as a crawl does before it closes the store
  await store.close();
  const pendingDb = join(dir, 'pending.db');
  const pending = new SqliteStore({ path: pendingDb });
  await pending.saveArticle({ article: sampleArticle('http://a.test/late', { title: 'Late edition' }), sourceId: null, fetchedAt: now, nextRecrawlAt: now });
  await pending.close();
  chmodSync(db, 0o444);
  chmodSync(pendingDb, 0o444);
  chmodSync(dir, 0o555);
});
afterAll(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('a read-only store', () => {
  it('is searched, counted and exported without a single byte written', async () => {
    const before = digest();
    const search = await runAsReader(['search', 'harbour', '--format', 'jsonl', '--db', db]);
    expect(search.code, search.stderr).toBe(0);
    expect(search.stdout).toContain('Harbour reopens');
    const stats = await runAsReader(['stats', '--json', '--db', db]);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ articles: 2 });
    const exported = await runAsReader(['export', '--format', 'jsonl', '--db', db]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout.trim().split('\n')).toHaveLength(2);
    expect(digest()).toBe(before);
  });

  it('says which articles it cannot search yet when the last writer left them unindexed', async () => {
    const before = digest();
    const search = await runAsReader(['search', 'edition', '--db', join(dir, 'pending.db')]);
    expect(search.code, search.stderr).toBe(0);
    expect(search.stderr).toMatch(/1 recently stored article is not searchable yet \(the store is read-only here\)/);
    const stats = await runAsReader(['stats', '--json', '--db', join(dir, 'pending.db')]);
    expect(JSON.parse(stats.stdout)).toMatchObject({ articles: 1 });
    expect(digest()).toBe(before);
  });
});
