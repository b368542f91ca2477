/**
 * Author names: people, not "By", not the site or a news agency, not a date or a URL.
 * A credit line is split on "and"/"و"/"،"/","/"&" and their equivalents; each part is
 * cleaned of role words ("بقلم", "كتب", "By", "Reporter:") and kept when it looks like a
 * name (1-6 words, letters, no digits).
 */
import { compareKey } from './title.js';

const PREFIX = /^(?:by|written by|words by|reporting by|reported by|posted by|author|authors|von|par|por|yazan|автор|بقلم|كتب|كتبت|كتبه|تحرير|إعداد|اعداد|الكاتب|الكاتبة|المحرر|مراسل|مراسلة|تقرير)\s*[:：-]?\s+/iu;
const ROLE = /^(?:correspondent|reporter|editor|staff writer|contributor|مراسل|مراسلة|محرر|صحفي|صحفية)\s*[:：-]?\s*/iu;
const SPLIT = /\s*(?:,|،|;|&|\+|\s(?:and|et|und|y|e|ve|и|و)\s)\s*/iu;
const AGENCY = /^(?:afp|ap|reuters|dpa|efe|ansa|anadolu|xinhua|tass|ria|sputnik|upi|bloomberg|associated press|agence france-presse|staff|admin|administrator|editor|editors|newsroom|web desk|webdesk|desk|team|redaction|rédaction|redaktion|redacción|وكالات|الوكالات|وكالة|رويترز|أ ف ب|ا ف ب|أ\.ف\.ب|د ب أ|الأناضول|سانا|واس|وام|قنا|كونا|بترا|المحرر|التحرير|فريق التحرير|هيئة التحرير|محرر الموقع|متابعات|خاص|القسم)$/iu;
const TRAILING = /\s*[-–—|(].*$/u;

function cleanName(part: string): string | null {
  let name = part.replace(/\s+/g, ' ').trim();
  if (/^(?:https?:|www\.)|@|\.(?:com|net|org)\b/i.test(name)) return null;
  for (let i = 0; i < 3; i++) name = name.replace(PREFIX, '').replace(ROLE, '').trim();
  name = name.replace(TRAILING, '').replace(/^[\s:•·|-]+|[\s:•·|.,،-]+$/gu, '').trim();
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
  return out.slice(0, 12);
}
