/**
 * Top terms of a set of articles: the words the matches of a query use most, counted by
 * documents (a word repeated in one article counts once), the way Media Cloud's word cloud
 * shows what a topic is about.
 *
 * Arabic-aware: words are counted by their normalized form (marsad's search normalization, so
 * أ/إ/آ/ا, ة/ه, ى/ي, tashkeel and tatweel variants are one term) and shown in the spelling the
 * articles use most. Stop words (the search module's Arabic, English and French ones plus the
 * reporting words every news story has), numbers and one-letter tokens are left out.
 *
 * Cost rule: reading and tokenizing articles is the expensive part (2,000 articles of 3,000
 * characters took 0.8 s), so at most `sample` (default DEFAULT_TERMS_SAMPLE, 1,000, as Media
 * Cloud samples) of the most recently indexed matches are read, and of each only the title and
 * the first TEXT_CHARS characters of the body: the lead says what a story is about.
 */
import type Database from 'better-sqlite3';
import type { Store } from '../store/index.js';
import { isPostgresStore } from '../store/postgres/is-postgres-store.js';
import { countMatches, newestMatches } from './matched-rows.js';
import { normalizeText } from './normalize-arabic.js';
import { parseQuery, type SearchFilters } from './query.js';
import { databaseOf, MAX_RANKED, planQuery } from './search.js';
import { catchUpIndex } from './sqlite-index.js';
import { cachedForIndexState } from './result-cache.js';
import { isStopWord } from './stop-words.js';

export const DEFAULT_TERMS_SAMPLE = 1000;
/** Body characters read per article: the lead, about the first three paragraphs. */
export const TEXT_CHARS = 1500;

/*
 * Words news prose uses whatever the story, beyond the search stop words (which are kept short
 * on purpose: a search must still find "قال" when asked). Written as people write them; they
 * are normalized like the text.
 */
const NEWS_FUNCTION_WORDS = `قال قالت وقال وقالت يقول تقول اضاف واضاف اضافت واضافت اكد واكد اكدت واكدت اشار واشار اشارت
واشارت اوضح واوضح وكان وكانت وهو وهي التي الذي الذين بعد قبل خلال امس اليوم الان وان وما ولا وقد ولم ولن
انه انها بان وبين فيه فيها منه منها عليه عليها اليه اليها لها له لهم لهذا لذلك هذه هذا ذلك تلك وهذا وهذه
او اي ايضا كل كما مثل حول عبر ضد نحو دون اما الا اذ اذا لدى لدي وفق وفقا حيث بين لكن الي علي عن مع ومع
said says say told also after before more than other into over about would could can may might been being had
has was were our we us his her him they them their there here what when where which while who whom why how all
any some such only just very most much many mr mrs ms its it's per via de del da el al`;

const EXCLUDED: ReadonlySet<string> = new Set(NEWS_FUNCTION_WORDS.split(/\s+/).filter((w) => w.length > 0).map((w) => normalizeText(w)));

export interface TermCount {
  /** The spelling the articles use most. */
  term: string;
  /** The normalized form the counting used. */
  normalized: string;
  /** Articles containing the term. */
  count: number;
  /** count / articles read (0…1). */
  share: number;
}

export interface TopTerms {
  terms: TermCount[];
  /** Articles read. */
  sampled: number;
}

/** True for a word worth showing: not a stop word, a number, or a single letter. */
export function isContentTerm(normalized: string): boolean {
  if ([...normalized].length < 2) return false;
  if (/^[\p{N}\p{P}]+$/u.test(normalized) || /^\p{N}/u.test(normalized)) return false;
  return !isStopWord(normalized) && !EXCLUDED.has(normalized);
}

/*
 * Speed: a thousand leads are about 200,000 words, so the per-word work is kept to lookups.
 * Words are cut as tokenize() cuts them (same runs and pieces) but never stemmed: terms are
 * counted by normalized form, and stemming each new form cost more than everything else
 * together (1.5 s for a thousand articles with a cold cache). Each distinct run of an article
 * is looked at once, its content terms cached by run across calls, and a term's spelling is
 * counted once per article (the shown spelling is then the one most articles use).
 */
const WORD_RUN = /[\p{L}\p{N}\p{M}\u0640\u200C\u200D]+/gu; // as in tokenize.ts
const PIECE = /[\p{L}\p{N}]+/gu; // as in tokenize.ts
const MAX_TERM_CHARS = 64;
/*
 * 50,000 runs: on the 100,000-article benchmark corpus a 200,000-run cache held 48 MB of live
 * heap for good (server RSS 271 MB after 78 terms requests); 50,000 holds 8 MB (RSS 158 MB) and
 * costs 8% more CPU per request (180 against 167 ms).
 */
