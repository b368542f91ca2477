/**
 * An inverted index from terms to the open stories they are telling for: a new article is
 * compared only with the stories that share its heaviest words, so the cost of an article grows
 * with how many stories share those words, not with how many stories are open.
 */
import type { View } from './features.js';
import type { SparseVector } from './sparse-vector.js';
import type { Story } from './story.js';

/** The views searched for candidates (lead words are body words). */
export const INDEXED_VIEWS = ['title', 'body', 'names'] as const satisfies readonly View[];
type IndexedView = (typeof INDEXED_VIEWS)[number];

/*
 * Only an article's heaviest terms per view are looked up, and only those are indexed for the
 * story it joins: a story is found through the words that mark it, not through every common
 * word its articles contain (which would make postings as long as the list of open stories and
 * the index as large as all centroids together).
 */
const KEY_TERMS: Record<IndexedView, number> = { title: 12, body: 20, names: 12 };
/** Terms indexed per story at most: a long-running story keeps the marks of its first articles. */
const MAX_INDEXED_PER_STORY = 400;
/*
 * A term held by this many open stories is too common to find anything (a stop word the list
 * missed, a month's dominant topic word): it is skipped, which bounds the cost per article.
 */
const MAX_POSTINGS = 2000;

export type KeyTerms = Record<IndexedView, [string, number][]>;

export class StoryIndex {
  private readonly postings: Record<IndexedView, Map<string, Set<Story>>> = { title: new Map(), body: new Map(), names: new Map() };
  /** The terms each story is indexed under, to remove them when it closes. */
  private readonly indexed = new Map<Story, Record<IndexedView, Set<string>>>();

  /** An article's heaviest terms in each indexed view: what it is looked up and indexed by. */
  keyTerms(vectors: Record<View, SparseVector>): KeyTerms {
    return { title: heaviest(vectors.title, KEY_TERMS.title), body: heaviest(vectors.body, KEY_TERMS.body), names: heaviest(vectors.names, KEY_TERMS.names) };
  }

  /** Indexes a story under the key terms of an article that joined it. */
  add(story: Story, keys: KeyTerms): void {
    let own = this.indexed.get(story);
    if (own === undefined) this.indexed.set(story, (own = { title: new Set(), body: new Set(), names: new Set() }));
    for (const view of INDEXED_VIEWS) {
      const terms = own[view];
      const map = this.postings[view];
      for (const [term] of keys[view]) {
        if (terms.has(term) || terms.size >= MAX_INDEXED_PER_STORY) continue;
        terms.add(term);
        let set = map.get(term);
        if (set === undefined) map.set(term, (set = new Set()));
        set.add(story);
      }
    }
  }

  /** Removes a closed story. */
  remove(story: Story): void {
    const own = this.indexed.get(story);
    if (own === undefined) return;
    for (const view of INDEXED_VIEWS) {
      const map = this.postings[view];
      for (const term of own[view]) {
        const set = map.get(term);
        if (set === undefined) continue;
        set.delete(story);
        if (set.size === 0) map.delete(term);
      }
    }
    this.indexed.delete(story);
  }

  /**
   * The `limit` open stories that share the most weight with the article's key terms, best
   * first; ties go to the older story, so the result never depends on insertion order.
   */
  candidates(keys: KeyTerms, limit: number): Story[] {
    const overlap = new Map<Story, number>();
    for (const view of INDEXED_VIEWS) {
      const map = this.postings[view];
      for (const [term, weight] of keys[view]) {
        const set = map.get(term);
        if (set === undefined || set.size > MAX_POSTINGS) continue;
        for (const story of set) overlap.set(story, (overlap.get(story) ?? 0) + weight);
      }
    }
    const ranked = [...overlap];
    if (ranked.length > limit) ranked.sort((a, b) => b[1] - a[1] || a[0].seq - b[0].seq);
    else ranked.sort((a, b) => a[0].seq - b[0].seq);
    return ranked.slice(0, limit).map(([story]) => story);
  }
}

function heaviest(vector: SparseVector, n: number): [string, number][] {
  const entries = [...vector];
  if (entries.length <= n) return entries;
  return entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, n);
}
