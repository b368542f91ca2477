/**
 * Keeps the SQLite full-text index in step with the articles table: SQL triggers queue changed
 * article ids in `search_pending` (migration 2); this module stems the queued records and writes
 * them to `search_fts` and `search_docs`.
 */
import type Database from 'better-sqlite3';
import type { Article } from '../extract/types.js';
import { buildIndexDocument } from './index-text.js';
import { normalizeText } from './normalize-arabic.js';

/** Reversed host labels with a trailing dot: "www.bbc.com" → "com.bbc.www.". */
export function reverseHost(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.').filter((l) => l.length > 0);
  return labels.length === 0 ? '' : `${labels.reverse().join('.')}.`;
}

function hostOf(article: Article): string {
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

/*
 * FTS5 merges index segments as it goes; by default it merges as soon as 4 segments of a level
 * exist. Merging at 16 made bulk indexing about 1.5× faster (bench/search-results.md) for a
 * slightly larger number of segments to read per query. The setting lives in the index itself.
 */
const AUTOMERGE = 16;
const tuned = new WeakSet<Database.Database>();

function tuneIndex(db: Database.Database): void {
  if (tuned.has(db)) return;
  const row = db.prepare("SELECT v FROM search_fts_config WHERE k = 'automerge'").get() as { v: number } | undefined;
  if (row?.v !== AUTOMERGE) db.exec(`INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', ${AUTOMERGE})`);
  tuned.add(db);
}

/** Indexes every queued article; returns how many were indexed and removed. */
export function indexPendingArticles(db: Database.Database, options: IndexPendingOptions = {}): IndexProgress {
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const pending = db.prepare<[number], { article_id: string }>('SELECT article_id FROM search_pending LIMIT ?');
  const readRecord = db.prepare<[string], { record: string }>('SELECT record FROM articles WHERE id = ?');
  const docRow = db.prepare<[string], { rowid: number }>('SELECT rowid FROM search_docs WHERE article_id = ?');
  const deleteFts = db.prepare('DELETE FROM search_fts WHERE rowid = ?');
  const deleteDoc = db.prepare('DELETE FROM search_docs WHERE rowid = ?');
  const insertDoc = db.prepare(`INSERT INTO search_docs (article_id, site_rev, language, section, authors, published)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const updateDoc = db.prepare(`UPDATE search_docs SET site_rev = ?, language = ?, section = ?, authors = ?, published = ?
    WHERE rowid = ?`);
  const insertFts = db.prepare('INSERT INTO search_fts (rowid, title, body, meta, alt) VALUES (?, ?, ?, ?, ?)');
  const donePending = db.prepare('DELETE FROM search_pending WHERE article_id = ?');
  const progress: IndexProgress = { indexed: 0, removed: 0 };

  const indexOne = (id: string): void => {
    const row = readRecord.get(id);
    const existing = docRow.get(id);
    if (existing !== undefined) deleteFts.run(existing.rowid);
    if (row === undefined) {
      if (existing !== undefined) deleteDoc.run(existing.rowid);
      progress.removed++;
      return;
    }
    const article = JSON.parse(row.record) as Article;
    const filters = [
      reverseHost(hostOf(article)),
      article.language?.toLowerCase() ?? null,
      article.section ? normalizeText(article.section) : null,
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
    insertFts.run(rowid, doc.title, doc.body, doc.meta, doc.alt);
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
    tuneIndex(db);
    batch.immediate(ids);
    options.onBatch?.(progress);
  }
  return progress;
}

/** How many articles wait to be indexed. */
export function countPendingArticles(db: Database.Database): number {
  return (db.prepare('SELECT count(*) AS n FROM search_pending').get() as { n: number }).n;
}
