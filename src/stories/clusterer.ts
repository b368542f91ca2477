/**
 * Story assignment, one article at a time: an article joins the open story the model finds most
 * likely, when likely enough, or opens a new one. Everything it keeps is in this object, updated
 * in article order, so the same articles in the same order give the same stories whether they
 * come one by one or as a list (assignStories is this loop).
 */
import { isExpired } from './closing.js';
import { DocumentFrequency } from './document-frequency.js';
import { articleFeatures, VIEWS, type View } from './features.js';
import { checkModel, DEFAULT_MODEL, joinProbability, type StoryModel } from './model.js';
import { bodyCosine, margins, pairFeatures, type ArticleVectors, type PairScore } from './pair-features.js';
import { weightedVector, type SparseVector } from './sparse-vector.js';
import { newStory, MAX_FINGERPRINTS, type Story } from './story.js';
import { StoryIndex, type KeyTerms } from './story-index.js';
import { publishedTime } from './time.js';
import type { StoryArticle, StoryAssignment } from './types.js';

/*
 * Terms kept per article vector, per view (the heaviest; see sparse-vector.ts). These bound an
 * open story's memory (its centroids are sums of these vectors): measured on the synthetic
 * stream, 120 body terms made ~650 centroid terms per open story, 130 MB for 2,500 open stories.
 */
const VECTOR_TERMS: Record<View, number> = { title: 20, lead: 40, body: 100, names: 30, numbers: 12, years: 6 };
/** The views whose document frequencies are counted (title and lead use the body's). */
const COUNTED_VIEWS: readonly View[] = ['body', 'names', 'numbers', 'years'];
/** Candidate stories scored by the model per article. */
const CANDIDATES = 6;
/*
 * A candidate whose body shares less than this with the article is not scored: its probability
 * stays far below the join threshold whatever its other views say (measured on the development
 * set: at most 0.29, against a threshold of 0.54, over 2,114 such candidates),
 * and scoring it costs five more cosines. Its body similarity still counts in the others' margins.
 */
const MIN_BODY_COSINE = 0.05;
/** Expired stories are swept out every this many articles (they are never joined meanwhile). */
const SWEEP_EVERY = 256;
/*
 * A stream without dates never lets a story expire; past this many open stories the least
 * recently joined are closed, so memory stays bounded there too.
 */
const MAX_OPEN = 50_000;

export interface Candidate extends PairScore {
  probability: number;
}

/** Chooses the story an article joins: an open story's id, or null for a new story. */
export type StoryChooser = (candidates: Candidate[], article: StoryArticle) => string | null;

export class StoryClusterer {
  private readonly model: StoryModel;
  /*
   * Title and lead words are body words (the body view holds the title): they share the body's
   * document frequencies, which have more evidence and cost nothing more to keep.
   */
  private readonly df: Record<View, DocumentFrequency> = (() => {
    const words = new DocumentFrequency();
    return { title: words, lead: words, body: words, names: new DocumentFrequency(), numbers: new DocumentFrequency(), years: new DocumentFrequency() };
  })();
  private readonly open = new Map<string, Story>();
  private readonly index = new StoryIndex();
  private clock: number | null = null;
  private articles = 0;
  private stories = 0;

  constructor(model: StoryModel = DEFAULT_MODEL) {
    this.model = checkModel(model);
  }

  /** Stories opened so far. */
  get storyCount(): number {
    return this.stories;
  }

  /** Open stories now (for memory figures and tests). */
  get openStories(): number {
    return this.open.size;
  }

  /** Assigns one article (in time order) to a story. */
  add(article: StoryArticle): StoryAssignment {
    return this.addWith(article, (candidates) => this.bestJoin(candidates));
  }

  /**
   * Assigns one article with a given chooser: the model's (add), or in training the gold
   * story's, so that the features the model learns from are computed exactly as at run time.
   */
  addWith(article: StoryArticle, choose: StoryChooser): StoryAssignment {
    const vectors = this.vectorize(article);
    this.tick(vectors.time);
    const keys = this.index.keyTerms(vectors.vectors);
    const candidates = this.candidatesFor(vectors, keys);
    const chosen = choose(candidates, article);
    const story = chosen === null ? undefined : this.open.get(chosen);
    if (story === undefined) {
      const created = newStory(article.id, this.stories++, this.articles);
      this.open.set(created.id, created);
      this.join(created, article.id, vectors, keys);
      return { id: article.id, story: created.id, confidence: 0 };
    }
    const picked = candidates.find((c) => c.story === story);
    this.join(story, article.id, vectors, keys);
    const assignment: StoryAssignment = { id: article.id, story: story.id, confidence: picked?.probability ?? 0 };
    if (picked?.copyOf) assignment.copyOf = picked.copyOf;
    return assignment;
  }

