/**
 * What the model sees of one (article, candidate story) pair: general similarities, never words.
 * The same few numbers mean the same thing in every language and on every topic, which is what
 * lets a model trained on English event pairs decide on an Arabic stream.
 */
import type { View } from './features.js';
import { bitsApart, COPY_MAX_BITS, type Fingerprint } from './near-copy.js';
import type { SparseVector } from './sparse-vector.js';
import type { Story } from './story.js';

export const PAIR_FEATURES = ['title', 'lead', 'body', 'names', 'numbers', 'years', 'margin', 'copy', 'logSize', 'gapDays', 'ageDays'] as const;
export type PairFeature = (typeof PAIR_FEATURES)[number];

export interface ArticleVectors {
  vectors: Record<View, SparseVector>;
  print: Fingerprint | null;
  /** Publication time in ms, or null when the article has none. */
  time: number | null;
}

const DAY_MS = 86_400_000;

export interface PairScore {
  story: Story;
  /** Feature values in PAIR_FEATURES order. */
  features: number[];
  /** The earlier article this one nearly copies, if any. */
  copyOf: string | null;
}

function nearCopy(print: Fingerprint | null, story: Story): string | null {
  if (print === null) return null;
  for (const member of story.fingerprints) if (bitsApart(print, member.print) <= COPY_MAX_BITS) return member.id;
  return null;
}

/*
 * A view that one side lacks (no names in a script without capitals, no numbers in a short
 * report, no title) says nothing either way: its similarity is taken from the body view, so the
 * model neither rewards nor punishes the absence.
 */
function viewCosine(article: ArticleVectors, story: Story, view: View, fallback: number): number {
  const vector = article.vectors[view];
  const centroid = story.centroids[view];
  if (vector.size === 0 || centroid.terms.size === 0) return fallback;
  return centroid.cosine(vector);
}

/** The body view's cosine: computed first for every candidate (see candidatesFor in clusterer.ts). */
export function bodyCosine(article: ArticleVectors, story: Story): number {
  return viewCosine(article, story, 'body', 0);
}

/**
 * The features of one candidate, given its body cosine and its margin: its body cosine minus the
 * best other candidate's (see margins).
 */
export function pairFeatures(article: ArticleVectors, story: Story, body: number, margin: number): PairScore {
  const lead = viewCosine(article, story, 'lead', body);
  const title = viewCosine(article, story, 'title', lead);
  const names = viewCosine(article, story, 'names', body);
  const numbers = viewCosine(article, story, 'numbers', body);
  const years = viewCosine(article, story, 'years', body);
  const copyOf = nearCopy(article.print, story);
  const timed = article.time !== null && story.lastSeen !== null && story.firstSeen !== null;
  const gapDays = timed ? Math.log1p(Math.max(0, article.time! - story.lastSeen!) / DAY_MS) : 0;
  const ageDays = timed ? Math.log1p(Math.max(0, article.time! - story.firstSeen!) / DAY_MS) : 0;
  return {
    story,
    features: [title, lead, body, names, numbers, years, margin, copyOf === null ? 0 : 1, Math.log1p(story.size), gapDays, ageDays],
    copyOf,
  };
}

/**
 * Each candidate's margin: its body similarity minus the best other candidate's. A story that
 * wins clearly is a safer join than one of several near-equal stories of the same kind.
 */
export function margins(bodies: readonly number[]): number[] {
  let best = -Infinity;
  let second = -Infinity;
  for (const s of bodies) {
    if (s > best) [best, second] = [s, best];
    else if (s > second) second = s;
  }
  return bodies.map((s) => {
    const other = s === best ? second : best;
    return other === -Infinity ? s : s - other;
  });
}
