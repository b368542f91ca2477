/**
 * Tokenization for search: words of the ORIGINAL text with their offsets, each carrying its
 * normalized form and stems, so matches found on stems can be shown in the original spelling.
 */
import { normalizeText } from './normalize-arabic.js';
import { stemToken } from './stem.js';

export interface Token {
  /** Offset of the word in the original text (UTF-16 code units). */
  start: number;
  end: number;
  /** Normalized form (see normalizeText). */
  norm: string;
  stem: string;
  /** Other stems (an ambiguous one-letter proclitic), usually none. */
  alts: string[];
}

/*
 * A word is a run of letters, digits and combining marks, with tatweel and zero-width joiners
 * inside it (they are decoration, not separators). After normalization one run can still give
 * several pieces (ligatures, "½"); all pieces point at the run's span. Han and kana have no
 * spaces between words, so each such character is its own token (phrase search then matches
 * character sequences). Words longer than MAX_TOKEN_CHARS (base64, hashes) are skipped.
 */
const WORD_RUN = /[\p{L}\p{N}\p{M}\u0640\u200C\u200D]+/gu;
const PIECE = /[\p{L}\p{N}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const MAX_TOKEN_CHARS = 64;

type Piece = Pick<Token, 'norm' | 'stem' | 'alts'>;

function piecesOf(run: string): Piece[] {
  const pieces: Piece[] = [];
  const add = (word: string): void => {
    if (word.length > MAX_TOKEN_CHARS) return;
    const { stem, alts } = stemToken(word);
    pieces.push({ norm: word, stem, alts });
  };
  for (const piece of normalizeText(run).matchAll(PIECE)) {
    const word = piece[0];
    if (CJK.test(word)) for (const ch of word) add(ch);
    else add(word);
  }
  return pieces;
}

/*
 * Word forms repeat (a few thousand forms make most of any news text), and normalizing and
 * stemming one costs a microsecond or more, so the pieces of each form are cached. The cache is
 * bounded: when full it is emptied and refills with the forms in use.
 */
const CACHE_LIMIT = 200_000;
const cache = new Map<string, Piece[]>();

function cachedPieces(run: string): Piece[] {
  let pieces = cache.get(run);
  if (pieces === undefined) {
    pieces = piecesOf(run);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(run, pieces);
  }
  return pieces;
}

/** Splits text into tokens with offsets into the original text. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const run of text.matchAll(WORD_RUN)) {
    const start = run.index;
    const end = start + run[0].length;
    for (const p of cachedPieces(run[0])) out.push({ start, end, norm: p.norm, stem: p.stem, alts: p.alts });
  }
  return out;
}

/** The stems of a text in order, space-separated: what the search index stores. */
export function stemText(text: string): { stems: string; alts: string } {
  const stems: string[] = [];
  const alts: string[] = [];
  for (const t of tokenize(text)) {
    stems.push(t.stem);
    alts.push(...t.alts);
  }
  return { stems: stems.join(' '), alts: alts.join(' ') };
}
