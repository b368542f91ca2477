/**
 * Migration 6: search normalization folds more hamza spellings (طارىء = طارئ, مسوول = مسؤول;
 * see src/search/normalize-arabic.ts). Indexed text must be normalized as queries are, so the
 * index is rebuilt: its parts are dropped and every article is queued again, to be indexed the
 * next time the store is searched or written.
 */
import type Database from 'better-sqlite3';
import type { SqliteMigration } from './index.js';

export const migration006SearchHamza: SqliteMigration = {
  version: 6,
  name: 'search-hamza',
  up: (db: Database.Database) => {
    const parts = db.prepare('SELECT part FROM search_parts').pluck().all() as number[];
    // The part tables' names, as src/search/fts-parts.ts makes them (a shipped migration may not import code that changes).
    for (const part of parts) db.exec(`DROP TABLE IF EXISTS search_fts_p${part}`);
    db.exec(`DELETE FROM search_parts;
DELETE FROM search_docs;
DELETE FROM search_pending;
INSERT INTO search_pending (article_id) SELECT id FROM articles;`);
  },
};
