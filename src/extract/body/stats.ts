/**
 * Per-element text statistics, computed bottom-up in one iterative pass: visible text
 * length, text inside links, commas, and whether the element holds block-level children.
 * Every later heuristic reads these instead of re-walking subtrees.
 */
import { ElementType } from 'htmlparser2';
import type { AnyNode, Element, ParentNode } from 'domhandler';

export interface ElementStats {
  /** Characters of visible text, whitespace runs counted as one. */
  textLength: number;
  /** Characters of that text that sit inside <a>. */
  linkLength: number;
  /** Commas of any script (, ، ，), a cheap sign of running prose. */
  commas: number;
  /** Text directly inside the element (not in child elements), whitespace-collapsed length. */
  ownTextLength: number;
  /** Whether a child is a block-level element. */
  hasBlockChild: boolean;
  /** Number of <p> descendants. */
  paragraphs: number;
  /** Text in inline runs: direct text plus text of inline children, stopping at block children. */
  inlineTextLength: number;
  inlineLinkLength: number;
  inlineCommas: number;
  /** Headings whose text is (nearly) all a link: titles that lead to other pages. */
  linkedHeadings: number;
  /** Teaser cards: innermost boxes with one linked heading and some unlinked text (a listing's items). */
  cards: number;
  /** Characters of text inside those cards. */
  cardTextLength: number;
  /** Extra length for dense scripts (see denseWeight): a CJK paragraph says as much as a Latin one three times longer. */
  denseExtra: number;
}

export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol',
  'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'summary', 'center', 'body', 'html',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function hasHeadingChild(el: Element): boolean {
  return el.children.some((c) => c.type === ElementType.Tag && HEADINGS.has(c.name));
}

function countCommas(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // , ، ， and the ideographic comma 、
    if (c === 44 || c === 0x060c || c === 0xff0c || c === 0x3001) n++;
  }
  return n;
}

/**
 * Japanese and Chinese write a word in one to three characters without spaces, Korean a
 * syllable per character: their paragraphs are a third (CJK) or half (Hangul) as long as
 * a Latin or Arabic paragraph of the same content. This is the length to add so that they
 * vote alike. (Counted in measure's loop.)
 */
function denseWeight(c: number): number {
  if (c <= 0x9fff) return 2; // kana and CJK ideographs
  if (c >= 0xac00 && c <= 0xd7af) return 1; // Hangul syllables
  return 0;
}

/** Extra length (denseWeight) of the text last measured: set by measure() to spare a second pass. */
let lastDenseExtra = 0;

function measure(text: string): number {
  // Length with whitespace runs counted once: cheap and close to what a reader sees.
  let n = 0;
  let dense = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ws = c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12;
    if (ws) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
      if (c >= 0x3040) dense += denseWeight(c);
    }
  }
  lastDenseExtra = dense;
  return n;
}

export function computeStats(root: ParentNode): Map<Element, ElementStats> {
  const stats = new Map<Element, ElementStats>();
  // Post-order without recursion: push (node, expanded) pairs.
  const stack: { node: AnyNode; expanded: boolean }[] = [];
  for (const child of root.children) stack.push({ node: child, expanded: false });
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const node = top.node;
    if (node.type !== ElementType.Tag) {
      stack.pop();
      continue;
    }
    if (!top.expanded) {
      top.expanded = true;
      for (const child of node.children) if (child.type === ElementType.Tag) stack.push({ node: child, expanded: false });
      continue;
    }
    stack.pop();
    const s: ElementStats = { textLength: 0, linkLength: 0, commas: 0, ownTextLength: 0, hasBlockChild: false, paragraphs: 0, inlineTextLength: 0, inlineLinkLength: 0, inlineCommas: 0, linkedHeadings: 0, cards: 0, cardTextLength: 0, denseExtra: 0 };
    const isLink = node.name === 'a';
    for (const child of node.children) {
      if (child.type === ElementType.Text) {
        const len = measure(child.data);
        s.denseExtra += lastDenseExtra;
        const commas = countCommas(child.data);
        s.textLength += len;
        s.ownTextLength += len;
        s.inlineTextLength += len;
        if (isLink) {
          s.linkLength += len;
          s.inlineLinkLength += len;
        }
        s.commas += commas;
        s.inlineCommas += commas;
      } else if (child.type === ElementType.Tag) {
        const cs = stats.get(child);
        if (!cs) continue;
        s.textLength += cs.textLength;
        s.linkLength += isLink ? cs.textLength : cs.linkLength;
        s.commas += cs.commas;
        s.paragraphs += cs.paragraphs + (child.name === 'p' ? 1 : 0);
        s.linkedHeadings += cs.linkedHeadings;
        s.cards += cs.cards;
        s.denseExtra += cs.denseExtra;
        s.cardTextLength += cs.cardTextLength;
        if (BLOCK_TAGS.has(child.name)) {
          s.hasBlockChild = true;
        } else {
          s.inlineTextLength += cs.inlineTextLength;
          s.inlineLinkLength += isLink ? cs.inlineTextLength : cs.inlineLinkLength;
          s.inlineCommas += cs.inlineCommas;
        }
      }
    }
    // A heading inside a link, or a link inside a heading, titles another page.
    const linkedTitle = (HEADINGS.has(node.name) || (isLink && s.linkedHeadings === 0 && hasHeadingChild(node))) && s.textLength >= 10 && (isLink || s.linkLength >= s.textLength * 0.8);
    if (linkedTitle) s.linkedHeadings++;
    if (s.cards === 0 && s.linkedHeadings === 1 && s.textLength - s.linkLength >= 60) {
      s.cards = 1;
      s.cardTextLength = s.textLength;
    }
    stats.set(node, s);
  }
  return stats;
}

export function linkDensity(s: ElementStats | undefined): number {
  if (!s || s.textLength === 0) return 0;
  return Math.min(1, s.linkLength / s.textLength);
}

/**
 * Whether a box holds running prose rather than a label, a caption or a link list: boxes
 * whose names carry only a weak boilerplate word (print, header, widget…) are kept when they do.
 */
export function holdsProse(s: ElementStats | undefined): boolean {
  // Unlinked text in paragraphs: a wrapper of the article stays prose even when its
  // navigation and related links raise its overall link density.
  return !!s && s.textLength - s.linkLength >= 300 && (s.paragraphs >= 2 || linkDensity(s) < 0.3);
}

/** The text length as it weighs in prose: dense scripts count for what they say (denseExtra). */
export function proseLength(s: ElementStats): number {
  return s.textLength + s.denseExtra;
}
