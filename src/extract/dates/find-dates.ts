/**
 * The page's published and modified dates, in passes. First the precise sources
 * (structured data, meta, <time>, labelled date boxes, the URL) vote; dates in plain scripts
 * join when those give no day or only a UTC instant. Only when
 * they give no publication day does the page-wide search over short texts add its one
 * answer. A page whose only date is an update still gets that date as its publication
 * (marked in the trace, low confidence): a researcher filtering by date would rather have
 * the page's one date than none.
 */
import type { DateEvidence } from '../types.js';
import { collectDateCandidates, offsideExcuse, scriptDateCandidates, type CandidateContext, type DateCandidate } from './candidates.js';
import { chooseDates, type ChosenDates } from './choose-dates.js';
import { searchPageTexts } from './page-search.js';

/** Script characters read when only a UTC instant's local statement is sought. */
const LOCAL_LOOKUP_BUDGET = 100_000;

const hasDay = (e: DateEvidence | null): boolean => !!e && e.value.length >= 10;

export function findArticleDates(ctx: CandidateContext): ChosenDates {
  let candidates = collectDateCandidates(ctx);
  let first = chooseDates(candidates, { fetchedAt: ctx.fetchedAt });
  // Scripts are read only when needed: no day yet, or a UTC instant whose local day a script may state.
  // Also when the only day is weak evidence (an image path): a data layer may state the time.
  const noDay = !hasDay(first.published) || first.published!.confidence < 0.4;
  if (noDay || /Z$/.test(first.published!.value)) {
    // Looking for a local statement of a known instant, the page's first scripts (its data layer) suffice.
    const scripted = scriptDateCandidates(ctx, noDay ? undefined : LOCAL_LOOKUP_BUDGET);
    if (scripted.length > 0) {
      candidates = [...candidates, ...scripted];
      first = chooseDates(candidates, { fetchedAt: ctx.fetchedAt });
    }
  }
  if (hasDay(first.published)) return first;
  const referenceYear = ctx.fetchedAt ? Number(ctx.fetchedAt.slice(0, 4)) || undefined : undefined;
  const found = searchPageTexts(ctx.scan.shortTexts, { monthFirst: ctx.monthFirst, referenceYear, anchorOrder: ctx.anchorOrder, excused: offsideExcuse(ctx.anchorElement, ctx.scan.elementCount, ctx.anchorOrder) });
  const extra: DateCandidate[] = found ? [{ kind: found.kind, date: found.date, raw: found.raw.slice(0, 160), source: 'page', confidence: found.confidence, where: found.where }] : [];
  const second = extra.length > 0 ? chooseDates([...candidates, ...extra], { fetchedAt: ctx.fetchedAt }) : first;
  const modified = second.modified;
  if (hasDay(second.published) || !modified || !hasDay(modified)) return second;
  // A published month is kept unless the update day falls inside it.
  if (second.published && !modified.value.startsWith(second.published.value)) return second;
  // Only an update date (or an update day finer than a published month): report it as the publication too.
  const published: DateEvidence = { ...modified, confidence: Math.min(modified.confidence, 0.3) };
  return {
    ...second,
    published,
    trace: [...second.trace, { step: 'date.published', reason: 'no publication date found; the page\'s update date stands in', where: modified.source, text: modified.raw }],
  };
}
