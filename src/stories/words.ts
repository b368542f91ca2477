/**
 * The words of a text for story features: the search tokenizer's normalized forms and stems
 * (so Arabic spelling variants and clitics meet exactly as they do in search), read through a
 * cache of word forms. Story assignment runs on every stored article, and a few thousand forms
 * make most of any news text: looking a form up once beats building offset-carrying tokens for
 * every occurrence (measured: the tokenizer was half of the time per article).
 */
import { normalizeText } from '../search/normalize-arabic.js';
import { stemToken } from '../search/stem.js';
import { isStopWord } from '../search/stop-words.js';

export interface WordForm {
  /** Stems that count as terms: stop words, bare numbers and one-letter stems left out. */
  stems: string[];
  /** A 32-bit hash of each normalized piece, for the fingerprint (which keeps stop words). */
  hashes: number[];
}

/*
 * The search tokenizer's rules (src/search/tokenize.ts), applied here to one word run at a time
 * without its offsets and without its own cache (which would hold every form a second time): a
 * run of letters, digits and marks, normalized, split into pieces; Han and kana one per character.
 */
const WORD_RUN = /[\p{L}\p{N}\p{M}\u0640\u200C\u200D]+/gu;
const PIECE = /[\p{L}\p{N}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const MAX_TOKEN_CHARS = 64;
const DIGITS_ONLY = /^\d+$/;
const CACHE_LIMIT = 100_000;
const cache = new Map<string, WordForm>();

function fnv1a(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function piecesOf(run: string): string[] {
  const pieces: string[] = [];
  for (const match of normalizeText(run).matchAll(PIECE)) {
    const piece = match[0];
    if (CJK.test(piece)) pieces.push(...piece);
    else if (piece.length <= MAX_TOKEN_CHARS) pieces.push(piece);
  }
  return pieces;
}

function formOf(run: string): WordForm {
  const stems: string[] = [];
  const hashes: number[] = [];
  for (const norm of piecesOf(run)) {
    hashes.push(fnv1a(norm));
    if (isStopWord(norm) || DIGITS_ONLY.test(norm)) continue;
    const { stem } = stemToken(norm);
    if (stem.length >= 2) stems.push(stem);
  }
  return { stems, hashes };
}

/** Calls `visit` for each word form of the text, in order, up to `limit` forms. */
export function eachWordForm(text: string, limit: number, visit: (form: WordForm) => void): void {
  let n = 0;
  for (const match of text.matchAll(WORD_RUN)) {
    const run = match[0];
    let form = cache.get(run);
    if (form === undefined) {
      form = formOf(run);
      // bounded: when full it is emptied and refills with the forms in use
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(run, form);
    }
    visit(form);
    if (++n >= limit) return;
  }
}
