/**
 * Block-level cleaning after collection: boilerplate sentences, link lists, the headline,
 * bylines, datelines and credits near the edges, trailing "related"/"comments" sections,
 * and repeats. Each removal is traced with its reason.
 */
import type { Favor, TraceEntry } from '../types.js';
import type { RawBlock } from './blocks.js';
import { BOILERPLATE_TEXT } from './patterns.js';
import { isByline, isCredit, isDateLine, isSectionEnd } from './line-kinds.js';

const MIN_REPEAT_CHARS = 40;
/** The largest share of the text a trailing-section cut may remove. */
const TAIL_SHARE = 0.4;
/** How many blocks at each end are searched for bylines, datelines and credits. */
const EDGE_BLOCKS = 4;

export function normalizeForCompare(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export interface FilterOptions {
  title: string | null;
  trace: TraceEntry[];
  /** Borderline blocks (a lone link line inside the text): dropped, kept, or kept between prose. */
  favor?: Favor;
}

export function filterBlocks(blocks: RawBlock[], options: FilterOptions): RawBlock[] {
  const titleWords = options.title ? wordSet(options.title) : null;
  const seen = new Set<string>();
  const kept: RawBlock[] = [];
  // Section labels ("2 comments", "Related stories") are looked for before single blocks are
  // dropped, since the labels themselves are also boilerplate text.
  const sections = cutTrailingSections(blocks, options.trace);
  for (let i = 0; i < sections.length; i++) {
    const block = sections[i]!;
    const key = normalizeForCompare(block.text);
    const drop = dropReason(block, key, seen);
    if (drop === 'link' && keepsLoneLink(sections, i, options.favor ?? 'balanced')) {
      seen.add(key);
      kept.push(block);
      continue;
    }
    if (drop) {
      options.trace.push({ step: 'clean.block', reason: drop, where: block.type, text: block.text.slice(0, 80) });
      continue;
    }
    seen.add(key);
    kept.push(block);
  }
  return trimEdges(dropHeadline(kept, titleWords, options.trace), options.trace);
}

function dropReason(block: RawBlock, key: string, seen: Set<string>): string | null {
  if (!key) return 'no words';
  // Short labels ("Serves 4", "Eat every 2–3 hours") legitimately recur in lists and tables;
  // only sentences and headings long enough to be content are repeats worth dropping.
  if (key.length >= MIN_REPEAT_CHARS && seen.has(key)) return 'repeat';
  const length = block.text.length;
  if (length < 160 && BOILERPLATE_TEXT.test(block.text)) return 'boilerplate text';
  if (block.linkLength > length * 0.8 && length < 200 && block.type !== 'heading') return 'link';
  return null;
}

function isLinkLine(block: RawBlock | undefined): boolean {
  return !!block && block.linkLength > block.text.length * 0.8 && block.type !== 'heading';
}

function isProse(block: RawBlock | undefined): boolean {
  return !!block && block.text.length >= 80 && block.linkLength < block.text.length * 0.3;
}

/**
 * A link line alone inside the text (a petition's address, "the event's page", a source) may
 * be part of what the author wrote; link lines in runs are lists of other pages, and lone ones
 * are often "read also" teasers. 'balanced' keeps a lone written-out address next to prose,
 * 'recall' any lone link line, 'precision' none.
 */
function keepsLoneLink(blocks: RawBlock[], i: number, favor: Favor): boolean {
  if (favor === 'precision') return false;
  const before = blocks[i - 1];
  const after = blocks[i + 1];
  if (isLinkLine(before) || isLinkLine(after)) return false;
  if (favor === 'recall') return true;
  return ADDRESS.test(blocks[i]!.text) && (isProse(before) || isProse(after));
}

/** A web or mail address written out: the author gives it to the reader, it names no other story. */
const ADDRESS = /^(\S+:\s*)?((https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+)$/iu;

function wordSet(text: string): Set<string> {
  return new Set(normalizeForCompare(text).split(' ').filter(Boolean));
}

/**
 * The headline, when the container repeats it: a heading among the first blocks whose words
 * are nearly all title words (titles carry site suffixes, so containment is checked one way).
 */
function dropHeadline(blocks: RawBlock[], titleWords: Set<string> | null, trace: TraceEntry[]): RawBlock[] {
  // A sentence-long heading before any paragraph is a headline or its deck in another wording
  // (sites rewrite titles for search engines); section headings are short ("Background").
  const first = blocks[0];
  if (first && first.type === 'heading' && first.text.length >= 40 && first.text.split(/\s+/).length >= 6 && blocks.length > 2) {
    trace.push({ step: 'clean.headline', reason: 'sentence-long heading opens the body', text: first.text.slice(0, 80) });
    blocks = blocks.slice(1);
  }
  if (!titleWords || titleWords.size === 0) return blocks;
  return blocks.filter((block, index) => {
    if (index >= EDGE_BLOCKS || block.text.length > 300) return true;
    const words = wordSet(block.text);
    if (words.size === 0) return true;
    let shared = 0;
    for (const w of words) if (titleWords.has(w)) shared++;
    const headline = shared / words.size >= 0.8 && shared / titleWords.size >= 0.5 && (block.type === 'heading' || shared / titleWords.size >= 0.9);
    if (headline) trace.push({ step: 'clean.headline', reason: 'repeats the title', text: block.text.slice(0, 80) });
    return !headline;
  });
}

/**
 * A "related stories" / "comments" label in the last third of the body starts a section that
 * is not the article: it and everything after it go, provided that removes under TAIL_SHARE of the text.
 */
function cutTrailingSections(blocks: RawBlock[], trace: TraceEntry[]): RawBlock[] {
  const total = blocks.reduce((n, b) => n + b.text.length, 0);
  let tail = 0;
  let cutAt = -1;
  for (let i = blocks.length - 1; i > 0; i--) {
    tail += blocks[i]!.text.length;
    if (tail > total * TAIL_SHARE) break;
    if (isSectionEnd(blocks[i]!.text) && !prosefollows(blocks, i)) cutAt = i;
  }
  if (cutAt < 0) return blocks;
  trace.push({ step: 'clean.tail', reason: `section label "${blocks[cutAt]!.text.slice(0, 40)}" ends the article`, text: `${blocks.length - cutAt} blocks` });
  return blocks.slice(0, cutAt);
}

/**
 * Whether real prose follows a section label: a "read also" box in the middle of an article
 * is followed by more article; related lists and comment threads are followed by short
 * titles, links and dates first. Comment labels always end the article.
 */
function prosefollows(blocks: RawBlock[], labelIndex: number): boolean {
  if (/comment|reply|replies|response|تعليق|коммент|отзыв/iu.test(blocks[labelIndex]!.text)) return false;
  for (let i = labelIndex + 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'paragraph' && b.text.length >= 150 && b.linkLength < b.text.length * 0.2) return true;
  }
  return false;
}

/** Bylines, date lines and credits: dropped among the first and last few blocks. */
function trimEdges(blocks: RawBlock[], trace: TraceEntry[]): RawBlock[] {
  return blocks.filter((block, index) => {
    const nearStart = index < EDGE_BLOCKS;
    const nearEnd = index >= blocks.length - EDGE_BLOCKS;
    if (!nearStart && !nearEnd) return true;
    const text = block.text;
    const reason = isDateLine(text) ? 'date line' : isByline(text) ? 'byline' : nearEnd && isCredit(text) ? 'credit' : nearStart && isCredit(text) && text.length < 150 ? 'credit' : null;
    if (reason) trace.push({ step: 'clean.edge', reason, text: text.slice(0, 80) });
    return reason === null;
  });
}
