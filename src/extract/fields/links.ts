/**
 * URL-valued fields: canonical URL (rel=canonical, og:url, JSON-LD url), the lead image
 * with its caption, and related-article links (anchors inside "related / read more" boxes,
 * outside the body, absolute, never the page itself).
 */
import type { Element } from 'domhandler';
import type { Seen } from '../structured/scan.js';
import { boundedText } from '../structured/text.js';
import { walkElements } from '../dom/query.js';
import { canonicalizeUrl } from '../../discover/canonical-url.js';

export function absoluteUrl(href: string | null | undefined, base: string | undefined): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (!trimmed || /^(javascript|mailto|tel|data):/i.test(trimmed) || trimmed.startsWith('#')) return null;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function canonicalFromLinks(links: Element[], base: string | undefined): string | null {
  for (const l of links) {
    if ((l.attribs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical')) {
      const url = absoluteUrl(l.attribs.href, base);
      if (url) return url;
    }
  }
  return null;
}

export function imageLinkFromLinks(links: Element[], base: string | undefined): string | null {
  for (const l of links) {
    if ((l.attribs.rel ?? '').toLowerCase() === 'image_src') return absoluteUrl(l.attribs.href, base);
  }
  return null;
}

function stem(url: string): string {
  const file = url.split(/[?#]/)[0]!.split('/').pop() ?? '';
  return file.replace(/\.[a-z0-9]+$/i, '').replace(/[-_]?\d{2,4}x\d{2,4}$/, '').toLowerCase();
}

/**
 * The caption of the lead image: the figcaption of the figure whose image file matches it,
 * else of the first figure right after the headline.
 */
export function findCaption(figures: Seen[], imageUrl: string | null, anchorOrder: number): string | null {
  const wanted = imageUrl ? stem(imageUrl) : '';
  let nearby: string | null = null;
  for (const fig of figures) {
    if (fig.offside) continue;
    let caption: string | null = null;
    let matches = false;
    walkElements(fig.el, (el) => {
      if (el.name === 'figcaption' && caption === null) caption = boundedText(el, 400);
      if (el.name === 'img' && wanted.length > 3) {
        const src = el.attribs.src ?? el.attribs['data-src'] ?? '';
        if (src && stem(src).includes(wanted.slice(0, 24))) matches = true;
      }
    });
    if (caption && matches) return caption;
    if (caption && nearby === null && anchorOrder > 0 && fig.order > anchorOrder && fig.order - anchorOrder < 150) nearby = caption;
  }
  return nearby;
}

/** Absolute links inside related-article boxes, excluding the page itself. */
export function relatedLinks(boxes: Seen[], base: string | undefined, self: Array<string | null>): string[] {
  const own = new Set(self.filter((s): s is string => !!s).map((s) => s.replace(/[#?].*$/, '')));
  // Related links are keys to other articles: tracking parameters and fragments go, as in the frontier.
  const out: string[] = [];
  const seen = new Set<string>();
  const taken = new Set<Element>();
  for (const box of [...boxes].sort((a, b) => a.order - b.order)) {
    if (box.hidden || taken.has(box.el)) continue;
    walkElements(box.el, (el) => {
      taken.add(el);
      if (el.name !== 'a' || out.length >= 50) return;
      const found = absoluteUrl(el.attribs.href, base);
      const url = found === null ? null : canonicalizeUrl(found);
      if (!url || seen.has(url) || own.has(url.replace(/[#?].*$/, ''))) return;
      try {
        const path = new URL(url).pathname;
        if (path.length < 8 || !/[\p{L}\d]{3}/u.test(decodeURIComponent(path))) return;
      } catch {
        return;
      }
      seen.add(url);
      out.push(url);
    });
  }
  return out;
}

const RELATED_LABEL = /^(?:(?:ا|إ|أ)قر(?:أ|ا|ء)\s+(?:أيضا|أيضاً|ايضا|ايضاً|كذلك)|مواضيع ذات صلة|أخبار ذات صلة|اخبار ذات صلة|ذات صلة|read (?:also|more)|related(?: (?:articles|stories|news|content|posts))?|see also|more on this(?: story)?|(?:à )?lire aussi|mehr zum thema|lesen sie auch|lea también|leer más|ayrıca (?:okuyun|bakınız)|ilgili haberler|читайте также)\s*[:：]?$/iu;

/**
 * Related boxes named by their label rather than their class: the label's parent when it is
 * small (an inline "اقرأ أيضا: <a>" paragraph, a titled box), else the list right after it.
 */
export function labelledRelatedBoxes(labels: Seen[]): Seen[] {
  const boxes: Seen[] = [];
  for (const label of labels) {
    if (label.hidden) continue;
    const text = boundedText(label.el, 40);
    if (!text || !RELATED_LABEL.test(text)) continue;
    const parent = label.el.parent;
    if (parent && parent.type === 'tag') {
      const parentText = boundedText(parent as Element, 1500);
      let anchors = 0;
      if (parentText !== null) walkElements(parent as Element, (el) => {
        if (el.name === 'a') anchors++;
      });
      if (parentText !== null && anchors > 0 && anchors <= 12) {
        boxes.push({ ...label, el: parent as Element });
        continue;
      }
    }
    let next = label.el.nextSibling;
    while (next && next.type !== 'tag') next = next.nextSibling;
    if (next && /^(ul|ol|div|section)$/.test((next as Element).name)) boxes.push({ ...label, el: next as Element });
  }
  return boxes;
}
