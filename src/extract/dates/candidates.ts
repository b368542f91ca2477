/**
 * Date candidates from every source, each with the trust its source deserves:
 * JSON-LD (0.95) > microdata (0.9) > known meta names (0.9, generic "date" 0.7) >
 * <time> (0.6-0.8, nearer the headline is better) > visible date lines near the headline
 * (0.55) > the URL (0.45 for a day, 0.3 for a month). Dates inside offside regions (aside,
 * nav, comments, related lists) are never read: they belong to other articles.
 */
import type { Element } from 'domhandler';
import type { DateEvidence } from '../types.js';
import type { PageScan, Seen } from '../structured/scan.js';
import type { MetaIndex } from '../structured/meta-tags.js';
import type { MicrodataValue } from '../structured/microdata.js';
import { firstString, type JsonLdData } from '../structured/json-ld.js';
import { boundedText } from '../structured/text.js';
import { parseDate, type ParseDateOptions, type ParsedDate } from './parse-date.js';
import { CLOCK_LINE, readDateLine, UPDATED_MARKER } from './date-lines.js';
import { foldForDates } from './normalize.js';
import { readScriptDates } from './script-dates.js';
import { classWords } from './class-words.js';

export interface DateCandidate {
  kind: 'published' | 'modified';
  date: ParsedDate;
  raw: string;
  source: DateEvidence['source'];
  confidence: number;
  where: string;
}

const META_PUBLISHED: Array<[string, number]> = [
  ['article:published_time', 0.9], ['og:article:published_time', 0.9], ['article:published', 0.88], ['datepublished', 0.88], ['published_time', 0.85],
  ['og:published_time', 0.85], ['article.published', 0.85], ['pubdate', 0.85], ['publishdate', 0.85], ['publish-date', 0.85], ['publish_date', 0.85],
  ['publication_date', 0.85], ['sailthru.date', 0.8], ['dc.date.issued', 0.85], ['dcterms.issued', 0.85], ['dcterms.created', 0.8], ['dc.date.created', 0.8],
  ['parsely-pub-date', 0.85], ['cxenseparse:recs:publishtime', 0.8], ['article_date_original', 0.8], ['original-publish-date', 0.8], ['citation_publication_date', 0.8],
  ['citation_date', 0.75], ['pub_date', 0.8], ['datecreated', 0.75], ['dc.date', 0.5], ['dcterms.date', 0.5], ['date', 0.5], ['creation_date', 0.5], ['created', 0.48],
];
const META_MODIFIED: Array<[string, number]> = [
  ['article:modified_time', 0.9], ['og:updated_time', 0.85], ['article:updated_time', 0.85], ['datemodified', 0.85], ['modified_time', 0.85], ['og:modified_time', 0.85],
  ['dcterms.modified', 0.8], ['dc.date.modified', 0.8], ['article.updated', 0.8], ['lastmod', 0.7], ['last-modified', 0.6], ['revision_date', 0.6],
];

export interface CandidateContext {
  scan: PageScan;
  metas: MetaIndex;
  jsonLd: JsonLdData;
  microdata: Map<string, MicrodataValue[]>;
  url: string | undefined;
  fetchedAt: string | undefined;
  /** Document position of the headline, to favour dates next to it. */
  anchorOrder: number;
  /** The headline element: an offside-looking region that holds it is the article, not a sidebar. */
  anchorElement?: Element | null;
  monthFirst: boolean;
}

/** Class words that alone make a box offside only weakly: page builders call every block a widget. */
const WEAK_OFFSIDE_WORDS = new Set(['widget', 'widgets']);
const STRONG_OFFSIDE_WORDS = new Set(['sidebar', 'aside', 'comment', 'comments', 'related', 'recommended', 'recommend', 'recommendations', 'trending', 'ticker', 'newsletter', 'mostread', 'popular', 'outbrain', 'taboola', 'footer', 'teaser', 'teasers']);
/** How far after the headline (document order) a date in a weakly offside box still counts as the article's. */
const WEAK_BOX_REACH = 60;

function weaklyOffside(root: Element): boolean {
  if (root.name === 'aside' || root.name === 'nav' || root.name === 'footer') return false;
  const words = classWords(`${root.attribs.class ?? ''} ${root.attribs.id ?? ''}`);
  return words.some((w) => WEAK_OFFSIDE_WORDS.has(w)) && !words.some((w) => STRONG_OFFSIDE_WORDS.has(w));
}

