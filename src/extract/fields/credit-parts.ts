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

export type CreditKind = 'person' | 'agency' | 'staff' | 'org' | 'initials';
export interface Credit {
  name: string;
  kind: CreditKind;
}

const PREFIX = /^(?:(?:[\p{L}]+\s+){0,3}by|alles von|mehr von|(?:alle\s+)?(?:beiträge|artikel)\s+von|written by|words by|reporting by|reported by|posted by|story by|text by|authors?|von|par|por|door|av|af|yazan|автор|авторы|текст|text|texte|texto|tekst|autor|autorin|autoren|auteur|quelle|source|sources|fuente|fonte|kilde|källa|بقلم|كتب|كتبت|كتبه|كتبته|تحرير|إعداد|اعداد|الكاتب|الكاتبة|المحرر|مراسل|مراسلة|تقرير|المصدر)\s*[:：-]?\s+/iu;
const ROLE = /^(?:correspondent|reporter|editor|staff writer|contributor|مراسل|مراسلة|محرر|صحفي|صحفية)\s*[:：-]?\s*/iu;
/** Roles written after the name in Korean, Japanese and Chinese bylines ("신현주 기자"). */
const ROLE_SUFFIX = /\s*(?:선임기자|수습기자|인턴기자|객원기자|기자|특파원|논설위원|편집위원|記者|特派員|编辑|編集|记者|通讯员)$/u;
/** "박준석 기자 외 1명": "and one more" is not a name. */
const AND_OTHERS = /\s*(?:외\s*\d+\s*명|ほか\d*人?|等)$/u;
/** A part that credits a picture, video or production, not the text. */
const PHOTO_WORDS = 'fotos?|photos?|photograph(?:s|y)?|bild(?:er)?|images?|pictures?|illustrations?|grafik|graphics?|infografik|video|kamera|camera|producer|produced|produktion|production|design|cover|credits?|copyright|translated|translation|übersetzung|traduction|traducción|traduzione|фото|фотография';
const PHOTO_LABEL = new RegExp(`^(?:(?:${PHOTO_WORDS})(?:\\s*[:：/]|\\s+by\\s|$)|(?:übersetzung|translation|traduction|traducción|traduzione|фото)\\s|©|(?:صورة|الصورة|تصوير|ترجمة|사진|写真|照片)(?![\\p{L}]))`, 'iu');
/** "Text: A Foto: B" without a separator: the photo credit ends the text credit. */
const PHOTO_TAIL = /\s+(?:fotos?|photos?|bild(?:er)?|images?|صورة|تصوير|사진)\s*[:：].*$/iu;
const SPLIT = /\s*(?:,|،|;|&|\+|\/|\s(?:and|et|und|y|e|i|a|og|och|en|ja|és|și|ve|и|і|та|و|및)\s)\s*/iu;
/** A dash with a space before it, a bar or a bracket ends the name ("Jane Doe - Cairo"); "Anne-Marie" stays whole. */
const TRAILING = /(?:\s+[-–—]|\s*[|–—]\s|\s*\().*$/u;
/** "Finian Cunningham. Sputnik International": a sentence stop after a full name ends the name (not "Dr." or "Sarah E."). */
const AFTER_NAME_STOP = /^((?:\S+\s+)+\p{L}{3,})\.\s+\p{Lu}.*$/u;
/** Named like an agency: "وكالة الأنباء …", "… News Agency", "… Nachrichtenagentur", "Anadolu Ajansı". */
const AGENCY_FORM = /^(?:وكالة|وكاله)\s|(?:^|\s)(?:news agency|press agency|nachrichtenagentur|presse-agentur|ajansı|agencia|agence)(?:\s|$)/iu;
/** Roles and offices: a credit ending in one is a person's job, not a name ("AP Auto Writer"). */
const ROLE_TAIL = /(?:^|\s)(?:writer|editor|editors|correspondent|reporter|reports|contributor|columnist|photographer|producer|illustrator|redakteur|redakteurin|korrespondent|korrespondentin)$/i;
/** A named desk or team: a staff credit. */
const STAFF_TAIL = /(?:^|[\s-])(?:staff|team|desk|newsroom|redaktion|redaktionen|redaction|rédaction|redacción|redazione|redakcja|redakce|toimitus|التحرير)$/iu;
/** Organisations by their last word ("BBC News", "Tech Media"). */
const ORG_TAIL = /(?:^|\s)(?:news|magazine|media|online|zeitung)$/i;
/** "Jane Doe in Kyiv", "Ole Berg aus Oslo", "reporting from Cairo": the place is not part of the name. */
const PLACE_TAIL = /\s+(?:in|aus|from|reporting from|à|au|desde|из)\s+\p{Lu}[\p{L}\s.-]*$/u;
const WEEKDAY_TAIL = /\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const PARTICLES = /^(?:de|da|di|du|del|der|den|van|von|bin|ibn|al|el|la|le|y|e|dos|das|zu|ten|ter|af|of)$/;
/** Link labels of author pages ("More posts", "Alle Beiträge"), not names. */
const LINK_LABEL = /^(?:(?:view\s+)?(?:all|more|alle|weitere|mehr|plus d'|más)\s*(?:posts|articles|stories|news|beiträge|artikel|texte|articles|artículos)|profile|profil|bio|biography|biografie)$/i;
const SOCIAL = /^(?:twitter|x|facebook|instagram|linkedin|email|e-mail|mail|whatsapp|telegram|youtube|tiktok|threads|bluesky|share|follow|more|rss|print)$/i;
/** Scripts written without spaces between given and family name: one token is a full name. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const GENERIC = /^(?:admin|administrator|editor|editors|staff|guest|user|anonymous|unknown|redaktion|redaction|rédaction|المحرر|الموقع|خاص|متابعات|القسم)$/iu;

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
