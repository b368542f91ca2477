/** The body of an article: find the container, collect its blocks, clean them. */
import type { Document, Element } from 'domhandler';
import type { TraceEntry } from '../types.js';
import { elementsByTag, normalizedText } from '../dom/query.js';
import { pruneInvisible } from './prune.js';
import { computeStats, linkDensity } from './stats.js';
import { pickTopCandidate, scoreCandidates } from './candidates.js';
import { collectBlocks, type RawBlock } from './blocks.js';
import { filterBlocks } from './filter-blocks.js';

export interface BodyResult {
  blocks: RawBlock[];
  method: string;
  confidence: number;
  trace: TraceEntry[];
  emptyReason?: string;
}

export interface BodyOptions {
  url?: string;
  title: string | null;
}

/**
 * Siblings of the top container that continue the body (Readability's rule): a sibling
 * scoring at least a fifth of the top, or a long low-link paragraph, is kept in order.
 */
function withSiblings(top: Element, score: number, scored: Map<Element, number>, stats: ReturnType<typeof computeStats>): Element[] {
  const parent = top.parent as Element | null;
  if (!parent || !('children' in parent)) return [top];
  const threshold = Math.max(10, score * 0.2);
  const roots: Element[] = [];
  for (const sibling of parent.children) {
    if (sibling.type !== 'tag') continue;
    const el = sibling as Element;
    if (el === top) {
      roots.push(el);
      continue;
    }
    const s = stats.get(el);
    if (!s) continue;
    const siblingScore = scored.get(el) ?? 0;
    if (siblingScore >= threshold) {
      roots.push(el);
    } else if (el.name === 'p') {
      const density = linkDensity(s);
      if ((s.textLength > 80 && density < 0.25) || (s.textLength > 0 && s.textLength <= 80 && density === 0 && /[.!?؟。](\s|$)/.test(normalizedText(el)))) roots.push(el);
    }
  }
  return roots;
}

export function extractBody(doc: Document, options: BodyOptions): BodyResult {
  const trace: TraceEntry[] = [];
  pruneInvisible(doc, trace);
  const body = elementsByTag(doc, 'body')[0];
  const root = body ?? doc;
  const stats = computeStats(root as Document);
  const scored = scoreCandidates(root, stats);
  const top = pickTopCandidate(scored, stats);
  if (!top) {
    return { blocks: [], method: 'none', confidence: 0, trace, emptyReason: 'no paragraph of text found' };
  }
  const roots = withSiblings(top.element, top.score, scored, stats);
  trace.push({ step: 'body.candidate', reason: `score ${top.score.toFixed(1)}, ${roots.length} box(es)`, where: describe(top.element) });
  const containerLength = roots.reduce((n, el) => n + (stats.get(el)?.textLength ?? 0), 0);
  const raw = collectBlocks(roots, { stats, containerLength, trace, baseUrl: options.url });
  const blocks = filterBlocks(raw, { title: options.title, trace });
  const confidence = Math.max(0, Math.min(1, top.score / 60));
  return { blocks, method: 'dom-score', confidence, trace, emptyReason: blocks.length === 0 ? 'container held no text blocks' : undefined };
}

function describe(el: Element): string {
  const id = el.attribs.id ? `#${el.attribs.id}` : '';
  const cls = el.attribs.class ? `.${el.attribs.class.trim().split(/\s+/).join('.')}` : '';
  return `${el.name}${id}${cls}`;
}
