/**
 * Block-level cleaning after collection: boilerplate sentences, link lists, the headline,
 * bylines and datelines at the edges, and repeats. Each removal is traced.
 */
import type { TraceEntry } from '../types.js';
import type { RawBlock } from './blocks.js';
import { BOILERPLATE_TEXT } from './patterns.js';

/** Short lines that name the author or the time, typical just above or below the body. */
const BYLINE = /^(by|written by|reporting by|posted by|من|بقلم|كتب|كتبت|تحرير|إعداد|اعداد)\s+\S/i;
const DATELINE = /^((updated|published|posted|last updated|تم التحديث|آخر تحديث|نشر في|تاريخ النشر)\b.{0,60}|\d{1,2}[:.]\d{2}(\s*(am|pm|ص|م))?.{0,40}|[\p{L}]+ \d{1,2},? \d{4}.{0,30})$/iu;

const MIN_REPEAT_CHARS = 40;

export function normalizeForCompare(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export interface FilterOptions {
  title: string | null;
  trace: TraceEntry[];
}

export function filterBlocks(blocks: RawBlock[], options: FilterOptions): RawBlock[] {
  const title = options.title ? normalizeForCompare(options.title) : '';
  const seen = new Set<string>();
  const kept: RawBlock[] = [];
  for (const block of blocks) {
    const key = normalizeForCompare(block.text);
    const drop = dropReason(block, key, title, seen);
    if (drop) {
      options.trace.push({ step: 'clean.block', reason: drop, where: block.type, text: block.text.slice(0, 80) });
      continue;
    }
    seen.add(key);
    kept.push(block);
  }
  return trimEdges(kept, options.trace);
}

function dropReason(block: RawBlock, key: string, title: string, seen: Set<string>): string | null {
  if (!key) return 'no words';
  // Short labels ("Serves 4", "Eat every 2–3 hours") legitimately recur in lists and tables;
  // only sentences and headings long enough to be content are repeats worth dropping.
  if (key.length >= MIN_REPEAT_CHARS && seen.has(key)) return 'repeat';
  if (title && key === title) return 'headline';
  const length = block.text.length;
  if (length < 160 && BOILERPLATE_TEXT.test(block.text)) return 'boilerplate text';
  if (block.linkLength > length * 0.8 && length < 200 && block.type !== 'heading') return 'link';
  return null;
}

/** Bylines, datelines and headline repeats are dropped only at the edges of the body. */
function trimEdges(blocks: RawBlock[], trace: TraceEntry[]): RawBlock[] {
  const isEdgeJunk = (b: RawBlock): boolean => b.text.length < 100 && (BYLINE.test(b.text) || DATELINE.test(b.text));
  let start = 0;
  while (start < blocks.length && start < 3 && isEdgeJunk(blocks[start]!)) {
    trace.push({ step: 'clean.edge', reason: 'byline or dateline', text: blocks[start]!.text });
    start++;
  }
  let end = blocks.length;
  while (end > start && blocks.length - end < 3 && isEdgeJunk(blocks[end - 1]!)) {
    trace.push({ step: 'clean.edge', reason: 'byline or dateline', text: blocks[end - 1]!.text });
    end--;
  }
  return blocks.slice(start, end);
}
