/** The body of an article: find the container, collect its blocks, clean them. */
import type { Document, Element, ParentNode } from 'domhandler';
import type { Favor, TraceEntry } from '../types.js';
import { elementsByTag, normalizedText } from '../dom/query.js';
import { pruneInvisible, type PruneFindings } from './prune.js';
import { restoreNoscripts } from './noscript.js';
import { computeStats, holdsProse, linkDensity, type ElementStats } from './stats.js';
import { nameSignals } from './names.js';
import { pickTopCandidate, scoreCandidates } from './candidates.js';
import { collectBlocks, type RawBlock } from './blocks.js';
import { filterBlocks } from './filter-blocks.js';
import { withLead } from './lead.js';
import { agreement, MIN_STRUCTURED_CHARS, MIN_STRUCTURED_RECALL, wordBag } from './structured-guide.js';

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
  /** The page's structured-data articleBody, if any: evidence, not truth. */
  structuredBody?: string | null;
  /** Borderline boxes: dropped ('precision'), kept ('recall'), or judged as usual. */
  favor?: Favor;
  /** The headline element(s) and the page's description: where and what the lead is (lead.ts). */
  headlines?: Element[];
  description?: string | null;
}

/**
 * Siblings of the top container that continue the body (Readability's rule): a sibling
 * scoring at least a fifth of the top, or a long low-link paragraph, is kept in order.
 */
function withSiblings(top: Element, score: number, scored: Map<Element, number>, stats: ReturnType<typeof computeStats>, favor: Favor | undefined): Element[] {
  const parent = top.parent as Element | null;
  if (!parent || !('children' in parent)) return [top];
  // Borderline siblings: 'precision' asks more of them, 'recall' less.
  const threshold = Math.max(10, score * SIBLING_SHARE[favor ?? 'balanced']);
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
      // Prose next to the body (a lead paragraph in its own box) continues it.
      const density = linkDensity(s);
      if ((s.textLength > 80 && density < 0.25) || (s.textLength > 0 && s.textLength <= 80 && density === 0 && /[.!?؟。](\s|$)/.test(normalizedText(el)))) roots.push(el);
    }
  }
  return roots;
}

const SIBLING_SHARE: Record<Favor, number> = { precision: 0.35, balanced: 0.2, recall: 0.1 };

