/**
 * When a story closes: after a quiet spell that adapts to how long its coverage has lasted. A
 * one-day story (an accident) is over after a few quiet days; a story covered for three weeks
 * (a war, a trial) can go quiet for a week and come back. Closed stories keep their articles and
 * ids but drop their centroids, so memory is bounded by the open window, not by the corpus.
 */
import type { Story } from './story.js';

const DAY_MS = 86_400_000;
/** The quiet spell that closes a story seen on one day only. */
export const MIN_WINDOW_MS = 3 * DAY_MS;
/** No story stays open longer than this after its last article. */
export const MAX_WINDOW_MS = 45 * DAY_MS;
/** Each day of coverage so far adds this many quiet days to the window. */
const DURATION_FACTOR = 1;

export function closingWindow(story: Story): number {
  if (story.firstSeen === null || story.lastSeen === null) return MAX_WINDOW_MS;
  return Math.min(MAX_WINDOW_MS, MIN_WINDOW_MS + DURATION_FACTOR * (story.lastSeen - story.firstSeen));
}

/** True when the story has been quiet longer than its window at time `now` (ms). */
export function isExpired(story: Story, now: number | null): boolean {
  if (now === null || story.lastSeen === null) return false;
  return now - story.lastSeen > closingWindow(story);
}
