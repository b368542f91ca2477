/**
 * Finds the container that holds the article body. Rules (Readability's, tuned):
 * - every paragraph-like element with at least 25 characters scores 1, plus one per comma,
 *   plus one per 100 characters (at most 3);
 * - the score flows to its ancestors: all of it to the parent, half to the grandparent,
 *   a third of a level's share further up;
 * - an ancestor starts from a base for its tag and ±25 for what its class and id say, and its
 *   final score is scaled by (1 − link density), since navigation is mostly links;
 * - the best container then climbs to its parent while the parent holds nearly as much, so
 *   a body split across sibling boxes is kept whole.
 */
import type { Element, ParentNode } from 'domhandler';
import { walkElements } from '../dom/query.js';
import { classAndIdSignals } from './names.js';
import { linkDensity, proseLength, type ElementStats } from './stats.js';
import { listingFactor } from './candidates-shared.js';
import { bestSplitBody } from './split-body.js';

const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'blockquote', 'dd', 'li']);
const BASE_BY_TAG: Record<string, number> = {
  div: 5, article: 8, main: 5, section: 3, pre: 3, td: 3, blockquote: 3,
  address: -3, ol: -3, ul: -3, dl: -3, dd: -3, dt: -3, li: -3, form: -3,
  h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5, th: -5, header: -8, footer: -15, nav: -20, aside: -15,
};

/**
 * What the class, id and itemprop say, in score points. A good name lifts a box in proportion
 * to the text it holds (full lift from PROSE_FOR_FULL_LIFT characters): generated component
 * names ("main_content_x1y2", "MoreInfoContent") on a few words must not outscore the article.
 */
export function nameWeight(el: Element, textLength: number): number {
  const weight = classWeight(el);
  return weight > 0 ? weight * Math.min(1, textLength / PROSE_FOR_FULL_LIFT) : weight;
}

const PROSE_FOR_FULL_LIFT = 500;

const proseLengthOf = (s: ElementStats | undefined): number => (s ? proseLength(s) : 0);

export function classWeight(el: Element): number {
  let weight = 0;
  const itemprop = el.attribs.itemprop ?? '';
  if (itemprop === 'articleBody' || itemprop === 'articlebody') weight += 30;
  // The class and the id each count once, as in Readability; names are read as words (names.ts).
  for (const name of classAndIdSignals(el)) {
    if (name.body) {
      weight += 25;
      continue;
    }
    if (name.strong || name.negative) weight -= 25;
    else if (name.weak) weight -= 10;
    if (name.positive) weight += 25;
  }
  return weight;
}

/** Whether an element reads as a paragraph: a paragraph tag, or a box of inline text. */
function isParagraphLike(el: Element, s: ElementStats): boolean {
  if (PARAGRAPH_TAGS.has(el.name)) return true;
  return (el.name === 'div' || el.name === 'section' || el.name === 'article' || el.name === 'span' || el.name === 'font') && !s.hasBlockChild && s.ownTextLength > 0;
}

export interface Candidate {
  element: Element;
  score: number;
}

export interface ScoreOptions {
  /** Whether a subtree should not count (boilerplate boxes such as comments); null to count all. */
  exclude: ((el: Element) => boolean) | null;
}

export function scoreCandidates(root: ParentNode, stats: Map<Element, ElementStats>, options: ScoreOptions): Map<Element, number> {
  const raw = new Map<Element, number>();
  const addScore = (from: Element | null, score: number): void => {
    let ancestor: ParentNode | null = from;
    for (let level = 0; level < 5 && ancestor && ancestor.type === 'tag'; level++) {
      const a = ancestor as Element;
      if (!raw.has(a)) raw.set(a, (BASE_BY_TAG[a.name] ?? 0) + nameWeight(a, proseLengthOf(stats.get(a))));
      const share = level === 0 ? score : level === 1 ? score / 2 : score / (level * 3);
      raw.set(a, raw.get(a)! + share);
      ancestor = a.parent;
    }
  };
  walkElements(root, (el) => {
    if (options.exclude?.(el)) return false;
    const s = stats.get(el);
    if (!s) return;
    if (isParagraphLike(el, s)) {
      const length = proseLength(s);
      if (length < 25) return;
      // A list item full of links is navigation, not prose.
      if (el.name === 'li' && linkDensity(s) > 0.3) return;
      addScore(el.parent as Element | null, 1 + s.commas + Math.min(Math.floor(length / 100), 3));
    } else if (s.hasBlockChild && s.inlineTextLength >= 25 && s.inlineLinkLength < s.inlineTextLength * 0.5) {
      // Text written straight into a box between block children (old CMSs, <br> layouts)
      // is a paragraph of that box: the box itself is its parent.
      addScore(el, 1 + s.inlineCommas + Math.min(Math.floor(s.inlineTextLength / 100), 3));
    }
  });
  const scored = new Map<Element, number>();
  for (const [el, score] of raw) {
    const s = stats.get(el);
    scored.set(el, score * (1 - linkDensity(s)) * listingFactor(s));
  }
  return scored;
}


/** The best-scoring container, widened to its parent when the parent holds the body too. */
export function pickTopCandidate(scored: Map<Element, number>, stats: Map<Element, ElementStats>): Candidate | null {
  const ranked = [...scored.entries()].sort((a, b) => b[1] - a[1]);
  const best = ranked[0];
  if (!best) return null;
  let [element, score] = best;
  // When several strong candidates share an ancestor, the body is split across them:
  // take the ancestor (Readability's "alternative candidates" rule).
  const strong = ranked.slice(1, 6).filter(([, s]) => s >= score * 0.75).map(([el]) => el);
  let merged = false;
  if (strong.length >= 2) {
    let ancestor = element.parent as Element | null;
    while (ancestor && ancestor.type === 'tag' && ancestor.name !== 'body') {
      const holds = strong.filter((el) => isAncestor(ancestor!, el)).length;
      if (holds >= 2) {
        element = ancestor;
        merged = true;
        score = scored.get(ancestor) ?? score;
        break;
      }
      ancestor = ancestor.parent as Element | null;
    }
  }
  // A body split into alike sibling boxes elsewhere: their parent, when the parts together win.
  const split = merged ? null : bestSplitBody(scored, stats, element, score);
  if (split) {
    element = split.parent;
    score = split.score;
  }
  // Climb while the parent is a thin wrapper around this element (same text, higher score).
  let parent = element.parent as Element | null;
  while (parent && parent.type === 'tag' && parent.name !== 'body' && parent.name !== 'html') {
    const ps = stats.get(parent);
    const es = stats.get(element);
    if (!ps || !es) break;
    const parentScore = scored.get(parent) ?? 0;
    // A wrapper adds (almost) no text of its own: climbing it loses nothing and lets the
    // sibling rule see the boxes next to it (a body split into sections by figures).
    if (ps.textLength > es.textLength * 1.05) break;
    element = parent;
    score = Math.max(score, parentScore);
    parent = element.parent as Element | null;
  }
  return { element, score };
}

export function isAncestor(ancestor: Element, node: Element): boolean {
  let p = node.parent;
  while (p) {
    if (p === ancestor) return true;
    p = p.parent;
  }
  return false;
}
