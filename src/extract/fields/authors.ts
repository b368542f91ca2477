/**
 * Author names: people, not "By", not the site or a news agency, not a date or a URL.
 * A credit line is split on "and"/"و"/"،"/","/"&" and their equivalents; each part is
 * cleaned of role words ("بقلم", "كتب", "By", "Reporter:") and kept when it looks like a
 * name (1-6 words, letters, no digits).
 */
import { compareKey } from './title.js';

const PREFIX = /^(?:(?:[\p{L}]+\s+){0,2}by|written by|words by|reporting by|reported by|posted by|author|authors|von|par|por|yazan|автор|текст|text|texte|texto|بقلم|كتب|كتبت|كتبه|تحرير|إعداد|اعداد|الكاتب|الكاتبة|المحرر|مراسل|مراسلة|تقرير)\s*[:：-]?\s+/iu;
const ROLE = /^(?:correspondent|reporter|editor|staff writer|contributor|مراسل|مراسلة|محرر|صحفي|صحفية)\s*[:：-]?\s*/iu;
const SPLIT = /\s*(?:,|،|;|&|\+|\s(?:and|et|und|y|e|ve|и|و)\s)\s*/iu;
const AGENCY = /^(?:afp|ap|reuters|dpa|efe|ansa|anadolu|xinhua|tass|ria|sputnik|upi|bloomberg|associated press|the associated press|pti|ians|ani|press association|agence france-presse|staff|admin|administrator|editor|editors|newsroom|web desk|webdesk|desk|team|redaction|rédaction|redaktion|redacción|وكالات|الوكالات|وكالة|رويترز|أ ف ب|ا ف ب|أ\.ف\.ب|د ب أ|الأناضول|سانا|واس|وام|قنا|كونا|بترا|المحرر|التحرير|فريق التحرير|هيئة التحرير|محرر الموقع|متابعات|خاص|القسم)$/iu;
const TRAILING = /\s*[-–—|(].*$/u;
/** "Finian Cunningham. Sputnik International": a sentence stop after a full name ends the name (not "Dr." or "Sarah E."). */
const AFTER_NAME_STOP = /^((?:\S+\s+)+\p{L}{3,})\.\s+\p{Lu}.*$/u;
/** A credit whose last word is a role or an office is not a person ("AP Auto Writer", "HNN Staff"). */
const ROLE_TAIL = /(?:^|\s)(?:writer|editor|editors|correspondent|reporter|staff|reports|desk|team|contributor|columnist|photographer|business|news|magazine|media)$/i;
const WEEKDAY_TAIL = /\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const PARTICLES = /^(?:de|da|di|du|del|der|den|van|von|bin|ibn|al|el|la|le|y|e|dos|das)$/;

/** Latin-script names are capitalised: "Syrian defense ministries" and "The Editors" are not people. */
function looksLikeLatinName(name: string): boolean {
  if (!/[A-Za-z]/.test(name)) return true;
  const words = name.split(/\s+/);
  if (words.length === 1) return !/^[A-Z]{1,4}$/.test(name) && !/admin/i.test(name);
  if (/^(the|a|an)$/i.test(words[0]!)) return false;
  return words.every((w) => PARTICLES.test(w) || /^[\p{Lu}\p{Lt}]/u.test(w) || !/^[a-z]/.test(w));
}

function cleanName(part: string): string | null {
  let name = part.replace(/\s+/g, ' ').trim();
  if (/^(?:https?:|www\.)|@|\/|\.(?:com|net|org)\b/i.test(name)) return null;
  for (let i = 0; i < 3; i++) name = name.replace(PREFIX, '').replace(ROLE, '').trim();
  name = name.replace(TRAILING, '').replace(AFTER_NAME_STOP, '$1').replace(WEEKDAY_TAIL, '').replace(/^[\s:•·|-]+|[\s:•·|.,،-]+$/gu, '').trim();
  if (ROLE_TAIL.test(name) || !looksLikeLatinName(name)) return null;
  if (!name || /\d/.test(name) || /[٠-٩]/.test(name)) return null;
  const wordCount = name.split(/\s+/).length;
  if (wordCount > 6 || name.length > 60 || name.length < 2) return null;
  if (!/\p{L}/u.test(name)) return null;
  if (AGENCY.test(name)) return null;
  return name;
}

/** Names from credit strings, in order, without duplicates, without the site's own name. */
export function cleanAuthors(credits: string[], siteNames: string[]): string[] {
  const site = new Set(siteNames.map(compareKey).filter(Boolean));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const credit of credits) {
    if (!credit) continue;
    const stripped = credit.replace(/\s+/g, ' ').trim().replace(PREFIX, '');
    for (const part of stripped.split(SPLIT)) {
      const name = cleanName(part);
      if (!name) continue;
      const key = compareKey(name);
      if (!key || seen.has(key) || site.has(key)) continue;
      if ([...site].some((s) => s.length > 3 && (key.includes(s) || s.includes(key)))) continue;
      seen.add(key);
      out.push(name);
    }
  }
  // A lone first name repeated inside a full name ("kevin", "Kevin Rebong") is the same person.
  const keys = out.map((n) => compareKey(n));
  return out.filter((n, i) => !(keys[i]!.split(' ').length === 1 && keys.some((k, j) => j !== i && k.split(' ').includes(keys[i]!)))).slice(0, 12);
}