  /*
   * A near-copy of an article of an open story joins that story whatever the model says: a wire
   * copy under another headline is the same report (the development set has no copies, so the
   * model never learned what one means). Otherwise the most probable story, if probable enough.
   */
  private bestJoin(candidates: Candidate[]): string | null {
    let best: Candidate | null = null;
    let bestCopy: Candidate | null = null;
    for (const c of candidates) {
      if (best === null || c.probability > best.probability) best = c;
      if (c.copyOf !== null && (bestCopy === null || c.probability > bestCopy.probability)) bestCopy = c;
    }
    if (bestCopy !== null) return bestCopy.story.id;
    return best !== null && best.probability >= this.model.threshold ? best.story.id : null;
  }

  /** Updates the streaming document frequencies with the article, then weighs its terms. */
  private vectorize(article: StoryArticle): ArticleVectors {
    const features = articleFeatures(article);
    const vectors = {} as Record<View, SparseVector>;
    for (const view of COUNTED_VIEWS) this.df[view].add(features.counts[view].keys());
    for (const view of VIEWS) vectors[view] = weightedVector(features.counts[view], this.df[view], VECTOR_TERMS[view]);
    return { vectors, print: features.print, time: publishedTime(article.published) };
  }

  private candidatesFor(vectors: ArticleVectors, keys: KeyTerms): Candidate[] {
    const stories = this.index.candidates(keys, CANDIDATES).filter((s) => !isExpired(s, this.clock));
    const bodies = stories.map((story) => bodyCosine(vectors, story));
    const margin = margins(bodies);
    const out: Candidate[] = [];
    stories.forEach((story, i) => {
      if (bodies[i]! < MIN_BODY_COSINE) return;
      const pair = pairFeatures(vectors, story, bodies[i]!, margin[i]!);
      out.push({ ...pair, probability: joinProbability(this.model, pair.features) });
    });
    return out;
  }

  private join(story: Story, articleId: string, vectors: ArticleVectors, keys: KeyTerms): void {
    story.size++;
    story.lastTouched = this.articles;
    if (vectors.time !== null) {
      story.firstSeen = story.firstSeen === null ? vectors.time : Math.min(story.firstSeen, vectors.time);
      story.lastSeen = story.lastSeen === null ? vectors.time : Math.max(story.lastSeen, vectors.time);
    }
    if (vectors.print !== null && story.fingerprints.length < MAX_FINGERPRINTS) story.fingerprints.push({ id: articleId, print: vectors.print });
    for (const view of VIEWS) {
      const centroid = story.centroids[view];
      centroid.add(vectors.vectors[view]);
      centroid.prune();
    }
    this.index.add(story, keys);
  }

  /** Advances the clock and, now and then, closes stories whose window has passed. */
  private tick(time: number | null): void {
    this.articles++;
    if (time !== null && (this.clock === null || time > this.clock)) this.clock = time;
    if (this.articles % SWEEP_EVERY !== 0) return;
    for (const story of this.open.values()) if (isExpired(story, this.clock)) this.close(story);
    if (this.open.size > MAX_OPEN) {
      const byAge = [...this.open.values()].sort((a, b) => a.lastTouched - b.lastTouched || a.seq - b.seq);
      for (const story of byAge.slice(0, this.open.size - Math.floor(MAX_OPEN * 0.9))) this.close(story);
    }
  }

  private close(story: Story): void {
    this.index.remove(story);
    this.open.delete(story.id);
  }
}

/** Assigns a list of articles, in the given (time) order: the same as adding them one by one. */
export function assignStories(articles: Iterable<StoryArticle>, model: StoryModel = DEFAULT_MODEL): StoryAssignment[] {
  const clusterer = new StoryClusterer(model);
  const out: StoryAssignment[] = [];
  for (const article of articles) out.push(clusterer.add(article));
  return out;
}
