/**
 * Bodies split into alike sibling boxes: an article cut into <section>s at each subheading,
 * a live blog's entries, a CMS's repeated "textblock" modules. Each part scores less than a
 * single compact box elsewhere (a teaser list, a sidebar widget), so the parts are summed:
 * when alike siblings together outscore the best single box, their parent is the body.
 */
import type { Element } from 'domhandler';
import { listingFactor } from './candidates-shared.js';
import type { ElementStats } from './stats.js';
import { nameSignals } from './names.js';

/** Parts scoring less than this are not counted: a stray caption does not make a split body. */
const MIN_PART_SCORE = 5;
/** Nor are boxes of a line or two: promos and labels repeat too. */
const MIN_PART_CHARS = 100;
/** List items, table cells and definitions are items of one list (ingredients, FAQ), not parts of a text. */
const NOT_PARTS = new Set(['li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'td', 'th', 'tbody', 'table', 'p', 'span', 'a']);

/** Siblings are alike when they share their tag and first class word (or both have none). */
function signature(el: Element): string {
  const firstClass = (el.attribs.class ?? '').trim().split(/\s+/)[0] ?? '';
  return `${el.name}.${firstClass.replace(/\d+/g, '')}`;
}

export interface SplitBody {
  parent: Element;
  score: number;
  parts: number;
}

/**
 * The parent of the best-scoring group of alike siblings, if the group beats the best single
 * box and lies elsewhere (when the best box is a part, or holds the parts, the usual climbing
 * rules already judge it).
 */
export function bestSplitBody(scored: Map<Element, number>, stats: Map<Element, ElementStats>, bestBox: Element, bestScore: number): SplitBody | null {
  const groups = new Map<Element, Map<string, { sum: number; parts: number }>>();
  for (const [el, score] of scored) {
    if (score < MIN_PART_SCORE || NOT_PARTS.has(el.name) || (stats.get(el)?.textLength ?? 0) < MIN_PART_CHARS) continue;
    const parent = el.parent as Element | null;
    if (!parent || parent.type !== 'tag' || parent.name === 'html') continue;
    // An accordion or FAQ of alike panels is not the article in parts.
    if (namedAsideFromText(parent)) continue;
    let byKind = groups.get(parent);
    if (!byKind) groups.set(parent, (byKind = new Map()));
    const key = signature(el);
    const g = byKind.get(key) ?? { sum: 0, parts: 0 };
    g.sum += score;
    g.parts++;
    byKind.set(key, g);
  }
  let best: SplitBody | null = null;
  for (const [parent, byKind] of groups) {
    for (const g of byKind.values()) {
      if (g.parts < 2) continue;
      // A listing's cards are alike siblings too: the parent's listing factor applies to the sum.
      const score = g.sum * listingFactor(stats.get(parent));
      if (score > bestScore && (!best || score > best.score) && !related(parent, bestBox)) best = { parent, score, parts: g.parts };
    }
  }
  return best;
}

function related(a: Element, b: Element): boolean {
  for (let n: Element | null = b; n; n = n.parent as Element | null) if (n === a) return true;
  for (let n: Element | null = a; n; n = n.parent as Element | null) if (n === b) return true;
  return false;
}

/** Whether the box or its parent is named as something other than the text (accordion, FAQ, related…). */
function namedAsideFromText(box: Element): boolean {
  for (let n: Element | null = box, level = 0; n && n.type === 'tag' && level < 2; n = n.parent as Element | null, level++) {
    const names = nameSignals(n);
    if (names.strong || names.negative) return true;
  }
  return false;
}
