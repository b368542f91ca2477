/**
 * Picks the published and the modified date from their candidates, kept apart: a modified
 * candidate never becomes the published date. Candidates vote by calendar day: the day
 * with the strongest support wins (its best source, plus a little for each other source
 * agreeing), then the finest-grained candidate of that day is reported. A published date
 * after the fetch time is impossible and dropped; a modified date before the published
 * day is dropped too.
 */
import type { DateEvidence, TraceEntry } from '../types.js';
import type { DateCandidate } from './candidates.js';
import { dateToMillis, formatDate, type ParsedDate } from './parse-date.js';

const RANK = { year: 0, month: 1, day: 2, minute: 3, second: 4 } as const;

/** Do two dates name the same day (at the coarser of their precisions)? */
function sameDay(a: ParsedDate, b: ParsedDate): boolean {
  if (a.year !== b.year) return false;
  if (a.month === undefined || b.month === undefined) return true;
  if (a.month !== b.month) return false;
  if (a.day === undefined || b.day === undefined) return true;
  if (a.day === b.day) return true;
  // One day apart can be the same instant seen in two offsets.
  if (a.hour !== undefined && b.hour !== undefined && a.offsetMinutes !== null && b.offsetMinutes !== null) return Math.abs(dateToMillis(a) - dateToMillis(b)) < 60_000;
  return false;
}

function pick(cands: DateCandidate[]): { best: DateCandidate; confidence: number; support: number } | null {
  if (cands.length === 0) return null;
  let winner: { best: DateCandidate; confidence: number; support: number; score: number } | null = null;
  for (const c of cands) {
    const agreeing = cands.filter((o) => sameDay(o.date, c.date));
    const sources = new Set(agreeing.map((o) => o.source));
    const top = Math.max(...agreeing.map((o) => o.confidence));
    const score = top + 0.06 * (sources.size - 1);
    if (!winner || score > winner.score + 1e-9) {
      // Finest precision among the agreeing candidates; ties go to the more trusted source.
      const best = [...agreeing].sort((x, y) => RANK[y.date.precision] - RANK[x.date.precision] || y.confidence - x.confidence)[0]!;
      winner = { best, confidence: Math.min(0.99, score), support: sources.size, score };
    }
  }
  return winner;
}

function evidence(c: DateCandidate, confidence: number): DateEvidence {
  return { value: formatDate(c.date), raw: c.raw, source: c.source, confidence: Math.round(confidence * 100) / 100 };
}

export interface ChosenDates {
  published: DateEvidence | null;
  modified: DateEvidence | null;
  trace: TraceEntry[];
}

export function chooseDates(candidates: DateCandidate[], options: { fetchedAt?: string }): ChosenDates {
  const trace: TraceEntry[] = [];
  const limit = options.fetchedAt ? Date.parse(options.fetchedAt) + 86_400_000 : Infinity;
  const usable = candidates.filter((c) => {
    if (dateToMillis(c.date) <= limit) return true;
    trace.push({ step: 'date.rejected', reason: `${c.kind} candidate after the fetch time`, where: `${c.source}:${c.where}`, text: c.raw });
    return false;
  });
  const published = pick(usable.filter((c) => c.kind === 'published'));
  let modifiedCands = usable.filter((c) => c.kind === 'modified');
  if (published) {
    const floor = published.best.date;
    modifiedCands = modifiedCands.filter((c) => {
      const before = dateToMillis(c.date) < dateToMillis(floor) && !sameDay(c.date, floor);
      if (before) trace.push({ step: 'date.rejected', reason: 'modified candidate earlier than the published date', where: `${c.source}:${c.where}`, text: c.raw });
      return !before;
    });
  }
  const modified = pick(modifiedCands);
  for (const [kind, chosen] of [['published', published], ['modified', modified]] as const) {
    if (!chosen) continue;
    trace.push({ step: `date.${kind}`, reason: `${chosen.best.source} (${chosen.best.where}), ${chosen.support} source(s) agree, confidence ${chosen.confidence.toFixed(2)}`, where: chosen.best.where, text: chosen.best.raw });
    for (const c of usable) {
      if (c.kind === kind && !sameDay(c.date, chosen.best.date)) trace.push({ step: 'date.disagrees', reason: `${kind} candidate ${formatDate(c.date)} outvoted`, where: `${c.source}:${c.where}`, text: c.raw });
    }
  }
  return {
    published: published ? evidence(published.best, published.confidence) : null,
    modified: modified ? evidence(modified.best, modified.confidence) : null,
    trace,
  };
}
