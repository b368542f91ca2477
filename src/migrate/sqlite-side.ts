/** `marsad migrate` on a SQLite store: reading its rows in storage order, adding rows it lacks. */
import type Database from 'better-sqlite3';
import { indexPendingArticles } from '../search/sqlite-index.js';
import {
  ARTICLE_COLUMNS,
  FRONTIER_COLUMNS,
  VERSION_COLUMNS,
  type ArticleRow,
  type ArticleWithVersions,
  type CorpusReader,
  type CorpusWriter,
  type FrontierRow,
  type SourceRow,
  type VersionRow,
} from './corpus-rows.js';

export function sqliteReader(db: Database.Database): CorpusReader {
  const versions = db.prepare<[string], VersionRow>(`SELECT ${VERSION_COLUMNS.join(', ')} FROM article_versions WHERE article_id = ? ORDER BY version`);
  return {
    async sources() {
      return db.prepare('SELECT id, name, hosts, start_urls, config, created_at FROM sources ORDER BY id').all() as SourceRow[];
    },
    async frontier(after, limit) {
      return db.prepare(`SELECT id, ${FRONTIER_COLUMNS.join(', ')} FROM frontier WHERE id > ? ORDER BY id LIMIT ?`).all(after, limit) as FrontierRow[];
    },
    async articles(after, limit) {
      const rows = db.prepare(`SELECT rowid AS key, ${ARTICLE_COLUMNS.join(', ')} FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?`)
        .all(after, limit) as (ArticleRow & { key: number })[];
      return rows.map(({ key, ...article }) => ({ key, article, versions: versions.all(article.id) }));
    },
    async counts() {
      const n = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return { sources: n('sources'), frontier: n('frontier'), articles: n('articles') };
    },
  };
}

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

export function sqliteWriter(db: Database.Database): CorpusWriter {
  const insertSource = db.prepare('INSERT INTO sources (name, hosts, start_urls, config, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING');
  const sourceId = db.prepare<[string], { id: number }>('SELECT id FROM sources WHERE name = ?');
  const insertFrontier = db.prepare(`INSERT INTO frontier (${FRONTIER_COLUMNS.join(', ')}) VALUES (${marks(FRONTIER_COLUMNS.length)}) ON CONFLICT (url) DO NOTHING`);
  const insertArticle = db.prepare(`INSERT INTO articles (${ARTICLE_COLUMNS.join(', ')}) VALUES (${marks(ARTICLE_COLUMNS.length)}) ON CONFLICT DO NOTHING`);
  const insertVersion = db.prepare(`INSERT INTO article_versions (${VERSION_COLUMNS.join(', ')}) VALUES (${marks(VERSION_COLUMNS.length)}) ON CONFLICT DO NOTHING`);
  // one transaction per batch: a batch is in the target whole or not at all
  const addFrontier = db.transaction((rows: FrontierRow[]) => rows.reduce((n, row) => n + insertFrontier.run(...FRONTIER_COLUMNS.map((c) => row[c])).changes, 0));
  const addArticles = db.transaction((items: ArticleWithVersions[]) => {
    let added = 0;
    for (const { article, versions } of items) {
      // an article already there (by id or canonical URL) is left as it is, versions included
      if (insertArticle.run(...ARTICLE_COLUMNS.map((c) => article[c])).changes === 0) continue;
      for (const v of versions) insertVersion.run(...VERSION_COLUMNS.map((c) => v[c]));
      added++;
    }
    return added;
  });
  return {
    async sources(rows) {
      const ids = new Map<number, number>();
      db.transaction(() => {
        for (const row of rows) {
          insertSource.run(row.name, row.hosts, row.start_urls, row.config, row.created_at);
          ids.set(row.id, sourceId.get(row.name)!.id);
        }
      }).immediate();
      return ids;
    },
    async frontier(rows) {
      return addFrontier.immediate(rows);
    },
    async articles(items) {
      return addArticles.immediate(items);
    },
    async finish() {
      indexPendingArticles(db);
    },
  };
}