const RUN_CACHE_LIMIT = 50_000;
/** run as written → its content terms (normalized); empty for stop words, numbers… */
const termsOfRun = new Map<string, string[]>();

function contentTermsOf(run: string): string[] {
  let terms = termsOfRun.get(run);
  if (terms === undefined) {
    terms = [];
    for (const piece of normalizeText(run).matchAll(PIECE)) {
      if (piece[0].length <= MAX_TERM_CHARS && isContentTerm(piece[0])) terms.push(piece[0]);
    }
    if (termsOfRun.size >= RUN_CACHE_LIMIT) termsOfRun.clear();
    termsOfRun.set(run, terms);
  }
  return terms;
}

/** The top terms of some texts (one per document), most frequent first; ties alphabetical by normalized form. */
export function topTermsOfTexts(texts: Iterable<string>, options: { limit?: number } = {}): TopTerms {
  const limit = Math.max(1, Math.floor(options.limit ?? 30));
  const documents = new Map<string, number>();
  const spellings = new Map<string, Map<string, number>>();
  let sampled = 0;
  for (const text of texts) {
    sampled++;
    const seen = new Set<string>();
    for (const run of new Set(text.match(WORD_RUN))) {
      const terms = contentTermsOf(run);
      for (const term of terms) {
        if (seen.has(term)) continue;
        seen.add(term);
        documents.set(term, (documents.get(term) ?? 0) + 1);
        // a run that normalization split into pieces (a ligature) has no spelling of its own per piece
        const spelling = terms.length === 1 ? run : term;
        let forms = spellings.get(term);
        if (forms === undefined) spellings.set(term, (forms = new Map()));
        forms.set(spelling, (forms.get(spelling) ?? 0) + 1);
      }
    }
  }
  const top = [...documents]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit);
  const terms = top.map(([normalized, count]) => ({ term: mostFrequent(spellings.get(normalized)!), normalized, count, share: sampled === 0 ? 0 : count / sampled }));
  return { terms, sampled };
}

/** The most frequent key; ties go to the first seen. */
function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [key, n] of counts) {
    if (n > bestCount) {
      best = key;
      bestCount = n;
    }
  }
  return best;
}

export interface TopTermsOptions {
  filters?: Partial<SearchFilters>;
  /** Terms returned (default 30). */
  limit?: number;
  /** Most articles read (default DEFAULT_TERMS_SAMPLE). */
  sample?: number;
}

/** The title and the start of the body of each article, read one at a time (memory stays flat). */
function* textsOf(db: Database.Database, rowids: number[]): Generator<string> {
  const read = db.prepare<[number], { title: string | null; text: string | null }>(`SELECT json_extract(a.record, '$.title') AS title,
      substr(json_extract(a.record, '$.text'), 1, ${TEXT_CHARS}) AS text
    FROM search_docs s JOIN articles a ON a.id = s.article_id WHERE s.rowid = ?`);
  for (const rowid of rowids) {
    const row = read.get(rowid);
    if (row !== undefined) yield `${row.title ?? ''}\n\n${row.text ?? ''}`;
  }
}

/** Top terms of the matches of a query (same syntax and filters as search()); `total` counts matches as search() does. */
export async function topTermsOfMatches(store: Store, query: string, options: TopTermsOptions = {}): Promise<TopTerms & { total: number }> {
  const parsed = parseQuery(query);
  if (parsed.notice !== null) return { terms: [], sampled: 0, total: 0 };
  if (isPostgresStore(store)) {
    const { newestTextsPostgres } = await import('./postgres/aggregates.js');
    const sample = Math.max(1, Math.floor(options.sample ?? DEFAULT_TERMS_SAMPLE));
    const { texts, total } = await newestTextsPostgres(store, parsed, options.filters ?? {}, sample, TEXT_CHARS, MAX_RANKED);
    return { ...topTermsOfTexts(texts, options.limit === undefined ? {} : { limit: options.limit }), total };
  }
  const db = databaseOf(store);
  catchUpIndex(db);
  return cachedForIndexState(db, JSON.stringify(['terms', query, options]), () => {
    const plan = planQuery(db, parsed, options.filters ?? {});
    const sample = Math.max(1, Math.floor(options.sample ?? DEFAULT_TERMS_SAMPLE));
    const rowids = newestMatches(db, plan, sample);
    const result = topTermsOfTexts(textsOf(db, rowids), options.limit === undefined ? {} : { limit: options.limit });
    const total = rowids.length < sample ? rowids.length : countMatches(db, plan, MAX_RANKED);
    return { ...result, total };
  });
}
