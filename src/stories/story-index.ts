/**
 * An inverted index from terms to the open stories whose centroids hold them: a new article is
 * compared only with the stories that share its most telling words, so the cost of an article
 * grows with how many stories share those words, not with how many stories are open.
 */
import type { View } from './features.js';
import type { SparseVector } from './sparse-vector.js';
import type { Story } from './story.js';

/** The views searched for candidates (lead words are body words). */
export const INDEXED_VIEWS = ['title', 'body', 'names'] as const satisfies readonly View[];
type IndexedView = (typeof INDEXED_VIEWS)[number];

/** How many of an article's heaviest terms per view are looked up. */
const QUERY_TERMS: Record<IndexedView, number> = { title: 20, body: 25, names: 15 };
/*
 * A term held by this many open stories is too common to find anything (a stop word the list
 * missed, a month's dominant topic word): it is skipped, which bounds the cost per article.
 */
const MAX_POSTINGS = 3000;

export class StoryIndex {
  private readonly postings: Record<IndexedView, Map<string, Set<Story>>> = { title: new Map(), body: new Map(), names: new Map() };

  addTerms(view: View, story: Story, terms: Iterable<string>): void {
    if (!isIndexed(view)) return;
    const map = this.postings[view];
    for (const term of terms) {
      let set = map.get(term);
      if (set === undefined) map.set(term, (set = new Set()));
      set.add(story);
    }
  }

  removeTerms(view: View, story: Story, terms: Iterable<string>): void {
    if (!isIndexed(view)) return;
    const map = this.postings[view];
    for (const term of terms) {
      const set = map.get(term);
      if (set === undefined) continue;
      set.delete(story);
      if (set.size === 0) map.delete(term);
    }
  }

  /** Removes every term of a closed story. */
  removeStory(story: Story): void {
    for (const view of INDEXED_VIEWS) this.removeTerms(view, story, story.centroids[view].terms.keys());
  }

  /**
   * The `limit` open stories that share the most weight with the article's heaviest terms,
   * best first; ties go to the older story, so the result never depends on insertion order.
   */
  candidates(vectors: Record<View, SparseVector>, limit: number): Story[] {
    const overlap = new Map<Story, number>();
    for (const view of INDEXED_VIEWS) {
      const map = this.postings[view];
      for (const [term, weight] of heaviest(vectors[view], QUERY_TERMS[view])) {
        const set = map.get(term);
        if (set === undefined || set.size > MAX_POSTINGS) continue;
        for (const story of set) overlap.set(story, (overlap.get(story) ?? 0) + weight);
      }
    }
    return [...overlap].sort((a, b) => b[1] - a[1] || a[0].seq - b[0].seq).slice(0, limit).map(([story]) => story);
  }
}

function isIndexed(view: View): view is IndexedView {
  return view === 'title' || view === 'body' || view === 'names';
}

function heaviest(vector: SparseVector, n: number): [string, number][] {
  const entries = [...vector];
  if (entries.length <= n) return entries;
  return entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, n);
}