/**
 * Is a region forgiven for looking offside? A wrapper called "sidebar", an <aside> or a
 * "topbar" header that holds the headline is the article's own frame, so its date box counts;
 * so is a "sidebar" that holds a third of the page's elements: a layout wrapper, not a box;
 * and a box named only "widget" (page builders' blocks) right after the headline.
 */
export function offsideExcuse(anchor: Element | null | undefined, elementCount: number, anchorOrder = 0): (root: Element | null | undefined, order?: number) => boolean {
  const frame = new Set<Element>();
  let node: Element | null = anchor ?? null;
  for (let depth = 0; node && node.type === 'tag' && depth < 400; depth++) {
    if (node.name !== 'nav') frame.add(node);
    node = node.parent as Element | null;
  }
  const large = new Map<Element, boolean>();
  const isLarge = (root: Element): boolean => {
    let known = large.get(root);
    if (known === undefined) {
      known = root.name !== 'nav' && holdsAtLeast(root, Math.max(200, elementCount / 3));
      large.set(root, known);
    }
    return known;
  };
  const nearHeadline = (order: number | undefined): boolean => anchorOrder > 0 && order !== undefined && order >= anchorOrder && order - anchorOrder <= WEAK_BOX_REACH;
  return (root, order) => !!root && (frame.has(root) || (nearHeadline(order) && weaklyOffside(root)) || isLarge(root));
}

/** Does the element hold at least `limit` elements? Stops counting at the limit. */
function holdsAtLeast(root: Element, limit: number): boolean {
  let count = 0;
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    for (const child of el.children) {
      if (child.type !== 'tag') continue;
      if (++count >= limit) return true;
      stack.push(child);
    }
  }
  return false;
}

/** Offside, and not forgiven for holding the headline. */
function reallyOffside(seen: Seen, excused: (root: Element | null | undefined, order?: number) => boolean): boolean {
  return seen.offside && !excused(seen.offsideBy, seen.order);
}

/**
 * Dates in plain scripts (data layers, app state): read only when the other sources give no
 * day or only a UTC instant, where a script often states the page's local time.
 */
export function scriptDateCandidates(ctx: CandidateContext, budget?: number): DateCandidate[] {
  const referenceYear = ctx.fetchedAt ? Number(ctx.fetchedAt.slice(0, 4)) || undefined : undefined;
  return readScriptDates(ctx.scan.scripts, { monthFirst: false, referenceYear, minYear: 1970 }, budget).map((found) => ({
    kind: found.kind, date: found.date, raw: found.raw.slice(0, 160), source: 'script' as const, confidence: (found.generic ? 0.3 : 0.42) - 0.03 * found.rank, where: `script ${found.key}`,
  }));
}

