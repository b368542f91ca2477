/**
 * Text normalisation for date matching: Arabic-Indic and Persian digits to ASCII, marks
 * (tashkeel, hamza on alef, accents) removed, ta-marbuta/alef-maqsura folded, lower case.
 * Month tables are normalised with the same function, so both sides compare alike.
 */

const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

export function toAsciiDigits(text: string): string {
  return text.replace(EASTERN_DIGITS, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** Folds a string for matching; keeps its length roughly but not its indices. */
export function foldForDates(text: string): string {
  return toAsciiDigits(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    // Recompose what NFD split but kept (Hangul syllables: "2021년 11월"), so patterns can name them.
    .normalize('NFC')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0649/g, '\u064a')
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, ',')
    .replace(/\u060c/g, ',')
    .replace(/[\s\u00a0]+/g, ' ')
    .toLowerCase()
    .trim();
}
