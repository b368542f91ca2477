/**
 * The headline as a reader sees it, and the site name a title suffix reveals.
 * Rules, in order:
 * - a visible <h1> that agrees with the site's own headline (JSON-LD, og:title, <title>) is
 *   the headline; an <h1> in a breadcrumb trail is navigation and never counts;
 * - a kicker at the start of the heading (or just above it) belongs to the headline only when
 *   the site's own headline includes it, and then reads as the site punctuates it;
 * - no <h1> agrees: an <h2> equal to the site's headline, then the box marked
 *   itemprop=headline, then the structured headline with its site suffix removed (a page
 *   title also loses short " - Section" parts, a headline field only the site name);
 * - quotes the CMS curled in the page are given straight when the site typed them so.
 */
import { isHidden, type Seen } from '../structured/scan.js';
import { hasMarkedKicker, headlineText, headlineWithoutKicker, isBreadcrumbHeading, kickerBefore } from './headline-text.js';

const SEPARATORS = /\s+[|\-–—·•»«~]\s+|\s+::\s+|\s*[ㅣ｜]\s*/;
/** "Headline-Section" glued in scripts without capitals (Korean "…커졌다-정치ㅣSite"): a section label once the site is gone. */
const GLUED_SECTION = /([^\s\p{Script=Latin}\p{N}-])-[^\s\p{Script=Latin}\p{N}-]{1,10}$/u;

