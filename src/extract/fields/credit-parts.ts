/**
 * One credit string ("By Jane Doe and Anne-Marie Roe, dpa", "بقلم: أحمد سالم (أ ف ب)",
 * "신현주 기자", "Text: A; Foto: B") into the names it credits, each with its kind:
 * - person: a personal name, as written ("Dr." kept, hyphenated names whole);
 * - agency: a wire service ("dpa", "Reuters", "أ ف ب", "وكالات");
 * - staff: a named desk or team ("Gear Team", "MND Staff", "IN-Redaktion");
 * - org: the publisher itself, an organisation, or a lone word that may be either;
 * - initials: a short token ("amw", "ssi"), the weakest credit.
 * Photo credits, roles ("Producer", "기자") and social links are not credits.
 */
import { compareKey } from './title.js';
import { isAgency } from './agencies.js';
import {
  PREFIX, ROLE, ROLE_SUFFIX, AND_OTHERS, PHOTO_LABEL, PHOTO_TAIL, SPLIT, TRAILING, AFTER_NAME_STOP, AGENCY_FORM, ROLE_TAIL, STAFF_TAIL, ORG_TAIL, PLACE_TAIL, WEEKDAY_TAIL, PARTICLES, LINK_LABEL, SOCIAL, UNSPACED_SCRIPT, GENERIC,
} from './credit-words.js';

export type CreditKind = 'person' | 'agency' | 'staff' | 'org' | 'initials';
export interface Credit {
  name: string;
  kind: CreditKind;
}

/** Latin-script names are capitalised: "Syrian defense ministries" and "The Editors" are not people. */
function looksLikeLatinName(name: string): boolean {
  if (!/[A-Za-z]/.test(name)) return true;
  const words = name.split(/\s+/);
  if (/^(the|a|an)$/i.test(words[0]!)) return false;
  return words.every((w) => PARTICLES.test(w) || /^[\p{Lu}\p{Lt}]/u.test(w) || !/^[a-z]/.test(w));
}

/** Text of one part without prefixes, roles, addresses, places and trailing notes. */
function tidy(part: string): string {
  let name = part.replace(/\s+/g, ' ').trim();
  // A prefix word left alone by a split ("بقلم / سارة أحمد" gives "بقلم") credits no one.
  if (!`${name} `.replace(PREFIX, '').trim()) return '';
  name = name.replace(/\S+@\S+\.\S+/g, ' ').replace(/(?:^|\s)@\w+/g, ' ').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i++) name = name.replace(PREFIX, '').replace(ROLE, '').trim();
  name = name.replace(TRAILING, '').replace(AFTER_NAME_STOP, '$1').replace(WEEKDAY_TAIL, '').replace(PLACE_TAIL, '');
  name = name.replace(AND_OTHERS, '').replace(ROLE_SUFFIX, '');
  return name.replace(/^[\s:•·|*-]+|[\s:•·|.,،*-]+$/gu, '').trim();
}

/** The kind of one tidied name, or null when it is not a credit. */
function classify(name: string, siteKeys: string[], orgHint: boolean): CreditKind | null {
  if (!name || name.length < 2 || name.length > 60 || !/\p{L}/u.test(name)) return null;
  if (isAgency(name) || AGENCY_FORM.test(name)) return 'agency';
  if (/^(?:https?:|www\.)|\/|\.(?:com|net|org)\b/i.test(name)) return null;
  const key = compareKey(name);
  const flat = key.replace(/ /g, '');
  if (siteKeys.some((s) => key === s || flat === s.replace(/ /g, '') || (s.length > 3 && (key.includes(s) || s.includes(key)) && key.split(' ').length <= 4))) return 'org';
  if (/^[\p{L}.-]+\.[a-z]{2,3}$/iu.test(name)) return 'org';
  if (/[\d٠-٩]/.test(name)) return null;
  const words = name.split(/\s+/);
  if (words.length > 6 || words.every((w) => SOCIAL.test(w)) || LINK_LABEL.test(name) || /["“”«»[\]{}<>!?]/.test(name)) return null;
  if (GENERIC.test(name)) return /^(?:admin|administrator|guest|user|anonymous|unknown|editor|editors|خاص|الموقع)$/iu.test(name) ? null : 'org';
  if (STAFF_TAIL.test(name)) return words.length > 1 || name.includes('-') ? 'staff' : 'org';
  if (ROLE_TAIL.test(name)) return null;
  if (orgHint || ORG_TAIL.test(name)) return 'org';
  // A name in Chinese, Japanese or Korean is a few characters; a long run is a sentence or a headline.
  if (words.length === 1 && UNSPACED_SCRIPT.test(name) && name.length > 8) return null;
  if (words.length === 1 && !UNSPACED_SCRIPT.test(name)) {
    if (/^\p{Ll}{2,4}$/u.test(name) || /^\p{Lu}{2,4}$/u.test(name)) return 'initials';
    return /^\p{Lu}/u.test(name) || !/[A-Za-z]/.test(name) ? 'org' : null;
  }
  return looksLikeLatinName(name) ? 'person' : null;
}

/** "ERIC TUCKER Associated Press": a name followed by an agency without a separator is two credits. */
function splitTrailingAgency(part: string): string[] {
  const words = part.trim().split(/\s+/);
  for (let n = Math.min(3, words.length - 2); n >= 1; n--) {
    const tail = words.slice(-n).join(' ');
    if (isAgency(tail) && tail.length > 2) return [words.slice(0, -n).join(' '), tail];
  }
  return [part];
}

/** Site names compared by key; one page asks for the same list many times. */
const siteKeyCache = new WeakMap<string[], string[]>();
function siteKeysOf(siteNames: string[]): string[] {
  let keys = siteKeyCache.get(siteNames);
  if (!keys) siteKeyCache.set(siteNames, (keys = siteNames.map(compareKey).filter(Boolean)));
  return keys;
}

/**
 * The names one credit string gives. `orgHint` says the source typed it as an
 * organisation (JSON-LD Organization), so a person-looking name is kept as an org credit.
 */
export function creditParts(credit: string, siteNames: string[], orgHint = false): Credit[] {
  const siteKeys = siteKeysOf(siteNames);
  let text = credit.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  // "(dpa)" or "(أ ف ب)" after a name is a second credit; other brackets (a city, a role) are notes.
  text = text.replace(/\(([^()]{1,40})\)/g, (_, inner: string) => (isAgency(inner.trim()) ? `, ${inner.trim()}` : ' '));
  // "Jane Doe - Reuters": an agency after a dash is a credit, any other tail is a place or note.
  text = text.replace(/\s+[-–—|]\s+([^-–—|]{2,40})$/u, (tail: string, last: string) => (isAgency(last.trim()) ? `, ${last.trim()}` : tail));
  text = text.replace(PHOTO_TAIL, '');
  const out: Credit[] = [];
  for (const raw of text.split(SPLIT).flatMap(splitTrailingAgency)) {
    if (!raw || PHOTO_LABEL.test(raw.trim())) continue;
    const name = tidy(raw);
    if (PHOTO_LABEL.test(name)) continue;
    const kind = classify(name, siteKeys, orgHint);
    if (kind) out.push({ name, kind });
  }
  return out;
}