export function collectDateCandidates(ctx: CandidateContext): DateCandidate[] {
  const referenceYear = ctx.fetchedAt ? Number(ctx.fetchedAt.slice(0, 4)) || undefined : undefined;
  const machine: ParseDateOptions = { monthFirst: false, referenceYear, minYear: 1970 };
  const human: ParseDateOptions = { monthFirst: ctx.monthFirst, referenceYear };
  const out: DateCandidate[] = [];
  const excused = offsideExcuse(ctx.anchorElement, ctx.scan.elementCount, ctx.anchorOrder);
  const add = (kind: DateCandidate['kind'], raw: string | null, source: DateEvidence['source'], confidence: number, where: string, options = machine): void => {
    if (!raw) return;
    const date = parseDate(raw, options);
    if (date) out.push({ kind, date, raw: raw.slice(0, 160), source, confidence, where });
  };
  const { article, articleIsPage, byId } = ctx.jsonLd;
  if (article) {
    const c = articleIsPage ? 0.8 : 0.95;
    add('published', firstString(article.datePublished, byId), 'json-ld', c, 'datePublished');
    add('published', firstString(article.dateCreated, byId), 'json-ld', c - 0.15, 'dateCreated');
    add('published', firstString(article.uploadDate, byId), 'json-ld', c - 0.15, 'uploadDate');
    add('modified', firstString(article.dateModified, byId), 'json-ld', c, 'dateModified');
  }
  // Other JSON-LD nodes (a WebPage, the article's video) often carry the same instant in local time.
  for (const node of ctx.jsonLd.nodes.slice(0, 20)) {
    if (node === article) continue;
    add('published', firstString(node.datePublished, byId) ?? firstString(node.uploadDate, byId), 'json-ld', article ? 0.5 : 0.7, 'other node datePublished');
  }
  for (const [prop, kind] of [['datePublished', 'published'], ['dateCreated', 'published'], ['dateModified', 'modified']] as const) {
    const first = ctx.microdata.get(prop)?.find((v) => !v.offside);
    if (first) add(kind, first.value, 'microdata', prop === 'dateCreated' ? 0.75 : 0.9, `itemprop=${prop}`);
  }
  for (const [key, c] of META_PUBLISHED) add('published', ctx.metas.get(key)?.[0] ?? null, 'meta', c, key);
  for (const [key, c] of META_MODIFIED) add('modified', ctx.metas.get(key)?.[0] ?? null, 'meta', c, key);
  for (const time of ctx.scan.times) if (!reallyOffside(time, excused)) readTime(time, ctx, machine, human, out);
  // Date boxes nearest the headline first; a box whose text was already read is skipped.
  const hints = ctx.anchorOrder > 0 ? [...ctx.scan.dateHints].sort((x, y) => Math.abs(x.order - ctx.anchorOrder) - Math.abs(y.order - ctx.anchorOrder)) : ctx.scan.dateHints;
  const readTexts = new Set<string>();
  for (const hint of hints.slice(0, 24)) if (!reallyOffside(hint, excused)) readHint(hint, ctx, human, out, readTexts);
  // Unlabelled short lines right under the headline, trusted a little less than labelled ones.
  const before = out.length;
  // A sentence under the headline (a standfirst, a caption) mentions events; a date line is short.
  for (const seen of ctx.scan.nearHeadline) if (!reallyOffside(seen, excused)) readHint(seen, ctx, human, out, readTexts, UNLABELLED_LINE);
  for (let i = before; i < out.length; i++) out[i]!.confidence -= 0.05;
  readUrlDate(ctx.url, out);
  readImagePathDate(ctx, out);
  return out;
}

/** Longest unlabelled line under the headline read as a date line. */
const UNLABELLED_LINE = 80;

function nearness(seen: Seen, anchor: number): number {
  if (anchor <= 0) return 0;
  const delta = seen.order - anchor;
  return delta >= -40 && delta <= 120 ? 0.1 : 0;
}

function looksUpdated(seen: Seen): boolean {
  const a = seen.el.attribs;
  const key = `${a.class ?? ''} ${a.id ?? ''} ${a.itemprop ?? ''}`.toLowerCase();
  if (/updated|modified|datemodified|update/.test(key)) return true;
  const parent = seen.el.parent;
  if (parent && parent.type === 'tag') {
    const text = boundedText(parent, 200);
    if (text) {
      const folded = foldForDates(text);
      const marker = UPDATED_MARKER.exec(folded);
      if (marker) {
        // The marker must come before this element's own text, not after it.
        const own = foldForDates(boundedText(seen.el, 120) ?? '');
        const at = own ? folded.indexOf(own) : -1;
        return at === -1 || marker.index < at;
      }
    }
  }
  return false;
}

/** The machine value of a <time> or <abbr>: datetime, an ISO title, or data-utime (Unix seconds, read as UTC). */
function machineValue(el: Element): string | null {
  const a = el.attribs;
  if (a.datetime?.trim()) return a.datetime.trim();
  if (el.name !== 'abbr') return null;
  const utime = Number(a['data-utime']);
  if (Number.isFinite(utime) && utime > 0) return new Date(utime * 1000).toISOString().replace(/\.000Z$/, 'Z');
  return a.title?.trim() || null;
}

