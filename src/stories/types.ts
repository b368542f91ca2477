/** The shapes that flow through story assignment: what an article brings, and what it gets back. */

/** The fields of an article that story assignment reads (the export's JSONL record has them all). */
export interface StoryArticle {
  id: string;
  title?: string | null;
  /** The body text; a lead/description may be given separately. */
  text?: string | null;
  description?: string | null;
  language?: string | null;
  /** ISO 8601 publication time; null or absent when unknown (then the stream's clock is used). */
  published?: string | null;
  /** The outlet (a domain or name), for timelines; not used to decide stories. */
  site?: string | null;
}

/** One article's story. */
export interface StoryAssignment {
  id: string;
  /** The story's id: the id of the story's first article, so it never changes once given. */
  story: string;
  /** The earlier article in the same story this one is a near-copy of (SimHash), if any. */
  copyOf?: string;
  /** The model's probability that the article belongs to the story it joined (0 for a new story). */
  confidence: number;
}
