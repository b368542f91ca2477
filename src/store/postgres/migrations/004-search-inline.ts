/**
 * Migration 4: search rows keep their stems inline. Ranking reads the `doc` tsvector of every
 * match in its window (up to 20,000 for a common word), and a tsvector of a 200-word article is
 * about 3 KB: stored out of line (TOAST), each read was a lookup in the TOAST table, and ranking
 * 20,000 matches took 230 ms at 100,000 articles; inline (STORAGE MAIN, rows up to 8,160 bytes
 * left whole) it took 130 ms. Longer documents still go out of line. Rows written from now on.
 */
import type { PostgresMigration } from './index.js';

export const migration004SearchInline: PostgresMigration = {
  version: 4,
  name: 'search-inline',
  up: `
ALTER TABLE search_docs SET (toast_tuple_target = 8160);
ALTER TABLE search_docs ALTER COLUMN doc SET STORAGE MAIN;
`,
};