function readTime(seen: Seen, ctx: CandidateContext, machine: ParseDateOptions, human: ParseDateOptions, out: DateCandidate[]): void {
  const a = seen.el.attribs;
  const text = boundedText(seen.el, 160);
  const value = machineValue(seen.el);
  const raw = value || text;
  if (!raw) return;
  const date = parseDate(raw, value && /^\d{4}-/.test(value) ? machine : human);
  if (!date) return;
  const kind = looksUpdated(seen) ? 'modified' : 'published';
  const marked = 'pubdate' in a || /publish|posted|created/.test(`${a.class ?? ''} ${a.itemprop ?? ''}`.toLowerCase());
  const confidence = (seen.hidden ? 0.45 : 0.6) + nearness(seen, ctx.anchorOrder) + (marked ? 0.1 : 0);
  out.push({ kind, date, raw: raw.slice(0, 160), source: 'time', confidence, where: `time${a.class ? '.' + a.class.trim().split(/\s+/)[0] : ''}` });
}

function readHint(seen: Seen, ctx: CandidateContext, human: ParseDateOptions, out: DateCandidate[], readTexts: Set<string>, maxChars = 160): void {
  if (seen.hidden || seen.el.name === 'time' || seen.el.name === 'meta') return;
  const text = boundedText(seen.el, maxChars);
  if (!text || readTexts.has(text) || CLOCK_LINE.test(foldForDates(text)) || !/\d|[٠-٩۰-۹]|امس|أمس|منذ|قبل|yesterday|hier|gestern|ayer|вчера|ago|il y a|vor |hace|önce|назад/i.test(text)) return;
  readTexts.add(text);
  const line = readDateLine(text, { ...human, fetchedAt: ctx.fetchedAt });
  const near = nearness(seen, ctx.anchorOrder);
  const where = `${seen.el.name}.${(seen.el.attribs.class ?? seen.el.attribs.id ?? '').trim().split(/\s+/)[0]}`;
  const hintKey = `${seen.el.attribs.class ?? ''} ${seen.el.attribs.id ?? ''}`.toLowerCase();
  const updatedBox = /updated|modified/.test(hintKey) && !/publish/.test(hintKey);
  if (line.published) {
    const relative = line.published.date.precision !== 'day' && !/\d{4}/.test(foldForDates(text));
    out.push({ kind: updatedBox ? 'modified' : 'published', date: line.published.date, raw: line.published.raw, source: 'text', confidence: (relative ? 0.4 : 0.45) + near, where });
  }
  if (line.modified) out.push({ kind: 'modified', date: line.modified.date, raw: line.modified.raw, source: 'text', confidence: 0.45 + near, where });
}

/** /2021/05/17/ in the lead image's path: the day the newsroom uploaded it, usually the article's day. */
const IMAGE_PATH_DAY = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])\//;

function readImagePathDate(ctx: CandidateContext, out: DateCandidate[]): void {
  const image = ctx.metas.get('og:image')?.[0] ?? ctx.metas.get('twitter:image')?.[0];
  const day = image ? IMAGE_PATH_DAY.exec(image) : null;
  if (!day) return;
  const date = parseDate(`${day[1]}-${day[2]}-${day[3]}`, { minYear: 1990 });
  if (date) out.push({ kind: 'published', date, raw: day[0], source: 'url', confidence: 0.3, where: 'image path' });
}

const URL_DAY = /(?:^|[/_-])((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2]|[1-9])[/_-]?(0[1-9]|[12]\d|3[01]|[1-9])(?=[/_-]|\.html?|$)/;
const URL_COMPACT = /(?:^|[/_-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_-]|\.html?|$)/;
const URL_MONTH = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\//;

function readUrlDate(url: string | undefined, out: DateCandidate[]): void {
  if (!url) return;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return;
  }
  const day = URL_COMPACT.exec(path) ?? (/[/_-]/.test(path) ? URL_DAY.exec(path) : null);
  if (day && (URL_COMPACT.test(path) || /(\d{4})[/_-]\d{1,2}[/_-]\d{1,2}/.test(day[0]))) {
    const date = parseDate(`${day[1]}-${day[2]!.padStart(2, '0')}-${day[3]!.padStart(2, '0')}`, { minYear: 1990 });
    if (date) out.push({ kind: 'published', date, raw: day[0].replace(/^[/_-]/, ''), source: 'url', confidence: 0.45, where: 'url' });
    return;
  }
  const month = URL_MONTH.exec(path);
  if (month) {
    const date = parseDate(`${month[1]}-${month[2]}`, { minYear: 1990 });
    if (date) out.push({ kind: 'published', date, raw: `${month[1]}/${month[2]}`, source: 'url', confidence: 0.3, where: 'url' });
  }
}
