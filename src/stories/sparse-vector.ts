/** Sparse term vectors: a Map from term to weight, unit length unless empty. */
import type { DocumentFrequency } from './document-frequency.js';

export type SparseVector = Map<string, number>;

/*
 * Weights: (1 + ln count) × idf, as in the classic TF-IDF the baseline uses; the log
 * keeps one repeated word from dominating a long text. At most `maxTerms` terms are kept (the
 * heaviest): they carry nearly all of a cosine, and a bounded vector bounds a story's memory.
 */
export function weightedVector(counts: Map<string, number>, df: DocumentFrequency, maxTerms: number): SparseVector {
  let entries: [string, number][] = [];
  for (const [term, count] of counts) entries.push([term, (1 + Math.log(count)) * df.idf(term)]);
  if (entries.length > maxTerms) {
    // ties broken by term so the kept set never depends on Map order
    entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    entries = entries.slice(0, maxTerms);
  }
  let sq = 0;
  for (const [, w] of entries) sq += w * w;
  const norm = Math.sqrt(sq);
  const out: SparseVector = new Map();
  if (norm > 0) for (const [term, w] of entries) out.set(term, w / norm);
  return out;
}

/** Dot product, iterating the smaller vector. */
export function dot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, w] of small) {
    const v = large.get(term);
    if (v !== undefined) sum += w * v;
  }
  return sum;
}
