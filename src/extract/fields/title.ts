/**
 * The headline as a reader sees it, and the site name a title suffix reveals.
 * Rules: a visible <h1> that agrees with the structured headline (og:title, JSON-LD,
 * <title>) is the headline; otherwise the structured headline with its " - Site" or
 * " | Section" parts removed. A part is dropped only when it names the site (og:site_name,
 * the domain) or is short next to a long main part.
 */
import type { Seen } from '../structured/scan.js';
import { inlineText } from '../structured/text.js';

const SEPARATORS = /\s+[|\-–—·•»«~]\s+|\s+::\s+/;

export function compareKey(text: string): string {
  return text.toLowerCase().normalize('NFKC').replace(/[\u064b-\u0652\u0640]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Splits "Headline - Section | Site" into its parts and keeps the headline part. */
export function stripTitleSuffix(title: string, siteNames: string[]): { title: string; dropped: string[] } {
  const parts = title.split(SEPARATORS).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return { title: title.trim(), dropped: [] };
  const siteKeys = siteNames.map(compareKey).filter(Boolean);
  const isSite = (p: string): boolean => {
    const k = compareKey(p);
    return siteKeys.some((s) => k === s || (s.length > 3 && (k.includes(s) || s.includes(k)) && words(p) <= 4));
  };
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
  const dropped: string[] = [];
  let kept = [...parts];
  // Peel site-name and short parts from the end; from the start only a site name.
  // Once a site name is gone, a short part before it is a section: "Headline - Section | Site".
  const shortPart = (p: string): boolean => p !== longest && words(p) <= (dropped.length > 0 ? 3 : 4) && words(longest) >= (dropped.length > 0 ? 3 : 4);
  while (kept.length > 1 && (isSite(kept[kept.length - 1]!) || shortPart(kept[kept.length - 1]!))) dropped.push(kept.pop()!);
  while (kept.length > 1 && isSite(kept[0]!)) dropped.push(kept.shift()!);
  if (kept.length > 1) kept = kept.filter((p) => !isSite(p));
  // Rejoin what is left with the separators the title used.
  if (kept.length === parts.length) return { title: title.trim(), dropped: [] };
  const start = title.indexOf(kept[0]!);
  const last = kept[kept.length - 1]!;
  const end = title.lastIndexOf(last) + last.length;
  return { title: start >= 0 && end > start ? title.slice(start, end).trim() : kept.join(' - '), dropped };
}

export interface TitleInputs {
  h1s: Seen[];
  ogTitle: string | null;
  jsonLdHeadline: string | null;
  microdataHeadline: string | null;
  documentTitle: string | null;
  siteNames: string[];
}

export interface TitleResult {
  title: string | null;
  source: string;
  /** The headline element, to anchor nearby dates and bylines. */
  anchor: Seen | null;
  /** A site-name guess from a dropped title suffix. */
  suffixSite: string | null;
}

export function chooseTitle(input: TitleInputs): TitleResult {
  const structured = [input.jsonLdHeadline, input.microdataHeadline, input.ogTitle, input.documentTitle].filter((t): t is string => !!t && !!t.trim());
  const structuredKeys = structured.map(compareKey);
  const shown = input.h1s.filter((h) => !h.hidden);
  const visibleH1s = shown.some((h) => !h.offside) ? shown.filter((h) => !h.offside) : shown;
  let suffixSite: string | null = null;
  if (input.documentTitle) {
    const stripped = stripTitleSuffix(input.documentTitle, input.siteNames);
    const last = stripped.dropped[0];
    if (last && words(last) <= 5) suffixSite = last;
  }
  // An <h1> agrees when it equals a structured headline or covers most of it (a site-name
  // <h1> inside "Headline - Site" covers only a small part and does not count).
  let bestH1: { h: Seen; text: string; score: number } | null = null;
  for (const h of visibleH1s) {
    const text = inlineText(h.el, 400);
    if (!text) continue;
    const key = compareKey(text);
    if (!key) continue;
    let score = structuredKeys.length === 0 ? 0.5 : 0;
    for (const s of structuredKeys) {
      if (s === key) score = Math.max(score, 1);
      else if (s.includes(key) || key.includes(s)) {
        const ratio = Math.min(s.length, key.length) / Math.max(s.length, key.length);
        if (ratio >= 0.5 && Math.min(s.length, key.length) >= 10) score = Math.max(score, ratio);
      }
    }
    if (suffixSite && compareKey(suffixSite) === key) score = 0;
    if (score > 0 && (!bestH1 || score > bestH1.score)) bestH1 = { h, text, score };
  }
  if (bestH1) return { title: bestH1.text, source: 'h1', anchor: bestH1.h, suffixSite };
  const siteNames = suffixSite ? [...input.siteNames, suffixSite] : input.siteNames;
  for (const [candidate, source] of [[input.jsonLdHeadline, 'json-ld'], [input.microdataHeadline, 'microdata'], [input.ogTitle, 'og:title'], [input.documentTitle, 'title']] as const) {
    if (candidate && candidate.trim()) {
      const title = stripTitleSuffix(candidate.replace(/\s+/g, ' '), siteNames).title;
      const anchor = visibleH1s.find((h) => {
        const k = compareKey(inlineText(h.el, 400) ?? '');
        return k.length > 0 && compareKey(title).includes(k);
      }) ?? visibleH1s[0] ?? null;
      return { title, source, anchor, suffixSite };
    }
  }
  const h1 = visibleH1s[0];
  const text = h1 ? inlineText(h1.el, 400) : null;
  return { title: text || null, source: 'h1', anchor: h1 ?? null, suffixSite };
}
