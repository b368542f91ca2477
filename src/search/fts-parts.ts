/**
 * The full-text index is split by indexing order into parts of a fixed number of articles
 * (search_docs rowids 1…size in part 0, the next size in part 1, …), each its own FTS5 table.
 *
 * Why: FTS5's bm25 reads the whole list of a query word to count the articles that contain it,
 * before it scores the first row. For a word in half of a million articles that count alone
 * took about 60 ms, whatever else the query asked. Relevance is ranked over the newest matches
 * (see search.ts), which for common words all lie in the newest part, so per part that count
 * is bounded by the part size however large the corpus grows. Rarer words are found in every
 * part at a small fixed cost per part. Scores from different parts use each part's own word
 * statistics; parts are consecutive slices of one stream of news, so these agree closely.
 */
import type Database from 'better-sqlite3';

/** Articles per part unless the index was created with another size (kept in search_settings). */
export const DEFAULT_PART_SIZE = 100_000;

/*
 * FTS5 merges index segments as it goes; by default it merges as soon as 4 segments of a level
 * exist. Merging at 16 made bulk indexing about 1.5× faster (bench/search-results.md) for a
 * slightly larger number of segments to read per query. The setting lives in each part.
 */
const AUTOMERGE = 16;

export interface FtsPart {
  part: number;
  /** The FTS5 table's name (also the name its MATCH operator takes). */
  table: string;
}

const sizes = new WeakMap<Database.Database, number>();

export function partTable(part: number): string {
  return `search_fts_p${part}`;
}

/** Articles per part in this database. */
export function partSize(db: Database.Database): number {
  let size = sizes.get(db);
  if (size === undefined) {
    const row = db.prepare("SELECT value FROM search_settings WHERE key = 'part_size'").get() as { value: number } | undefined;
    size = Math.max(1, Number(row?.value ?? DEFAULT_PART_SIZE));
    sizes.set(db, size);
  }
  return size;
}

/**
 * Sets the part size of an index that has no part yet (tests use small parts to exercise
 * searches across many of them). Throws once anything is indexed: parts cannot be resized.
 */
export function setPartSize(db: Database.Database, size: number): void {
  const used = (db.prepare('SELECT count(*) AS n FROM search_parts').get() as { n: number }).n;
  if (used > 0) throw new Error('the search index already has parts; its part size cannot change');
  db.prepare("INSERT INTO search_settings (key, value) VALUES ('part_size', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(Math.max(1, Math.floor(size)));
  sizes.delete(db);
}

export function partOfRowid(db: Database.Database, rowid: number): number {
  return Math.floor((rowid - 1) / partSize(db));
}

/** Creates the part's FTS5 table when it does not exist yet; returns its name. */
export function ensurePart(db: Database.Database, part: number): string {
  const table = partTable(part);
  const known = db.prepare('SELECT 1 FROM search_parts WHERE part = ?').get(part);
  if (known === undefined) {
    // Contentless: the original text lives in articles.record; snippets are cut from it.
    db.exec(`CREATE VIRTUAL TABLE ${table} USING fts5(title, body, meta, alt, facet, content='', contentless_delete=1, tokenize='ascii')`);
    db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('automerge', ${AUTOMERGE})`);
    db.prepare('INSERT INTO search_parts (part) VALUES (?)').run(part);
  }
  return table;
}

/** Every part, newest first. */
export function listParts(db: Database.Database): FtsPart[] {
  const parts = db.prepare('SELECT part FROM search_parts ORDER BY part DESC').pluck().all() as number[];
  return parts.map((part) => ({ part, table: partTable(part) }));
}

/** Merges each part's segments into one (after a bulk load: fewer segments, faster queries). */
export function optimizeParts(db: Database.Database): void {
  for (const { table } of listParts(db)) db.exec(`INSERT INTO ${table} (${table}) VALUES ('optimize')`);
}
