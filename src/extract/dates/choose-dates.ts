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

const DAY = 86_400_000;

/** A UTC instant (Z / +00:00 with a time): servers write these where the page's readers live elsewhere. */
function isUtcInstant(d: ParsedDate): boolean {
  return d.offsetMinutes === 0 && d.hour !== undefined;
}

/**
 * Is `local` the page's local statement of the UTC instant `utc`, on another calendar day?
 * Yes when it states the same instant with its own offset, or the same wall-clock minute
 * shifted by whole hours (up to 14), or only a day (see below).
 */
export function isLocalDayOf(local: ParsedDate, utc: ParsedDate, dayStatedByMachine = false): boolean {
  if (!isUtcInstant(utc) || local.day === undefined || isUtcInstant(local)) return false;
  const utcDay = Date.UTC(utc.year, utc.month! - 1, utc.day!);
  const localDay = Date.UTC(local.year, local.month! - 1, local.day);
  const delta = localDay - utcDay;
  if (delta !== DAY && delta !== -DAY) return false;
  if (local.hour !== undefined) return statesInstantLocally(local, utc);
  // A bare day from a machine source (the URL's /2023/11/02/, a date-only meta) is the local day
  // when a usual offset (−10 h…+10 h) reaches it; free text only for a local midnight east of UTC
  // stored as UTC (a date-only CMS field, 23:00Z for CET): visible texts carry too many other days.
  if (dayStatedByMachine) return delta === DAY ? utc.hour! >= 14 : utc.hour! < 10;
  return delta === DAY && utc.hour! >= 10 && utc.minute === 0 && (utc.second ?? 0) === 0;
}

/** Does `local` (with a time, not in UTC) state the UTC instant `utc` in its own offset or wall clock? */
function statesInstantLocally(local: ParsedDate, utc: ParsedDate): boolean {
  if (local.hour === undefined || isUtcInstant(local)) return false;
  if (local.offsetMinutes !== null) return local.offsetMinutes !== 0 && Math.abs(dateToMillis(local) - dateToMillis(utc)) < 60_000;
  const shift = (dateToMillis(local) - dateToMillis(utc)) / 3_600_000;
  return local.minute === utc.minute && Number.isInteger(shift) && shift !== 0 && Math.abs(shift) <= 14;
}

/** Do two dates name the same day (at the coarser of their precisions)? */
function sameDay(a: ParsedDate, b: ParsedDate): boolean {
  if (a.year !== b.year && Math.abs(a.year - b.year) !== 1) return false;
  if (a.year === b.year) {
    if (a.month === undefined || b.month === undefined) return true;
    if (a.month === b.month && (a.day === undefined || b.day === undefined || a.day === b.day)) return true;
  }
  if (a.day === undefined || b.day === undefined) return false;
  // One day apart can be the same instant seen in two offsets, or a UTC instant and the page's local day.
  if (a.hour !== undefined && b.hour !== undefined && a.offsetMinutes !== null && b.offsetMinutes !== null) return Math.abs(dateToMillis(a) - dateToMillis(b)) < 60_000;
  return isLocalDayOf(a, b) || isLocalDayOf(b, a);
}

const MACHINE_SOURCES = new Set<DateCandidate['source']>(['json-ld', 'microdata', 'meta', 'url', 'script']);

/** Is candidate `local` the page's local statement of candidate `utc`'s instant? */
function statesLocalDay(local: DateCandidate, utc: DateCandidate): boolean {
  return isLocalDayOf(local.date, utc.date, MACHINE_SOURCES.has(local.source));
}

/** Do two candidates vote for the same day? */
function agree(a: DateCandidate, b: DateCandidate): boolean {
  return sameDay(a.date, b.date) || statesLocalDay(a, b) || statesLocalDay(b, a);
}

function pick(cands: DateCandidate[]): { best: DateCandidate; confidence: number; support: number } | null {
  if (cands.length === 0) return null;
  let winner: { best: DateCandidate; confidence: number; support: number; score: number } | null = null;
  for (const c of cands) {
    const agreeing = cands.filter((o) => agree(o, c));
    const sources = new Set(agreeing.map((o) => o.source));
    const top = Math.max(...agreeing.map((o) => o.confidence));
    const score = top + 0.06 * (sources.size - 1);
    if (!winner || score > winner.score + 1e-9) {
      // Finest precision among the agreeing candidates; ties go to the more trusted source.
      let best = [...agreeing].sort((x, y) => RANK[y.date.precision] - RANK[x.date.precision] || y.confidence - x.confidence)[0]!;
      // A UTC instant is reported as the page's local day when another source states that day.
      const local = agreeing.filter((o) => statesLocalDay(o, best)).sort((x, y) => RANK[y.date.precision] - RANK[x.date.precision] || y.confidence - x.confidence)[0];
      // ...unless a source states the same instant in local time on the UTC day itself.
      const utcDayIsLocal = agreeing.some((o) => o.date.day === best.date.day && o.date.month === best.date.month && statesInstantLocally(o.date, best.date));
      if (local && !utcDayIsLocal) best = local;
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
