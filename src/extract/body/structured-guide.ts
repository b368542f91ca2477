/**
 * JSON-LD/microdata `articleBody` as evidence for the body. It is often truncated, stale or
 * glued together, so it never becomes the body; it only says which visible container holds
 * the article when the DOM scoring picked a box that covers too little of it.
 */

export type WordBag = Map<string, number>;

const WORD = /[\p{L}\p{N}]+/gu;

export function wordBag(text: string): WordBag {
  const bag: WordBag = new Map();
  for (const w of text.toLowerCase().match(WORD) ?? []) bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

function size(bag: WordBag): number {
  let n = 0;
  for (const c of bag.values()) n += c;
  return n;
}

/** Word-multiset agreement of a candidate text with the structured body. */
export function agreement(candidate: WordBag, reference: WordBag): { precision: number; recall: number; f1: number } {
  let shared = 0;
  for (const [w, c] of candidate) shared += Math.min(c, reference.get(w) ?? 0);
  const cs = size(candidate);
  const rs = size(reference);
  const precision = cs ? shared / cs : 0;
  const recall = rs ? shared / rs : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Structured bodies shorter than this are teasers, not evidence about the whole body. */
export const MIN_STRUCTURED_CHARS = 500;
/** Below this share of the structured body's words, the DOM choice is re-examined. */
export const MIN_STRUCTURED_RECALL = 0.85;