export function compareKey(text: string): string {
  return text.toLowerCase().normalize('NFKC').replace(/[\u064b-\u0652\u0640]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Splits "Headline - Section | Site" into its parts and keeps the headline part. */
export function stripTitleSuffix(title: string, siteNames: string[], onlySite = false): { title: string; dropped: string[] } {
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
  const shortPart = (p: string): boolean => !onlySite && p !== longest && words(p) <= (dropped.length > 0 ? 3 : 4) && words(longest) >= (dropped.length > 0 ? 3 : 4);
  while (kept.length > 1 && (isSite(kept[kept.length - 1]!) || shortPart(kept[kept.length - 1]!))) dropped.push(kept.pop()!);
  while (kept.length > 1 && isSite(kept[0]!)) dropped.push(kept.shift()!);
  if (kept.length > 1) kept = kept.filter((p) => !isSite(p));
  // Rejoin what is left with the separators the title used.
  if (kept.length === parts.length) return { title: title.trim(), dropped: [] };
  const start = title.indexOf(kept[0]!);
  const last = kept[kept.length - 1]!;
  const end = title.lastIndexOf(last) + last.length;
  const headline = start >= 0 && end > start ? title.slice(start, end).trim() : kept.join(' - ');
  return { title: dropped.some(isSite) ? headline.replace(GLUED_SECTION, '$1') : headline, dropped };
}

export interface TitleInputs {
  h1s: Seen[];
  /** <h2> elements: the visible headline when the page's <h1> is a breadcrumb or a logo. */
  h2s?: Seen[];
  /** The element marked itemprop=headline (not an <h1>): the page's own headline box. */
  microdataHeadlineElement?: Seen | null;
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

/** Quote marks made straight: the CMS curls them in the page, the headline as typed has them straight. */
function straightQuotes(text: string): string {
  return text.replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″]/g, '"');
}

/** The heading's headline text: without a kicker the markup names, or whose removal leaves a structured headline. */
function readHeading(h: Seen, structuredKeys: string[], structuredTexts: string[]): string | null {
  const full = headlineText(h.el);
  const split = headlineWithoutKicker(h.el);
  if (split && split.rest.split(/\s+/).length >= 2) {
    // The site's own headline includes the kicker ("Kicker: Headline"): it is part of the headline, punctuated as the site does.
    const joined = full ? structuredTexts.find((t) => compareKey(t) === compareKey(full)) : undefined;
    if (joined) return joined;
    if (hasMarkedKicker(h.el)) return split.rest;
    const restKey = compareKey(split.rest);
    if (full && structuredKeys.includes(restKey) && !structuredKeys.includes(compareKey(full))) return split.rest;
  }
  // A kicker just above the heading that the site's own headline includes ("Kicker: Headline").
  const above = full ? kickerBefore(h.el) : null;
  if (above && full) {
    const joined = structuredTexts.find((t) => compareKey(t) === compareKey(`${above} ${full}`));
    if (joined) return joined;
  }
  return full;
}

/** How well a heading agrees with the structured headlines: 1 equal, a share when one covers most of the other, 0 not at all. */
function agreement(key: string, structuredKeys: string[]): number {
  let score = 0;
  for (const s of structuredKeys) {
    if (s === key) score = Math.max(score, 1);
    else if (s.includes(key) || key.includes(s)) {
      const ratio = Math.min(s.length, key.length) / Math.max(s.length, key.length);
      if (ratio >= 0.5 && Math.min(s.length, key.length) >= 10) score = Math.max(score, ratio);
    }
  }
  return score;
}

export function chooseTitle(input: TitleInputs): TitleResult {
  const structured = [input.jsonLdHeadline, input.microdataHeadline, input.ogTitle, input.documentTitle].filter((t): t is string => !!t && !!t.trim());
  let suffixSite: string | null = null;
  if (input.documentTitle) {
    const stripped = stripTitleSuffix(input.documentTitle, input.siteNames);
    const last = stripped.dropped[0];
    if (last && words(last) <= 5) suffixSite = last;
  }
  const allSites = suffixSite ? [...input.siteNames, suffixSite] : input.siteNames;
  // Structured headlines compared with and without their site suffix.
  // The site's own headline texts, with and without their site suffix. Microdata is left out:
  // it is read from a heading of the page itself, so it is not a second witness for that heading.
  const own = [input.jsonLdHeadline, input.ogTitle, input.documentTitle].filter((t): t is string => !!t && !!t.trim()).map((t) => t.replace(/\s+/g, ' ').trim());
  const structuredTexts = [...new Set(own.flatMap((t) => [t, stripTitleSuffix(t, allSites).title]))];
  const structuredKeys = structured.map(compareKey);
  const strippedKeys = structuredTexts.map(compareKey);
  // A <title> cut down to one or two words ("News - Site") says little: a heading equal to it agrees less.
  const titleOnly = input.documentTitle ? stripTitleSuffix(input.documentTitle.replace(/\s+/g, ' '), allSites).title : null;
  const weakKey = titleOnly && words(titleOnly) <= 2 ? compareKey(titleOnly) : null;
  // A heading in a breadcrumb trail names the page for navigation, it is not the headline.
  const shown = input.h1s.filter((h) => !h.hidden && !isBreadcrumbHeading(h.el));
  const visibleH1s = shown.some((h) => !h.offside) ? shown.filter((h) => !h.offside) : shown;
  // An <h1> agrees when it equals a structured headline or covers most of it (a site-name
  // <h1> inside "Headline - Site" covers only a small part and does not count).
  let best: { h: Seen; text: string; score: number } | null = null;
  for (const h of visibleH1s) {
    const text = readHeading(h, strippedKeys, structuredTexts);
    const key = text ? compareKey(text) : '';
    if (!text || !key) continue;
    let score = structuredKeys.length === 0 ? 0.5 : Math.max(agreement(key, structuredKeys), agreement(key, strippedKeys));
    if (suffixSite && compareKey(suffixSite) === key) score = 0;
    if (weakKey === key && !structuredKeys.some((k) => k === key && k !== compareKey(input.documentTitle ?? ''))) score = Math.min(score, 0.6);
    if (score > 0 && (!best || score > best.score)) best = { h, text, score };
  }
  // No <h1> reads as the headline: an <h2> that equals a structured headline is the visible one.
  if (!best || best.score < 1) {
    for (const h of input.h2s ?? []) {
      if (h.offside || isBreadcrumbHeading(h.el) || isHidden(h.el)) continue;
      const text = readHeading(h, strippedKeys, structuredTexts);
      if (text && strippedKeys.includes(compareKey(text))) {
        best = { h, text, score: 1 };
        break;
      }
    }
  }
  // Still none: the box the page marks as its headline, read like a heading (its kicker left out).
  const marked = input.microdataHeadlineElement;
  if (!best && !input.jsonLdHeadline && marked && !marked.offside && marked.el.name !== 'h1' && !isHidden(marked.el)) {
    const text = readHeading(marked, strippedKeys, structuredTexts);
    if (text && words(text) >= 2) best = { h: marked, text, score: 0.5 };
  }
  if (best) {
    const { h, text } = best;
    // Only the quotes a CMS curls by itself (‘ ’ “ ”); low „ ‚ are typed on purpose.
    const typed = /[„‚]/.test(text) ? undefined : structuredTexts.find((s) => s !== text && straightQuotes(s) === straightQuotes(text) && straightQuotes(s) === s);
    return { title: typed ?? text, source: h.el.name, anchor: h, suffixSite };
  }
  // A headline field (JSON-LD, microdata) loses only a site name; a page title also its short section parts.
  // A headline the page shows in full (in a breadcrumb <h1>, say) keeps all its parts.
  const shownKeys = new Set(input.h1s.map((h) => compareKey(headlineText(h.el) ?? '')));
  for (const [candidate, source] of [[input.jsonLdHeadline, 'json-ld'], [input.microdataHeadline, 'microdata'], [input.ogTitle, 'og:title'], [input.documentTitle, 'title']] as const) {
    if (candidate && candidate.trim()) {
      const whole = candidate.replace(/\s+/g, ' ').trim();
      const title = shownKeys.has(compareKey(whole)) ? whole : stripTitleSuffix(whole, allSites, source === 'json-ld' || source === 'microdata').title;
      const anchor = visibleH1s.find((h) => {
        const k = compareKey(headlineText(h.el) ?? '');
        return k.length > 0 && compareKey(title).includes(k);
      }) ?? visibleH1s[0] ?? null;
      return { title, source, anchor, suffixSite };
    }
  }
  const h1 = visibleH1s[0];
  const text = h1 ? headlineText(h1.el) : null;
  return { title: text || null, source: 'h1', anchor: h1 ?? null, suffixSite };
}
