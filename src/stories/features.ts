/**
 * The term counts of an article in each view the story model compares: title words, lead words,
 * body words (all stemmed, without stop words, through the search tokenizer, so Arabic spelling
 * variants and clitics meet as they do in search), names, numbers and years. Pure; no weights yet —
 * weights need document frequencies, which belong to the stream (see document-frequency.ts).
 */
import { tokenize } from '../search/tokenize.js';
import { isStopWord } from '../search/stop-words.js';
import { fingerprintWords, FINGERPRINT_WORDS } from './fingerprint.js';
import { addNames, addNumbers } from './names.js';
import type { Fingerprint } from './near-copy.js';
import type { StoryArticle } from './types.js';

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
const MAX_BODY_WORDS = 1500;
const DIGITS_ONLY = /^\d+$/;

function addStems(text: string, out: TermCounts, limit: number, words: string[], lead?: { out: TermCounts; words: number }): void {
  let kept = 0;
  for (const token of tokenize(text)) {
    if (words.length < FINGERPRINT_WORDS) words.push(token.norm);
    if (isStopWord(token.norm) || DIGITS_ONLY.test(token.norm) || token.stem.length < 2) continue;
    out.set(token.stem, (out.get(token.stem) ?? 0) + 1);
    if (lead !== undefined && kept < lead.words) lead.out.set(token.stem, (lead.out.get(token.stem) ?? 0) + 1);
    if (++kept >= limit) break;
  }
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
  const words: string[] = [];
  const titleWords: string[] = [];
  addStems(title, counts.title, MAX_BODY_WORDS, titleWords);
  // The body view holds the title too: a record whose text is only its headline (a brief, a
  // wire flash) must still be comparable with full reports.
  addStems(title, counts.body, MAX_BODY_WORDS, []);
  addStems(lead, counts.body, MAX_BODY_WORDS, words, { out: counts.lead, words: LEAD_WORDS });
  const named = `${title}\n${lead.slice(0, 20_000)}`;
  addNames(named, counts.names);
  addNumbers(named, counts.numbers, counts.years);
  // Outlets put their own headline on a wire copy: the fingerprint is the body's, or the title's
  // when there is no body.
  return { counts, print: fingerprintWords(words.length > 0 ? words : titleWords) };
}
