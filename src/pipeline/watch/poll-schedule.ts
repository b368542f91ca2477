/**
 * How often watch re-reads a source's feeds and sitemaps. The rule, in the source's own terms:
 * - start from the gap between two of its articles (the median of the gaps between the newest
 *   dated items its feeds and news sitemaps list): a wire that publishes every 3 minutes is
 *   read every few minutes, a weekly blog rarely;
 * - after a poll that found new articles, halve the interval (a busy moment: look sooner);
 *   after an empty one, double it (quiet: look less often), but never past twice the
 *   publishing gap, so one quiet hour does not send a busy wire to the daily end;
 * - always within [min-poll, max-poll].
 * Pure functions: the state lives in the store (PollState), so a restart keeps the rhythm.
 */

export interface PollLimits {
  minPollMs: number;
  maxPollMs: number;
}

/** Dated items looked at for the publishing gap: the newest ones say how busy the source is now. */
const GAP_SAMPLE = 20;

/** The median gap (ms) between consecutive distinct dates among the newest ones, or null with fewer than two. */
export function publishingGap(dates: readonly number[]): number | null {
  const newest = [...new Set(dates.filter(Number.isFinite))].sort((a, b) => b - a).slice(0, GAP_SAMPLE);
  if (newest.length < 2) return null;
  const gaps = newest.slice(1).map((date, i) => newest[i]! - date).sort((a, b) => a - b);
  const middle = Math.floor(gaps.length / 2);
  return gaps.length % 2 === 1 ? gaps[middle]! : (gaps[middle - 1]! + gaps[middle]!) / 2;
}

export function nextPollInterval(options: { previousMs: number | null; found: boolean; gapMs: number | null; limits: PollLimits }): number {
  const { limits, gapMs } = options;
  const base = options.previousMs ?? gapMs ?? limits.minPollMs;
  let next = options.found ? base / 2 : base * 2;
  if (gapMs !== null) next = Math.min(next, gapMs * 2);
  return Math.round(Math.min(limits.maxPollMs, Math.max(limits.minPollMs, next)));
}
