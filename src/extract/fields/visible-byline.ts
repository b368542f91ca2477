/**
 * The article's own visible byline: of the elements whose class names an author or byline
 * (and rel=author links), the one nearest the headline that credits someone, with its
 * close neighbours (a byline is often split over a few small elements). Teaser bylines
 * further down, comment authors and hidden or screen-reader-only text never count.
 */
import type { Element } from 'domhandler';
import type { Seen } from '../structured/scan.js';
import { boundedTextSkipping } from '../structured/text.js';
import { creditParts } from './credit-parts.js';
import { isAgency } from './agencies.js';

/** Text for screen readers only: a brand label or "Author:" a sighted reader never sees. */
const SCREEN_READER_ONLY = /(?:^|\s)(?:sr-only|visually-hidden|u-visually-hidden|screen-reader-text|screenreader|a11y-hidden|hidden|hide)(?:\s|$)/i;
/** Hints this close (in elements) to the chosen one belong to the same byline. */
const NEIGHBOURS = 30;

function bylineText(root: Element, maxChars: number): string | null {
  return boundedTextSkipping(root, maxChars, (el) => !!el.attribs.class && SCREEN_READER_ONLY.test(el.attribs.class)) || null;
}

export function visibleBylineCredits(hints: Seen[], anchorOrder: number | null, siteNames: string[]): string[] {
  const read: Array<{ order: number; text: string }> = [];
  for (const h of hints) {
    if (h.hidden || h.offside) continue;
    const text = bylineText(h.el, 160);
    if (text && creditParts(text, siteNames).length > 0) read.push({ order: h.order, text });
  }
  if (read.length === 0) return [];
  const anchor = anchorOrder ?? read[0]!.order;
  let best = read[0]!;
  for (const r of read) if (Math.abs(r.order - anchor) < Math.abs(best.order - anchor)) best = r;
  return read.filter((r) => Math.abs(r.order - best.order) <= NEIGHBOURS).map((r) => r.text);
}

/** A line that says it is a byline: "By …", "Von …", "Par …", "بقلم …", "كتب …". */
const BYLINE_START = /^(?:by|written by|von|par|por|door|av|af|yazan|автор|بقلم|كتب|كتبت|إعداد|اعداد|تحرير)\s*[:：/-]?\s+\S/iu;

/**
 * Short lines just under the headline that start with a byline word, for pages whose byline
 * box has no author class: the first such line, read as a credit.
 */
export function bylineLines(near: Seen[], siteNames: string[]): string[] {
  for (const h of near) {
    if (h.hidden || h.offside) continue;
    const text = bylineText(h.el, 100);
    if (text && BYLINE_START.test(text) && creditParts(text, siteNames).length > 0) return [text];
  }
  return [];
}

/**
 * A wire dateline opening the first paragraph: "BERLIN (dpa) –", "WASHINGTON (AP) —",
 * "باريس (أ ف ب) -", "القاهرة - أ ش أ:". The agency it names wrote the copy.
 */
const DATELINE = /^[\p{L}\s.,'’-]{2,40}?\s*(?:\(([^()]{1,30})\)|[-–—]\s*([^-–—:()]{1,30}?)\s*[:：\-–—])/u;

export function datelineAgency(near: Seen[]): string[] {
  for (const h of near) {
    if (h.hidden || h.offside || h.el.name !== 'p') continue;
    const text = bylineText(h.el, 2000);
    if (!text || text.length < 60) continue;
    const m = DATELINE.exec(text);
    const agency = m ? (m[1] ?? m[2] ?? '').trim() : '';
    // Only the first real paragraph counts.
    return agency && agency.split(/\s*[/,]\s*/).every(isAgency) ? [agency] : [];
  }
  return [];
}
