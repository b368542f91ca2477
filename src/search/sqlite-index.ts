/**
 * Keeps the SQLite full-text index in step with the articles table: SQL triggers queue changed
 * article ids in `search_pending` (migration 2); this module stems the queued records and writes
 * them to `search_fts` and `search_docs`.
 */
import type Database from 'better-sqlite3';
import type { Article } from '../extract/types.js';
import { buildIndexDocument } from './index-text.js';
import { facetColumn, reverseHost } from './facets.js';
import { ensurePart, partOfRowid } from './fts-parts.js';
import { normalizeText } from './normalize-arabic.js';


export function hostOf(article: Article): string {
  if (article.site.domain) return article.site.domain;
  for (const u of [article.canonicalUrl, article.url]) {
    if (!u) continue;
    try {
      return new URL(u).hostname;
    } catch {
      // not a URL: try the next one
    }
  }
  return '';
}

/** A published date as a UTC instant, or null when it is missing or unreadable. */
export function publishedUtc(published: string | null): string | null {
  if (!published) return null;
  const ms = Date.parse(published);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

export interface IndexProgress {
  indexed: number;
  removed: number;
}

export interface IndexPendingOptions {
  /** Articles per transaction (default 500). */
  batchSize?: number;
  /** Called after each batch. */
  onBatch?: (progress: IndexProgress) => void;
}

/** Indexes every queued article; returns how many were indexed and removed. */
export function indexPendingArticles(db: Database.Database, options: IndexPendingOptions = {}): IndexProgress {
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const pending = db.prepare<[number], { article_id: string }>('SELECT article_id FROM search_pending LIMIT ?');
  const readRecord = db.prepare<[string], { record: string }>('SELECT record FROM articles WHERE id = ?');
  const docRow = db.prepare<[string], { rowid: number }>('SELECT rowid FROM search_docs WHERE article_id = ?');
  const deleteDoc = db.prepare('DELETE FROM search_docs WHERE rowid = ?');
  const insertDoc = db.prepare(`INSERT INTO search_docs (article_id, site_rev, language, section, authors, published)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const updateDoc = db.prepare(`UPDATE search_docs SET site_rev = ?, language = ?, section = ?, authors = ?, published = ?
    WHERE rowid = ?`);
  const donePending = db.prepare('DELETE FROM search_pending WHERE article_id = ?');
  const progress: IndexProgress = { indexed: 0, removed: 0 };
  // statements per part table, prepared on first use
  const partStatements = new Map<number, { insert: Database.Statement; remove: Database.Statement }>();
  const statementsOf = (rowid: number): { insert: Database.Statement; remove: Database.Statement } => {
    const part = partOfRowid(db, rowid);
    let st = partStatements.get(part);
    if (st === undefined) {
      const table = ensurePart(db, part);
      st = {
        insert: db.prepare(`INSERT INTO ${table} (rowid, title, body, meta, alt, facet) VALUES (?, ?, ?, ?, ?, ?)`),
        remove: db.prepare(`DELETE FROM ${table} WHERE rowid = ?`),
      };
      partStatements.set(part, st);
    }
    return st;
  };

  const indexOne = (id: string): void => {
    const row = readRecord.get(id);
    const existing = docRow.get(id);
    if (existing !== undefined) statementsOf(existing.rowid).remove.run(existing.rowid);
    if (row === undefined) {
      if (existing !== undefined) deleteDoc.run(existing.rowid);
      progress.removed++;
      return;
    }
    const article = JSON.parse(row.record) as Article;
    const host = hostOf(article);
    const language = article.language?.toLowerCase() ?? null;
    const section = article.section ? normalizeText(article.section) : null;
    const filters = [
      reverseHost(host),
      language,
      section,
      article.authors.length > 0 ? `\n${article.authors.map((a) => normalizeText(a)).join('\n')}\n` : '',
      publishedUtc(article.published),
    ];
    let rowid: number;
    if (existing === undefined) {
      rowid = Number(insertDoc.run(id, ...filters).lastInsertRowid);
    } else {
      rowid = existing.rowid;
      updateDoc.run(...filters, rowid);
    }
    const doc = buildIndexDocument(article);
    statementsOf(rowid).insert.run(rowid, doc.title, doc.body, doc.meta, doc.alt, facetColumn({ host, section }));
    progress.indexed++;
  };

  // IMMEDIATE: take the write lock before reading, so a concurrent writer cannot slip between.
  const batch = db.transaction((ids: string[]) => {
    for (const id of ids) {
      indexOne(id);
      donePending.run(id);
    }
  });
  for (;;) {
    const ids = pending.all(batchSize).map((r) => r.article_id);
    if (ids.length === 0) break;
    batch.immediate(ids);
    options.onBatch?.(progress);
  }
  return progress;
}

/** How many articles wait to be indexed. */
export function countPendingArticles(db: Database.Database): number {
  return (db.prepare('SELECT count(*) AS n FROM search_pending').get() as { n: number }).n;
}

/** What a reader's catch-up left for the writers: articles stored but not yet searchable. */
export interface CatchUp extends IndexProgress {
  /** Articles still waiting (the store is read-only here, or a writer held the lock too long). */
  waiting: number;
}

/**
 * Brings the search index up to date before a read (search, export of a query), the way a
 * reader may: the articles and their versions are never touched, only the derived index, in
 * small IMMEDIATE batches so a crawl writing at the same time waits at most one batch. A
 * read-only store, or a lock held past the busy timeout, is not an error: the search runs on
 * what is indexed, and `waiting` says how much is not yet.
 */
export function catchUpIndex(db: Database.Database): CatchUp {
  if (db.readonly) return { indexed: 0, removed: 0, waiting: countPendingArticles(db) };
  try {
    return { ...indexPendingArticles(db, { batchSize: 100 }), waiting: 0 };
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return { indexed: 0, removed: 0, waiting: countPendingArticles(db) };
    throw error;
  }
}
