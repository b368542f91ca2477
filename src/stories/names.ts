/**
 * Names and numbers in an article's original text: the words that tell one event from another
 * event of the same kind (two earthquakes differ by place, magnitude and year; two arrests by
 * who was arrested). Both are written the same way across languages that share a script, and
 * digits are the same in every language once Arabic-Indic digits are folded, so this view also
 * links coverage across languages.
 */
import { normalizeText } from '../search/normalize-arabic.js';
import { isStopWord } from '../search/stop-words.js';

/*
 * A name is a run of capitalized words ("Tara Reid", "Promises Treatment Center"). A single
 * capitalized word that opens a sentence is skipped: there the capital says nothing ("Another",
 * "Word"). Scripts without case (Arabic) give no names; their other views carry them.
 */
const CAPITALIZED_RUN = /\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \t]+(?:of |de |al-|bin )?\p{Lu}[\p{L}\p{M}'’.-]*)*/gu;
const SENTENCE_START = /(?:^|[.!?:;"“”«»\n]\s*|\n)$/u;
const POSSESSIVE = /['’]s$/u;
/*
 * Days and months are capitalized in English, French, Spanish and German but name no one: every
 * event has a Tuesday. (They stay in the body view, and a date's year is in the years view.)
 */
const CALENDAR = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
  lunes martes miercoles jueves viernes sabado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
  montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar marz juni juli oktober dezember`.split(/\s+/),
);
const EDGE_PUNCTUATION = /^[.'’-]+|[.'’-]+$/gu;
/*
 * Numbers: "1,000" and "1 000" are one number; "6.1" keeps its decimal point. One-digit numbers
 * ("2 people", "1 of 3") are too common to tell events apart.
 */
const NUMBER = /\d+(?:[.,]\d+)*/g;
const EASTERN_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Arabic-Indic and Persian digits as ASCII: all the normalization numbers need (and cheaper than normalizeText on a whole text). */
function foldDigits(text: string): string {
  return text.replace(EASTERN_DIGIT, (d) => String(d.charCodeAt(0) & 0x0f));
}

function nameWords(run: string): string[] {
  const words: string[] = [];
  for (const raw of run.split(/[ \t]+/)) {
    const word = normalizeText(raw.replace(POSSESSIVE, '').replace(EDGE_PUNCTUATION, ''));
    if (word.length >= 2 && !isStopWord(word) && !CALENDAR.has(word)) words.push(word);
  }
  return words;
}

/** Adds the names of a text to `out` (counts): each name word, and each multi-word name whole. */
export function addNames(text: string, out: Map<string, number>): void {
  for (const match of text.matchAll(CAPITALIZED_RUN)) {
    const words = nameWords(match[0]);
    if (words.length === 0) continue;
    if (words.length === 1 && !match[0].includes(' ') && SENTENCE_START.test(text.slice(Math.max(0, match.index - 3), match.index))) continue;
    for (const word of words) out.set(word, (out.get(word) ?? 0) + 1);
    if (words.length > 1) {
      const whole = words.join(' ');
      out.set(whole, (out.get(whole) ?? 0) + 1);
    }
  }
}

/*
 * Years get a view of their own: an event is anchored in time, and the years an article names
 * (its dateline, "the 2009 quake") tell two events of the same kind apart when the records carry
 * no publication time, and agree with it when they do.
 */
const YEAR = /^(?:19|20)\d\d$/;

/** Adds the numbers of a text to `numbers` and its years to `years` (counts), Arabic-Indic digits folded. */
export function addNumbers(text: string, numbers: Map<string, number>, years: Map<string, number>): void {
  for (const match of foldDigits(text).matchAll(NUMBER)) {
    const number = match[0].replace(/,/g, '');
    if (number.length < 2) continue;
    const out = YEAR.test(number) ? years : numbers;
    out.set(number, (out.get(number) ?? 0) + 1);
  }
}
