/**
 * Search over a real SQLite store: the suite of search-suite.ts (the Arabic recall table,
 * filters, order, paging, hostile queries), on an index in one part and in many.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { setPartSize } from '../../src/search/fts-parts.js';
import { SqliteStore } from '../../src/store/index.js';
import { describeSearchSuite, saveCorpus } from './search-suite.js';

let dir: string;
let store: SqliteStore;
let idOf: Record<string, string> = {};

/*
 * Every test runs twice: on an index in one part, and on an index cut into parts of two articles
 * (the way a large corpus is split, see src/search/fts-parts.ts), so that matches, ranking,
 * windows and newest-first order are shown to work across parts.
 */
describe.each([
  { label: 'index in one part', partSize: null },
  { label: 'index in parts of two articles', partSize: 2 },
])('$label', ({ partSize }) => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marsad-search-'));
    store = new SqliteStore({ path: join(dir, 'store.db') });
    if (partSize !== null) setPartSize(store.db, partSize);
    idOf = await saveCorpus(store);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describeSearchSuite({ store: () => store, idOf: () => idOf, partSize });
});
