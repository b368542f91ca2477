/**
 * marsad's stems as PostgreSQL text-search values, written as literals (`'stem':3A`) and cast,
 * never passed through a text-search parser: the `simple` configuration would split and fold
 * words its own way, and the two stores would then find different articles.
 *
 * Document: one position sequence over the columns (title A, meta B, body C, alternative
 * stems D), with a gap of one position between columns, so a phrase cannot run from the end
 * of the headline into the body (SQLite's FTS5 keeps phrases within a column too).
 */
import type { IndexDocument } from '../index-text.js';
import type { ParsedQuery, QueryClause } from '../query.js';

/** PostgreSQL keeps positions up to 16383 and at most 256 per lexeme (later ones it would drop anyway). */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;

/** A lexeme inside a tsvector/tsquery literal: quoted, with quotes and backslashes doubled. */
export function lexeme(stem: string): string {
  return `'${stem.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

const COLUMN_WEIGHTS: [keyof IndexDocument, 'A' | 'B' | 'C' | 'D'][] = [['title', 'A'], ['meta', 'B'], ['body', 'C'], ['alt', 'D']];

/** The tsvector literal of an article's index document. */
export function documentVector(doc: IndexDocument): string {
  const positions = new Map<string, string[]>();
  let position = 1;
  for (const [column, weight] of COLUMN_WEIGHTS) {
    const stems = doc[column].split(' ').filter((s) => s.length > 0);
    for (const stem of stems) {
      let list = positions.get(stem);
      if (list === undefined) positions.set(stem, (list = []));
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${Math.min(position, MAX_POSITION)}${weight}`);
      position++;
    }
    position++; // the gap between columns
  }
  return [...positions].map(([stem, list]) => `${lexeme(stem)}:${list.join(',')}`).join(' ');
}

/**
 * A clause as a tsquery: one word matches any column, the alternative stems included; a phrase
 * matches consecutive words of the title, meta or body (as FTS5's `{title body meta} : "…"`).
 */
function clauseQuery(clause: QueryClause): string {
  if (clause.stems.length === 1) return lexeme(clause.stems[0]!);
  return `(${clause.stems.map((s) => `${lexeme(s)}:ABC`).join(' <-> ')})`;
}

/** The required words, less the excluded ones, as a tsquery literal; null when nothing is required. */
export function matchQuery(query: ParsedQuery): string | null {
  if (query.include.length === 0) return null;
  const required = query.include.map(clauseQuery).join(' & ');
  if (query.exclude.length === 0) return required;
  return `(${required}) & !(${query.exclude.map(clauseQuery).join(' | ')})`;
}

/** The excluded clauses alone (any of them), or null. */
export function excludeQuery(query: ParsedQuery): string | null {
  return query.exclude.length === 0 ? null : query.exclude.map(clauseQuery).join(' | ');
}
