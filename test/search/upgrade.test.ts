/**
 * A store created before the search index was split into parts (schema 3) is upgraded in place:
 * its articles are queued again, indexed into parts on the next search, and found.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { listParts } from '../../src/search/fts-parts.js';
import { search } from '../../src/search/search.js';
import { migrateSqlite, SqliteStore, sqliteMigrations } from '../../src/store/index.js';
import { makeArticle } from './make-article.js';

const dir = mkdtempSync(join(tmpdir(), 'marsad-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('re-indexes a schema-3 store into parts and finds its articles', async () => {
  const path = join(dir, 'old.db');
  const old = new Database(path);
  migrateSqlite(old, sqliteMigrations.slice(0, 3));
  const insert = old.prepare(`INSERT INTO articles (id, canonical_url, url, host, title, published, language, word_count, change_hash,
    version, first_seen_at, last_fetched_at, last_changed_at, next_recrawl_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, 0, 0, 0, ?)`);
  const articles = [
    makeArticle({ url: 'https://akhbar.example/1', title: 'أسعار النفط ترتفع', text: 'ارتفعت أسعار النفط في الأسواق.', language: 'ar', published: '2025-01-02T00:00:00Z' }),
    makeArticle({ url: 'https://news.example.com/2', title: 'Oil prices rise', text: 'Oil prices rose on Monday.', language: 'en', published: '2025-01-03T00:00:00Z' }),
  ];
  for (const a of articles) insert.run(a.id, a.url, a.url, a.site.domain, a.title, a.published, a.language, a.wordCount, a.id, JSON.stringify(a));
  old.close();

  const store = new SqliteStore({ path });
  try {
    expect((await search(store, 'النفط')).hits.map((h) => h.id)).toEqual([articles[0]!.id]);
    expect((await search(store, 'oil site:example.com')).hits.map((h) => h.id)).toEqual([articles[1]!.id]);
    expect(listParts(store.db).map((p) => p.table)).toEqual(['search_fts_p0']);
  } finally {
    await store.close();
  }
});
