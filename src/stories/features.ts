/**
 * The term counts of an article in each view the story model compares: title words, lead words,
 * body words (all stemmed, without stop words, through the search tokenizer, so Arabic spelling
 * variants and clitics meet as they do in search), names, numbers and years. Pure; no weights yet —
 * weights need document frequencies, which belong to the stream (see document-frequency.ts).
 */
import { fingerprintHashes, FINGERPRINT_WORDS } from './fingerprint.js';
import { addNames, addNumbers } from './names.js';
import type { Fingerprint } from './near-copy.js';
import type { StoryArticle } from './types.js';
import { eachWordForm } from './words.js';

export const VIEWS = ['title', 'lead', 'body', 'names', 'numbers', 'years'] as const;
export type View = (typeof VIEWS)[number];
export type TermCounts = Map<string, number>;

export interface ArticleFeatures {
  counts: Record<View, TermCounts>;
  /** SimHash of the title and body's words, for near-copies; null for an empty text. */
  print: Fingerprint | null;
}

/** Words of the lead: the first paragraph or two, where a news article states its event. */
const LEAD_WORDS = 60;
/*
 * Very long texts (a page with a feed of other stories under the article) add words that are not
 * the story's and cost time; the first words carry the event.
 */
const MAX_BODY_WORDS = 600;

interface Sink {
  counts: TermCounts;
  /** Word hashes for the fingerprint, stop words included. */
  hashes?: number[];
  lead?: TermCounts;
}

function addWords(text: string, sink: Sink): void {
  const { counts, hashes, lead } = sink;
  let kept = 0;
  eachWordForm(text, MAX_BODY_WORDS, (form) => {
    if (hashes !== undefined && hashes.length < FINGERPRINT_WORDS) for (const h of form.hashes) hashes.push(h);
    for (const stem of form.stems) {
      counts.set(stem, (counts.get(stem) ?? 0) + 1);
      if (lead !== undefined && kept < LEAD_WORDS) lead.set(stem, (lead.get(stem) ?? 0) + 1);
      kept++;
    }
  });
}

/** The body without its first line when that line repeats the title (as in many exports). */
function bodyWithoutTitle(title: string, text: string): string {
  if (title.length === 0) return text;
  const trimmed = text.trimStart();
  return trimmed.startsWith(title) ? trimmed.slice(title.length) : text;
}

export function articleFeatures(article: StoryArticle): ArticleFeatures {
  const title = (article.title ?? '').trim();
  const description = (article.description ?? '').trim();
  const body = bodyWithoutTitle(title, article.text ?? '');
  const lead = description.length > 0 ? `${description}\n${body}` : body;
  const counts: Record<View, TermCounts> = { title: new Map(), lead: new Map(), body: new Map(), names: new Map(), numbers: new Map(), years: new Map() };
  const bodyHashes: number[] = [];
  const titleHashes: number[] = [];
  addWords(title, { counts: counts.title, hashes: titleHashes });
  // The body view holds the title too: a record whose text is only its headline (a brief, a
  // wire flash) must still be comparable with full reports.
  addWords(title, { counts: counts.body });
  addWords(lead, { counts: counts.body, hashes: bodyHashes, lead: counts.lead });
  const named = `${title}\n${lead.slice(0, 6000)}`;
  addNames(named, counts.names);
  addNumbers(named, counts.numbers, counts.years);
  // Outlets put their own headline on a wire copy: the fingerprint is the body's, or the title's
  // when there is no body.
  return { counts, print: fingerprintHashes(bodyHashes.length > 0 ? bodyHashes : titleHashes) };
}
