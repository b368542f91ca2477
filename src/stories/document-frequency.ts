/**
 * Document frequencies learned from the stream itself (streaming IDF): no corpus statistics are
 * shipped, so every language and every outlet mix gets its own weights, and a word that floods
 * the news this month weighs less this month.
 */

/*
 * Memory stays bounded on an endless stream: when the table passes MAX_TERMS, the rarest terms
 * (seen in one document, then two, …: typos, one-off names) are forgotten until it is down to
 * KEEP_TERMS. They come back with the highest weight, as a new word would, which is nearly what
 * they had. The gap between the two sizes makes forgetting rare.
 */
const MAX_TERMS = 150_000;
const KEEP_TERMS = 100_000;

export class DocumentFrequency {
  private readonly df = new Map<string, number>();
  private docs = 0;

  /** Counts one document's distinct terms. */
  add(terms: Iterable<string>): void {
    this.docs++;
    for (const term of terms) this.df.set(term, (this.df.get(term) ?? 0) + 1);
    if (this.df.size > MAX_TERMS) this.forgetRareTerms();
  }

  /** Smoothed inverse document frequency: ln((N + 1) / (df + 1)) + 1, never 0. */
  idf(term: string): number {
    return Math.log((this.docs + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
  }

  get size(): number {
    return this.df.size;
  }

  private forgetRareTerms(): void {
    for (let cutoff = 1; this.df.size > KEEP_TERMS; cutoff++) {
      for (const [term, count] of this.df) if (count <= cutoff) this.df.delete(term);
    }
  }
}
