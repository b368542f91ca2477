/**
 * Reading a headline element the way a reader sees it:
 * - pieces in separate boxes are separate words: `<span>Nationale Demo</span>Der Tag` reads
 *   "Nationale Demo Der Tag", while a word split by inline tags (`<b>W</b>ort`) stays whole;
 * - a kicker (overline, eyebrow, Dachzeile) at the start of the heading is not part of the
 *   headline: `<h1><span class="kicker">Premier League</span><span>Liverpool lose</span></h1>`;
 * - a heading in a breadcrumb trail names the page for navigation; it is not the headline.
 */
import type { AnyNode, Element } from 'domhandler';
import { collapseSpace } from '../dom/query.js';

const KICKER = /kicker|category|overline|over-title|overtitle|eyebrow|topline|top-line|dachzeile|roofline|supertitle|super-title|pretitle|pre-title|spitzmarke|rubric/i;
const BREADCRUMB = /breadcrumb|crumbs/i;
const BLOCK = /^(?:p|div|li|h\d|br|header|section|article|figure|figcaption|blockquote|ul|ol)$/;

/** Does the element say in its class, id or attribute names that it is a kicker? */
function isKicker(el: Element): boolean {
  for (const [name, value] of Object.entries(el.attribs)) {
    if (name === 'class' || name === 'id' || name.startsWith('data-')) {
      if (KICKER.test(name === 'class' || name === 'id' ? value : name)) return true;
    }
  }
  return false;
}

function elementSiblingsBefore(el: Element): Element[] {
  const parent = el.parent as Element | null;
  if (!parent) return [];
  const out: Element[] = [];
  for (const c of parent.children) {
    if (c === el) break;
    if (c.type === 'tag') out.push(c);
  }
  return out;
}

const isLink = (el: Element): boolean => el.name === 'a' || (el.children.filter((c) => c.type === 'tag') as Element[]).some((c) => c.name === 'a');

/**
 * A heading inside a breadcrumb trail: by class, id, aria-label, data attribute or
 * BreadcrumbList, or by its place: the last item of a row of links ("Home › Politics › <h1>").
 */
export function isBreadcrumbHeading(el: Element): boolean {
  // A row of links and the heading, nothing else (a separator icon at most): "Home › Politics › <h1>".
  const row = ((el.parent as Element | null)?.children ?? []).filter((c): c is Element => c.type === 'tag' && c !== el);
  if (row.filter((b) => b.name === 'a').length >= 2 && row.every((b) => /^(?:a|span|i|svg)$/.test(b.name))) return true;
  const parent = el.parent as Element | null;
  if (parent?.name === 'li') {
    const items = elementSiblingsBefore(parent);
    if (items.length >= 2 && items.every((li) => li.name === 'li' && isLink(li))) return true;
  }
  let node: Element | null = el;
  for (let depth = 0; node && node.attribs && depth < 6; depth++) {
    const a = node.attribs;
    if (BREADCRUMB.test(a.class ?? '') || BREADCRUMB.test(a.id ?? '') || BREADCRUMB.test(a['aria-label'] ?? '') || /BreadcrumbList/.test(a.itemtype ?? '')) return true;
    if (depth === 0 && Object.keys(a).some((k) => k.startsWith('data-') && BREADCRUMB.test(k))) return true;
    node = node.parent as Element | null;
  }
  return false;
}

/** Text of the nodes, with a space where two boxes meet without one and the case shows a new word begins. */
function readNodes(nodes: AnyNode[], maxChars: number): string | null {
  let out = '';
  // null marks the end of an element: its closing edge is a box boundary too.
  const stack: Array<AnyNode | null> = [...nodes].reverse();
  let boundary = false;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === null) {
      boundary = true;
    } else if (node.type === 'text') {
      const data = node.data;
      if (boundary && /[\p{Ll}\p{N}.,:;!?"'»”’)]$/u.test(out) && /^\p{Lu}/u.test(data)) out += ' ';
      out += data;
      if (data) boundary = false;
      if (out.length > maxChars * 2 + 200) return null;
    } else if (node.type === 'tag') {
      if (node.name === 'script' || node.name === 'style') continue;
      if (BLOCK.test(node.name)) out += ' ';
      boundary = true;
      stack.push(null);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  const text = collapseSpace(out);
  return text && text.length <= maxChars ? text : null;
}

export function headlineText(el: Element, maxChars = 400): string | null {
  return readNodes(el.children, maxChars);
}

/** The headline without a leading kicker element, or null when the heading has none. */
export function headlineWithoutKicker(el: Element, maxChars = 400): { kicker: string; rest: string } | null {
  const kids = el.children.filter((c) => c.type === 'tag' || (c.type === 'text' && c.data.trim() !== ''));
  // A single wrapper (<h1><a><span class="kicker">…</span>…</a></h1>): look inside it.
  if (kids.length === 1 && kids[0]!.type === 'tag') return headlineWithoutKicker(kids[0] as Element, maxChars);
  const first = kids[0];
  if (!first || first.type !== 'tag' || kids.length < 2) return null;
  const kicker = readNodes([first], 200);
  const rest = readNodes(kids.slice(1), maxChars);
  if (!kicker || !rest) return null;
  return { kicker, rest: rest.replace(/^[\s:|/–—-]+/u, '') };
}

/** Is the leading element of this heading marked as a kicker? */
export function hasMarkedKicker(el: Element): boolean {
  const kids = el.children.filter((c) => c.type === 'tag' || (c.type === 'text' && c.data.trim() !== ''));
  if (kids.length === 1 && kids[0]!.type === 'tag') return hasMarkedKicker(kids[0] as Element);
  const first = kids[0];
  return !!first && first.type === 'tag' && kids.length >= 2 && isKicker(first as Element);
}

/** The short element just before the heading (a kicker or overline above the headline), if any. */
export function kickerBefore(el: Element): string | null {
  const before = elementSiblingsBefore(el);
  const prev = before[before.length - 1];
  if (!prev || /^(?:h\d|p|ul|ol|nav|figure|img|picture|script|style)$/.test(prev.name)) return null;
  const text = readNodes([prev], 120);
  return text && text.split(/\s+/).length <= 8 ? text : null;
}
