/**
 * A story's centroid in one view: the sum of its articles' unit vectors, with the squared norm
 * kept up to date as articles join, so the cosine with a new article costs one sparse dot
 * product and no pass over the centroid.
 */
import { dot, type SparseVector } from './sparse-vector.js';

/*
 * A story that runs for weeks gathers thousands of terms; past PRUNE_AT the lightest are dropped
 * down to KEEP_TERMS (recomputing the norm), so a long story's memory stays bounded. The gap
 * between the two makes the sort that pruning needs rare.
 */
const KEEP_TERMS = 300;
const PRUNE_AT = 600;

export class Centroid {
  readonly terms = new Map<string, number>();
  private sqNorm = 0;

  /** Adds a unit vector. */
  add(vector: SparseVector): void {
    // |c + v|² = |c|² + 2 c·v + |v|², with c·v and the update in one pass over v
    let cv = 0;
    let vv = 0;
    for (const [term, w] of vector) {
      const old = this.terms.get(term);
      if (old !== undefined) cv += old * w;
      vv += w * w;
      this.terms.set(term, (old ?? 0) + w);
    }
    this.sqNorm += 2 * cv + vv;
  }

  /** Cosine between a unit vector and this centroid. */
  cosine(vector: SparseVector): number {
    if (this.sqNorm <= 0 || vector.size === 0) return 0;
    return dot(vector, this.terms) / Math.sqrt(this.sqNorm);
  }

  /** Drops the lightest terms beyond the cap. */
  prune(): void {
    if (this.terms.size <= PRUNE_AT) return;
    const entries = [...this.terms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const dropped = entries.slice(KEEP_TERMS).map(([term]) => term);
    for (const term of dropped) this.terms.delete(term);
    let sq = 0;
    for (const w of this.terms.values()) sq += w * w;
    this.sqNorm = sq;
  }
}
