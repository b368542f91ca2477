/**
 * Light stemming of normalized tokens: Arabic by prefix/suffix stripping, Latin and Cyrillic
 * scripts with the Snowball stemmers (snowball-stemmers).
 */
import { createRequire } from 'node:module';

interface SnowballStemmer {
  stem(word: string): string;
}
interface SnowballFactory {
  newStemmer(language: string): SnowballStemmer;
}

const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as SnowballFactory;
const english = snowball.newStemmer('english');
const russian = snowball.newStemmer('russian');

/*
 * Why Arabic is not stemmed by Snowball's Arabic stemmer: measured on word families written
 * the way they appear in news text (after our normalization), it gives one word different stems
 * depending on its clitics, which loses exactly the matches stemming is for:
 *   فلسطين→لسط but الفلسطينيين→فلسطين; وزير→زير but الوزير→وزير and والوزير→والوزير;
 *   انتخابات→انتخابا but الانتخابات→انتخاب; والحكومه→والحكوم but الحكومه→حكومه; بيروت→يرو.
 * It never strips و/ف + ال together ("and the"), the most frequent Arabic prefix, and strips a
 * leading و/ف/ب/ل from bare words where it is a root letter. The families in test/search show the
 * rules below give one stem per family. Snowball stays in use for Latin and Cyrillic text.
 *
 * Rules (input is already normalized: plain alef, ي for ى, ه for ة, no diacritics):
 * 1. The definite article with its optional conjunction and preposition is removed, longest
 *    first (وبال فبال وكال فكال ولل فلل وال فال بال كال لل ال), when at least 2 letters remain.
 * 2. Suffixes (plural, dual, nisba, attached pronouns) are removed repeatedly, longest first,
 *    while at least 3 letters remain. Over-stemming is harmless when it is consistent: فلسطين,
 *    فلسطيني and الفلسطينيين all end at فلسط, which no other word reaches.
 * 3. A stem ending in ت is also indexed without it: before a pronoun ة is written ت
 *    (مدرسته = مدرسة + ه), while in ثابت the ت is a root letter, so neither reading alone is right.
 * 4. A single-letter proclitic without the article (و ف, then ب ل ك: "وبيروت", "لغزه") is
 *    ambiguous: in وزير or بيروت the letter is part of the word. So the main stem keeps it and an
 *    alternative stem without it is indexed in a separate column; queries match both.
 */

const ARTICLE_PREFIXES = ['وبال', 'فبال', 'وكال', 'فكال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'];
const SUFFIXES = [
  'يات', 'تين', 'تان', 'تها', 'تهم', 'تهن', 'تنا', 'تكم', 'هما', 'كما', 'يين', 'يون',
  'ها', 'هم', 'هن', 'كم', 'كن', 'نا', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي',
];
const MIN_PREFIX_REST = 2;
const MIN_STEM = 3;

function stripSuffixes(word: string): string {
  let w = word;
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of SUFFIXES) {
      if (w.endsWith(suffix) && w.length - suffix.length >= MIN_STEM) {
        w = w.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  return w;
}

function stripArticle(word: string): { rest: string; stripped: boolean } {
  for (const prefix of ARTICLE_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= MIN_PREFIX_REST) {
      return { rest: word.slice(prefix.length), stripped: true };
    }
  }
  return { rest: word, stripped: false };
}

/**
 * The readings of a word without one or two single-letter proclitics (و/ف, then ب/ل/ك), each
 * leaving at least 3 letters: "وبيروت" → "بيروت" and "يروت"; the stems of all are indexed.
 */
function procliticReadings(word: string): string[] {
  const out: string[] = [];
  let w = word;
  if ((w.startsWith('و') || w.startsWith('ف')) && w.length - 1 >= MIN_STEM) {
    w = w.slice(1);
    out.push(w);
  }
  if ((w.startsWith('ب') || w.startsWith('ل') || w.startsWith('ك')) && w.length - 1 >= MIN_STEM) out.push(w.slice(1));
  return out;
}

export interface Stems {
  /** The stem used for matching and phrases. */
  stem: string;
  /** Other stems for an ambiguous single-letter proclitic (usually none). */
  alts: string[];
}

const NO_ALTS: string[] = [];

/** A ta marbuta before a pronoun is written ت (مدرسته = مدرسة + ه): the stem without it is a reading too. */
function withoutTa(stem: string): string | null {
  return stem.endsWith('ت') && stem.length - 1 >= MIN_STEM + 1 ? stem.slice(0, -1) : null;
}

/** Stems one normalized Arabic token. */
export function stemArabic(token: string): Stems {
  const { rest, stripped } = stripArticle(token);
  const stem = stripSuffixes(rest);
  const readings = stripped ? [] : procliticReadings(token);
  if (readings.length === 0 && !stem.endsWith('ت')) return { stem, alts: NO_ALTS };
  const alts = new Set<string>();
  for (const s of [stem, ...readings.map((r) => stripSuffixes(stripArticle(r).rest))]) {
    alts.add(s);
    const bare = withoutTa(s);
    if (bare !== null) alts.add(bare);
  }
  alts.delete(stem);
  return { stem, alts: [...alts] };
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;
const LATIN = /^[a-z]+$/;
const CYRILLIC = /^[\u0400-\u04FF]+$/;

/** Stems one normalized token, choosing the rules by script. Digits and other scripts pass through. */
export function stemToken(token: string): Stems {
  if (ARABIC.test(token)) return stemArabic(token);
  if (token.length > 2 && LATIN.test(token)) return { stem: english.stem(token), alts: NO_ALTS };
  if (token.length > 2 && CYRILLIC.test(token)) return { stem: russian.stem(token), alts: NO_ALTS };
  return { stem: token, alts: NO_ALTS };
}
