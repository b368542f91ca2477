/** Score adjustments shared by the container scorer and the split-body rule. */
import type { ElementStats } from './stats.js';

/**
 * A box of several teaser cards (a linked title over a few lines of unlinked text) is a
 * listing of other pages: its teasers read like prose and add up, so without this a
 * listing outscores a short article next to it.
 */
export function listingFactor(s: ElementStats | undefined): number {
  if (!s || s.cards < 3 || s.cardTextLength < s.textLength * 0.5) return 1;
  return 0.3;
}