export function extractBody(doc: Document, options: BodyOptions): BodyResult {
  const trace: TraceEntry[] = [];
  const pruned: PruneFindings = { noscripts: [] };
  pruneInvisible(doc, trace, pruned);
  const body = elementsByTag(doc, 'body')[0];
  const root = body ?? doc;
  let stats = computeStats(root as Document);
  // First pass: comments, related lists and other boilerplate boxes do not vote. If that
  // leaves (almost) nothing, the page named its body oddly: let every box vote.
  let result = extractFrom(root, stats, options, trace, (el) => excludeBoilerplate(el, stats));
  if (result.text < MIN_BODY_CHARS) {
    const retryTrace: TraceEntry[] = [];
    const retry = extractFrom(root, stats, options, retryTrace, null);
    if (retry.text > result.text) {
      trace.push({ step: 'body.retry', reason: 'boilerplate-filtered pass found too little text; scored every box' }, ...retryTrace);
      result = retry;
    }
  }
  // A page whose text shows only without scripts keeps it in <noscript>.
  if (result.text < MIN_BODY_CHARS && restoreNoscripts(pruned, trace)) {
    stats = computeStats(root as Document);
    const againTrace: TraceEntry[] = [];
    const again = extractFrom(root, stats, options, againTrace, null);
    if (again.text > result.text) {
      trace.push(...againTrace);
      result = again;
    }
  }
  // Fill: when the visible page gives (almost) nothing but the structured data carries a body
  // (pages that render their text with scripts), the structured body is all there is.
  const structured = options.structuredBody?.trim() ?? '';
  if (result.text < MIN_BODY_CHARS && structured.length >= MIN_BODY_CHARS && structured.length > result.text * 2) {
    const blocks: RawBlock[] = structured
      .split(/\n\s*\n|\n/)
      .map((text) => text.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .map((text) => ({ type: 'paragraph' as const, text, linkLength: 0, source: null, links: [] }));
    trace.push({ step: 'body.structured-fill', reason: `visible page gave ${result.text} characters; used the structured articleBody` });
    return { blocks, method: 'structured', confidence: 0.5, trace };
  }
  const blocks = withLead(result.body.blocks, { headlines: options.headlines ?? [], title: options.title, description: options.description ?? null, stats, trace, baseUrl: options.url });
  return { ...result.body, blocks };
}

const MIN_BODY_CHARS = 200;
const NEVER_EXCLUDED = new Set(['body', 'html', 'main', 'article']);
const EXCLUDED_TAGS = new Set(['nav', 'aside', 'footer']);

function excludeBoilerplate(el: Element, stats: Map<Element, ElementStats>): boolean {
  if (EXCLUDED_TAGS.has(el.name)) return true;
  if (NEVER_EXCLUDED.has(el.name)) return false;
  const names = nameSignals(el);
  if (names.body) return false;
  return names.strong || (names.weak && !holdsProse(stats.get(el)));
}

function extractFrom(
  root: ParentNode,
  stats: Map<Element, ElementStats>,
  options: BodyOptions,
  trace: TraceEntry[],
  exclude: ((el: Element) => boolean) | null,
): { body: BodyResult; text: number } {
  const scored = scoreCandidates(root, stats, { exclude });
  const top = pickTopCandidate(scored, stats);
  if (!top) {
    return { body: { blocks: [], method: 'none', confidence: 0, trace, emptyReason: 'no paragraph of text found' }, text: 0 };
  }
  const roots = withSiblings(top.element, top.score, scored, stats, options.favor);
  trace.push({ step: 'body.candidate', reason: `score ${top.score.toFixed(1)}, ${roots.length} box(es)`, where: describe(top.element) });
  const blocksOf = (boxes: Element[], into: TraceEntry[]): RawBlock[] => {
    const containerLength = boxes.reduce((n, el) => n + (stats.get(el)?.textLength ?? 0), 0);
    return filterBlocks(collectBlocks(boxes, { stats, containerLength, trace: into, baseUrl: options.url, favor: options.favor }), { title: options.title, trace: into, favor: options.favor });
  };
  let blocks = blocksOf(roots, trace);
  let method = 'dom-score';
  const guided = guideByStructuredBody(blocks, top.element, scored, options.structuredBody, blocksOf);
  if (guided) {
    trace.push({ step: 'body.structured', reason: guided.reason, where: describe(guided.box) });
    blocks = guided.blocks;
    method = 'dom-score+structured';
  }
  const confidence = Math.max(0, Math.min(1, top.score / 60));
  const text = blocks.reduce((n, b) => n + b.text.length, 0);
  return { body: { blocks, method, confidence, trace, emptyReason: blocks.length === 0 ? 'container held no text blocks' : undefined }, text };
}

/**
 * When the structured articleBody is substantial and the chosen box covers too little of it,
 * try the box's ancestors and the other strong candidates, and keep the visible box whose
 * text agrees best with it (word-multiset F1), if clearly better.
 */
function guideByStructuredBody(
  blocks: RawBlock[],
  top: Element,
  scored: Map<Element, number>,
  structuredBody: string | null | undefined,
  blocksOf: (boxes: Element[], into: TraceEntry[]) => RawBlock[],
): { blocks: RawBlock[]; box: Element; reason: string } | null {
  if (!structuredBody || structuredBody.length < MIN_STRUCTURED_CHARS) return null;
  const reference = wordBag(structuredBody);
  const current = agreement(wordBag(blocks.map((b) => b.text).join(' ')), reference);
  if (current.recall >= MIN_STRUCTURED_RECALL) return null;
  const boxes = new Set<Element>();
  let ancestor = top.parent as Element | null;
  for (let level = 0; level < 4 && ancestor && ancestor.type === 'tag' && ancestor.name !== 'html'; level++) {
    boxes.add(ancestor);
    ancestor = ancestor.parent as Element | null;
  }
  for (const [el] of [...scored.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)) if (el !== top) boxes.add(el);
  let best: { blocks: RawBlock[]; box: Element; f1: number } | null = null;
  for (const box of boxes) {
    const candidateBlocks = blocksOf([box], []);
    const f1 = agreement(wordBag(candidateBlocks.map((b) => b.text).join(' ')), reference).f1;
    if (!best || f1 > best.f1) best = { blocks: candidateBlocks, box, f1 };
  }
  if (!best || best.f1 < current.f1 + 0.05) return null;
  return { blocks: best.blocks, box: best.box, reason: `structured articleBody agrees better (F1 ${current.f1.toFixed(2)} -> ${best.f1.toFixed(2)})` };
}

function describe(el: Element): string {
  const id = el.attribs.id ? `#${el.attribs.id}` : '';
  const cls = el.attribs.class ? `.${el.attribs.class.trim().split(/\s+/).join('.')}` : '';
  return `${el.name}${id}${cls}`;
}
