/**
 * Text normalization for search: the same function runs on indexed text and on queries, so a
 * word typed without diacritics, with a plain alef or with ه for ة finds the word as written.
 */

/*
 * Rules, in order (each states what it assumes):
 * 1. NFKC folds Arabic presentation forms (ﻻ, ﺍ…) and compatibility characters to their base letters.
 * 2. Letter variants people type interchangeably are unified:
 *    أ إ آ ٱ → ا; ى → ي; ة → ه; ؤ ئ → ء (so the Egyptian "مسئول" meets the Levantine "مسؤول");
 *    the hamza typed on the line after its seat (طارىء for طارئ, and a final يء) is the same ء;
 *    a hamza before و is dropped into it (ءو → وو), so مسؤول, مسئول and the hamza-less مسوول,
 *    بيلاؤوسوف and بيلاووسوف, شئون and شؤون meet;
 *    Persian ک ی ۀ → ك ي ه (mixed-keyboard text).
 * 3. Arabic-Indic ٠-٩ and Persian ۰-۹ digits become 0-9.
 * 4. Diacritics are dropped: Arabic tashkeel and Quranic marks, Hebrew points, and Latin accents
 *    (after NFD, so é → e). Marks of other scripts (Devanagari vowel signs…) are kept: there they
 *    are letters, not decoration.
 * 5. Tatweel (ـ) and invisible format characters (ZWJ, ZWNJ, bidi marks, BOM) are removed.
 * 6. Case is folded (lowercase), plus the few Latin letters NFD does not split (ß ø æ œ ł đ).
 */

const LETTER_MAP: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ى': 'ي', 'ی': 'ي', 'ې': 'ي',
  'ة': 'ه', 'ۀ': 'ه', 'ە': 'ه',
  'ؤ': 'ء', 'ئ': 'ء',
  'ک': 'ك',
  'ß': 'ss', 'ø': 'o', 'æ': 'ae', 'œ': 'oe', 'ł': 'l', 'đ': 'd', 'ı': 'i',
};

const MAPPED = /[أإآٱٲٳىیېةۀەؤئکßøæœłđı\u0660-\u0669\u06F0-\u06F9]/g;

/** ى+ء anywhere, and ي+ء at the end of a word: a seated hamza (ئ) typed as two letters. */
const HAMZA_AFTER_SEAT = /ىء|يء(?![\p{L}\p{M}])/gu;
/** A hamza (already folded to ء) before و: writers put it on و, on ي, on the line, or leave it out. */
const HAMZA_BEFORE_WAW = /ءو/g;

/** Combining marks treated as decoration: Latin/Greek/Cyrillic accents, Arabic and Hebrew marks. */
const DECORATIVE_MARKS =
  /[\u0300-\u036F\u0483-\u0489\u0591-\u05C7\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u08D3-\u08FF]/g;

/** Tatweel and invisible format characters. */
const INVISIBLE = /[\u0640\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

function mapChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return LETTER_MAP[ch] ?? ch;
}

/** Normalizes text for matching (not for display): see the rules above. */
export function normalizeText(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  s = s.replace(HAMZA_AFTER_SEAT, 'ء');
  s = s.replace(MAPPED, mapChar);
  s = s.replace(HAMZA_BEFORE_WAW, 'وو');
  // NFD splits é into e + ◌́ and أ into ا + hamza mark; the mapping above already handled
  // the Arabic letters whose hamza carries meaning for matching.
  s = s.normalize('NFD').replace(DECORATIVE_MARKS, '').replace(INVISIBLE, '');
  return s.normalize('NFC');
}

/** True when the string contains Arabic-script letters. */
export function isArabicScript(text: string): boolean {
  return /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/.test(text);
}
