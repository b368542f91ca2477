/**
 * Query parsing: what a user types becomes clauses of stems plus filters, and then an FTS5
 * MATCH expression in which every word is quoted, so no typed character is ever FTS syntax.
 */
import { UsageError } from '../errors.js';
import { normalizeText } from './normalize-arabic.js';
import { isStopWord } from './stop-words.js';
import { tokenize } from './tokenize.js';

/** One required or excluded clause: one stem is a word, several are a phrase (order kept). */
export interface QueryClause {
  stems: string[];
  /** The words as typed, for messages. */
  text: string;
}

export interface SearchFilters {
  sites: string[];
  notSites: string[];
  languages: string[];
  notLanguages: string[];
  sections: string[];
  notSections: string[];
  authors: string[];
  notAuthors: string[];
  /** Published at or after this instant (ISO 8601, UTC). */
  after: string | null;
  /** Published before this instant (ISO 8601, UTC). */
  before: string | null;
}

export interface ParsedQuery {
  include: QueryClause[];
  exclude: QueryClause[];
  filters: SearchFilters;
  /** Bare words dropped as stop-words. */
  stopWords: string[];
  /** Why nothing can be searched, when the query had words but none searchable. */
  notice: string | null;
}

export function emptyFilters(): SearchFilters {
  return {
    sites: [], notSites: [], languages: [], notLanguages: [], sections: [], notSections: [],
    authors: [], notAuthors: [], after: null, before: null,
  };
}

const FILTER_KEYS = new Set(['site', 'lang', 'section', 'author', 'after', 'before']);

interface RawPart {
  negated: boolean;
  quoted: boolean;
  key: string | null;
  value: string;
}

/** Reads the end of a double-quoted string starting after `i`; an unclosed quote runs to the end. */
function readQuoted(input: string, i: number): { value: string; next: number } {
  const end = input.indexOf('"', i);
  return end < 0 ? { value: input.slice(i), next: input.length } : { value: input.slice(i, end), next: end + 1 };
}

/*
 * Lexing rules: whitespace separates parts; "…" is a phrase (an unclosed quote runs to the end);
 * a leading "-" excludes the part that follows it; key:value with a known key is a filter, and its
 * value may be quoted (author:"Ahmed Ali"). Anything else, colons and stars included, is text.
 */
function lex(input: string): RawPart[] {
  const parts: RawPart[] = [];
  let i = 0;
  while (i < input.length) {
    while (i < input.length && /\s/.test(input[i]!)) i++;
    if (i >= input.length) break;
    let negated = false;
    // U+2212 MINUS SIGN excludes too: word processors type it, and the CLI passes `-word` that way (see exclusion-args.ts).
    if ((input[i] === '-' || input[i] === '\u2212') && i + 1 < input.length && !/\s/.test(input[i + 1]!)) {
      negated = true;
      i++;
    }
    if (input[i] === '"') {
      const q = readQuoted(input, i + 1);
      parts.push({ negated, quoted: true, key: null, value: q.value });
      i = q.next;
      continue;
    }
    let j = i;
    while (j < input.length && !/\s/.test(input[j]!) && input[j] !== '"') j++;
    const word = input.slice(i, j);
    const colon = word.indexOf(':');
    const key = colon > 0 ? word.slice(0, colon).toLowerCase() : null;
    if (key !== null && FILTER_KEYS.has(key)) {
      if (colon === word.length - 1 && input[j] === '"') {
        const q = readQuoted(input, j + 1);
        parts.push({ negated, quoted: true, key, value: q.value });
        i = q.next;
        continue;
      }
      parts.push({ negated, quoted: false, key, value: word.slice(colon + 1) });
    } else {
      parts.push({ negated, quoted: false, key: null, value: word });
    }
    i = j;
  }
  return parts;
}

