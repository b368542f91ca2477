/**
 * Microdata (itemprop) values, read the way the spec says: content, datetime, href or src
 * attributes before text. Only properties of an article-like scope (or of no typed scope)
 * count, so a related item's datePublished is not the page's.
 */
import type { Element } from 'domhandler';
import type { PageScan, Seen } from './scan.js';
import { boundedText } from './text.js';

export interface MicrodataValue extends Seen {
  value: string;
}

const ARTICLE_SCOPE = /Article|BlogPosting|Report|NewsArticle|WebPage/i;

function scopeType(el: Element): string | null {
  let node: Element | null = el.parent as Element | null;
  for (let depth = 0; node && depth < 40; depth++) {
    if (node.attribs && 'itemscope' in node.attribs) return node.attribs.itemtype ?? '';
    node = node.parent as Element | null;
  }
  return null;
}

function valueOf(el: Element, prop: string): string | null {
  const a = el.attribs;
  const direct = a.content ?? a.datetime ?? (el.name === 'a' || el.name === 'link' ? a.href : undefined) ?? (el.name === 'img' ? a.src : undefined);
  if (direct !== undefined) return direct.trim() || null;
  const max = prop === 'articleBody' || prop === 'text' ? 200_000 : 400;
  return boundedText(el, max);
}

/** Values per property name, in document order, from article scopes only. */
export function readMicrodata(scan: PageScan): Map<string, MicrodataValue[]> {
  const out = new Map<string, MicrodataValue[]>();
  for (const item of scan.microdata) {
    const type = scopeType(item.el);
    if (type !== null && type !== '' && !ARTICLE_SCOPE.test(type)) {
      // Nested Person/Organization scopes inside the article: keep only their names under the parent prop.
      if (!/Person|Organization/i.test(type)) continue;
    }
    for (const prop of item.prop.split(/\s+/)) {
      if (!prop) continue;
      const value = valueOf(item.el, prop);
      if (!value) continue;
      const list = out.get(prop) ?? [];
      list.push({ ...item, value });
      out.set(prop, list);
    }
  }
  return out;
}
