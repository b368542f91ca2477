/**
 * The kept answers of the search side (search, facets, timeline, terms): computed once per state
 * of the database, given again while it is unchanged, and computed afresh inside answeringFresh
 * (what the server does for `Cache-Control: no-cache`) — also across awaits, and only there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { answeringFresh, cachedForIndexState } from '../../src/search/result-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'marsad-result-cache-'));
const db = new Database(join(dir, 'x.db'));
db.exec('CREATE TABLE t (n INTEGER)');
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cachedForIndexState', () => {
  it('computes once while the database is unchanged, again after a write', () => {
    let computed = 0;
    const answer = () => cachedForIndexState(db, 'k', () => ({ n: ++computed }));
    const first = answer();
    expect(answer()).toBe(first);
    db.prepare('INSERT INTO t VALUES (1)').run();
    expect(answer()).toEqual({ n: 2 });
  });

  it('computes afresh inside answeringFresh, across awaits, and keeps the new answer for others', async () => {
    let computed = 0;
    const answer = () => cachedForIndexState(db, 'fresh', () => ({ n: ++computed }));
    const kept = answer();
    const fresh = await answeringFresh(async () => {
      await new Promise((r) => setTimeout(r, 5));
      return answer();
    });
    expect(fresh).not.toBe(kept);
    expect(fresh).toEqual({ n: 2 });
    expect(answer()).toBe(fresh); // outside, the refreshed answer is the kept one
  });
});