/** Parses a date bound: YYYY, YYYY-MM, YYYY-MM-DD or a full ISO 8601 instant → ISO UTC. */
export function parseDateBound(value: string, key: string): string {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim());
  const iso = /^(\d{4})-(\d{2})-(\d{2})T/.exec(value.trim());
  const parts = m ?? iso;
  let ms = Number.NaN;
  if (parts !== null) {
    const [year, month, day] = [Number(parts[1]), parts[2] === undefined ? 1 : Number(parts[2]), parts[3] === undefined ? 1 : Number(parts[3])];
    // Date.UTC rolls 2025-13 over to 2026-01 and 02-30 to 03-02: a date that does not exist is refused instead.
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      throw new UsageError(`${key}:${value} is not a date: ${month < 1 || month > 12 ? `there is no month ${month}` : `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')} has no day ${day}`}`);
    }
    ms = m !== null ? Date.UTC(year, month - 1, day) : Date.parse(value);
  }
  if (!Number.isFinite(ms)) {
    throw new UsageError(`${key}:${value} is not a date; use YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 time`);
  }
  return new Date(ms).toISOString();
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function applyFilter(filters: SearchFilters, part: RawPart): void {
  const value = part.value.trim();
  if (value.length === 0) return;
  switch (part.key) {
    case 'site': (part.negated ? filters.notSites : filters.sites).push(value.toLowerCase().replace(/^www\./, '')); break;
    case 'lang': (part.negated ? filters.notLanguages : filters.languages).push(value.toLowerCase()); break;
    case 'section': (part.negated ? filters.notSections : filters.sections).push(normalizeText(value)); break;
    case 'author': (part.negated ? filters.notAuthors : filters.authors).push(normalizeText(value)); break;
    case 'after': filters.after = parseDateBound(value, 'after'); break;
    case 'before': filters.before = parseDateBound(value, 'before'); break;
  }
}

/** Parses a user query. Throws UsageError only for an unreadable date filter. */
export function parseQuery(input: string): ParsedQuery {
  const include: QueryClause[] = [];
  const exclude: QueryClause[] = [];
  const filters = emptyFilters();
  const stopWords: string[] = [];
  let sawText = false;
  for (const part of lex(input)) {
    if (part.key !== null) {
      applyFilter(filters, part);
      continue;
    }
    const tokens = tokenize(part.value);
    sawText = true;
    if (tokens.length === 0) continue;
    // a bare word that splits into several (e-mail, U.S.) is searched as a phrase
    if (!part.quoted && tokens.length === 1 && isStopWord(tokens[0]!.norm)) {
      stopWords.push(part.value);
      continue;
    }
    const clause = { stems: tokens.map((t) => t.stem), text: part.value };
    (part.negated ? exclude : include).push(clause);
  }
  let notice: string | null = null;
  if (include.length === 0 && exclude.length === 0 && sawText) {
    notice = stopWords.length > 0
      ? `nothing to search: the query has only common words (${stopWords.join(', ')}); add a more specific word or put a phrase in quotes`
      : 'nothing to search: the query has no letters or digits';
  }
  return { include, exclude, filters, stopWords, notice };
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

function clauseExpression(clause: QueryClause): string {
  if (clause.stems.length === 1) return `{title body meta alt} : ${quote(clause.stems[0]!)}`;
  return `{title body meta} : ${quote(clause.stems.join(' '))}`;
}

/** The FTS5 MATCH expression for the text part of a query, or null when it has no required words. */
export function toMatchExpression(query: ParsedQuery): string | null {
  if (query.include.length === 0) return null;
  const required = query.include.map(clauseExpression).join(' AND ');
  if (query.exclude.length === 0) return required;
  return `(${required}) NOT (${query.exclude.map(clauseExpression).join(' OR ')})`;
}

/** The FTS5 MATCH expression for the excluded clauses alone, or null. */
export function toExcludeExpression(query: ParsedQuery): string | null {
  return query.exclude.length === 0 ? null : query.exclude.map(clauseExpression).join(' OR ');
}

/** Every stem a query asks for, for highlighting. */
export function queryStems(query: ParsedQuery): Set<string> {
  return new Set(query.include.flatMap((c) => c.stems));
}

export interface FilterFlags {
  site?: string[];
  lang?: string[];
  section?: string[];
  author?: string[];
  after?: string;
  before?: string;
}

/** Filters given as separate options (command-line flags, API parameters), normalized as in a query. */
export function filtersFromFlags(flags: FilterFlags): SearchFilters {
  const filters = emptyFilters();
  const add = (key: string, values: string[] | undefined): void => {
    for (const value of values ?? []) applyFilter(filters, { negated: false, quoted: true, key, value });
  };
  add('site', flags.site);
  add('lang', flags.lang);
  add('section', flags.section);
  add('author', flags.author);
  add('after', flags.after === undefined ? undefined : [flags.after]);
  add('before', flags.before === undefined ? undefined : [flags.before]);
  return filters;
}
