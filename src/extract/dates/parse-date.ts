/**
 * Finds and parses dates inside a string, in the forms news pages write them: ISO 8601,
 * numeric (day first unless told otherwise or impossible), month names in many languages
 * including every Arabic series, Arabic-Indic digits, ص/م and am/pm, GMT/UTC offsets and
 * "بتوقيت <city>", and Hijri dates (converted, never read as Gregorian).
 * Rules: a partial date stays partial ("2023/12" is a month); a time without a stated
 * zone keeps no offset (it is not silently UTC); impossible days are rejected.
 */
import { foldForDates } from './normalize.js';
import { GREGORIAN_MONTH_RE, HIJRI_MONTH_RE, gregorianMonth, hijriMonth } from './months.js';
import { ZONE_RE, offsetForZone, readZone, type Zone } from './zones.js';
import { hijriToGregorian } from './hijri.js';

export type DatePrecision = 'year' | 'month' | 'day' | 'minute' | 'second';

export interface ParsedDate {
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** Minutes east of UTC as the page states it; null when no zone is stated. */
  offsetMinutes: number | null;
  precision: DatePrecision;
  /** The calendar the page wrote it in (Hijri dates are converted to Gregorian fields). */
  calendar: 'gregorian' | 'hijri';
}

export interface ParseDateOptions {
  /** Read 03/04/2025 as March 4 (US order) rather than 3 April. */
  monthFirst?: boolean;
  /** Year used when the text gives a day and month but no year (from fetchedAt). */
  referenceYear?: number;
  /** Also accept compact forms (20251028) — for URLs and machine fields. */
  compact?: boolean;
  /** Earliest plausible year (default 1990). */
  minYear?: number;
}

export interface FoundDate {
  date: ParsedDate;
  /** Offsets in the folded text. */
  start: number;
  end: number;
}

/** A match before its zone is resolved: the date fields of ParsedDate plus where it was found. */
interface RawMatch extends Pick<ParsedDate, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'calendar'> {
  start: number;
  end: number;
  zone?: Zone | null;
  hasTime: boolean;
}

const D = '(\\d{1,2})(?:st|nd|rd|th|er|eme|º|\\.)?';
const Y = '(\\d{4})';
const M = GREGORIAN_MONTH_RE;
const ISO = new RegExp(`(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?:(?:t|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(z|[+-]\\d{2}(?::?\\d{2})?)?)?(?!\\d)`, 'gu');
const YMD = /(?<![\d./])(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?![\d])/g;
const DMY = /(?<![\d./:])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.]\d|\d)/g;
const COMPACT = /(?<!\d)(20\d{2}|19\d{2})(\d{2})(\d{2})(?!\d)/g;
const DAY_MONTH = new RegExp(`(?<![\\d])${D}\\s*(?:de\\s+|of\\s+|-\\s*)?${M}(?:\\s*[/-]\\s*${M})?\\s*,?\\s*(?:de\\s+|del\\s+|-\\s*)?(?:${Y}(?!\\d))?`, 'gu');
/** "14. - 20. Januar 2022", "3–5 May 2021": a range of days is dated by its first day. */
const DAY_RANGE = new RegExp(`(?<![\\d.])(\\d{1,2})\\.?\\s*[-–]\\s*${D}\\s*${M}\\s*,?\\s*${Y}(?!\\d)`, 'gu');
/** Chinese, Japanese and Korean "2020年5月3日" / "2020년 5월 3일", and Vietnamese "3 tháng 5 năm 2020" (folded). */
const CJK_YMD = /(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})(?!\d)/g;
const VIET_DMY = /(?<!\d)(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:,|nam)?\s*(\d{4})(?!\d)/g;
const MONTH_DAY = new RegExp(`${M}\\s+${D}(?!\\d)\\s*,?\\s*(?:${Y}(?!\\d))?`, 'gu');
const MONTH_YEAR = new RegExp(`${M}(?:\\s*[/-]\\s*${M})?\\s*,?\\s*${Y}(?!\\d)`, 'gu');
const HIJRI_NAMED = new RegExp(`(?<![\\d])(\\d{1,2})\\s+${HIJRI_MONTH_RE}\\s*,?\\s*(\\d{4})(?!\\d)`, 'gu');
const HIJRI_NUMERIC = /(?<![\d/])(?:(\d{4})\/(\d{1,2})\/(\d{1,2})|(\d{1,2})\/(\d{1,2})\/(\d{4}))\s*ه(?![\p{L}])/gu;
const HIJRI_YEAR_MARK = /^\s*(?:ه|هـ)(?![\p{L}])/u;
const TIME = new RegExp(
  `(?<![\\d:])(\\d{1,2})(?::|h)(\\d{2})(?::(\\d{2}))?(?![\\d])\\s*(am|pm|a\\.m\\.?|p\\.m\\.?|صباحا|مساءا|مساء|ظهرا|عصرا|ليلا|فجرا|ص|م)?(?![\\p{L}])\\s*${ZONE_RE}?`,
  'gu',
);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function valid(m: RawMatch, options: ParseDateOptions): boolean {
  if (m.calendar === 'hijri') return m.year >= 1300 && m.year <= 1600 && m.month !== undefined && m.day !== undefined && m.month <= 12 && m.day <= 30;
  const minYear = options.minYear ?? 1990;
  const maxYear = (options.referenceYear ?? 2100) + 1;
  if (m.year < minYear || m.year > maxYear) return false;
  if (m.month !== undefined && (m.month < 1 || m.month > 12)) return false;
  if (m.day !== undefined && (m.month === undefined || m.day < 1 || m.day > daysInMonth(m.year, m.month))) return false;
  if (m.hour !== undefined && (m.hour > 23 || (m.minute ?? 0) > 59 || (m.second ?? 0) > 60)) return false;
  return true;
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

function collect(folded: string, options: ParseDateOptions): RawMatch[] {
  const out: RawMatch[] = [];
  for (const m of folded.matchAll(ISO)) {
    const hasTime = m[4] !== undefined;
    out.push({
      start: m.index, end: m.index + m[0].length, year: +m[1]!, month: +m[2]!, day: +m[3]!, calendar: 'gregorian', hasTime,
      ...(hasTime ? { hour: +m[4]!, minute: +m[5]!, second: m[6] ? +m[6] : undefined, zone: m[7] ? readZone(m[7]) : null } : {}),
    });
  }
  for (const m of folded.matchAll(HIJRI_NAMED)) {
    out.push({ start: m.index, end: m.index + m[0].length, year: +m[3]!, month: hijriMonth(m[2]!), day: +m[1]!, calendar: 'hijri', hasTime: false });
  }
  for (const m of folded.matchAll(HIJRI_NUMERIC)) {
    const [y, mo, d] = m[1] ? [m[1], m[2], m[3]] : [m[6], m[5], m[4]];
    out.push({ start: m.index, end: m.index + m[0].length, year: +y!, month: +mo!, day: +d!, calendar: 'hijri', hasTime: false });
  }
  for (const m of folded.matchAll(DAY_MONTH)) {
    const year = m[4] ? +m[4] : options.referenceYear;
    if (year === undefined) continue;
    out.push({ start: m.index, end: m.index + m[0].length, year, month: gregorianMonth(m[2]!), day: +m[1]!, calendar: m[4] && HIJRI_YEAR_MARK.test(folded.slice(m.index + m[0].length)) ? 'hijri' : 'gregorian', hasTime: false });
  }
  // Cheap guards keep the rarer patterns from running over every date line.
  if (/\d\.?\s*[-–]\s*\d/.test(folded)) for (const m of folded.matchAll(DAY_RANGE)) {
    if (+m[1]! >= +m[2]!) continue;
    out.push({ start: m.index, end: m.index + m[0].length, year: +m[4]!, month: gregorianMonth(m[3]!), day: +m[1]!, calendar: 'gregorian', hasTime: false });
  }
  for (const m of folded.matchAll(MONTH_DAY)) {
    const year = m[3] ? +m[3] : options.referenceYear;
    if (year === undefined) continue;
    out.push({ start: m.index, end: m.index + m[0].length, year, month: gregorianMonth(m[1]!), day: +m[2]!, calendar: 'gregorian', hasTime: false });
  }
  for (const m of folded.matchAll(MONTH_YEAR)) {
    out.push({ start: m.index, end: m.index + m[0].length, year: +m[3]!, month: gregorianMonth(m[1]!), calendar: 'gregorian', hasTime: false });
  }
  if (/[年년]/.test(folded)) for (const m of folded.matchAll(CJK_YMD)) {
    out.push({ start: m.index, end: m.index + m[0].length, year: +m[1]!, month: +m[2]!, day: +m[3]!, calendar: 'gregorian', hasTime: false });
  }
  if (folded.includes('thang')) for (const m of folded.matchAll(VIET_DMY)) {
    out.push({ start: m.index, end: m.index + m[0].length, year: +m[3]!, month: +m[2]!, day: +m[1]!, calendar: 'gregorian', hasTime: false });
  }
  for (const m of folded.matchAll(YMD)) {
    out.push({ start: m.index, end: m.index + m[0].length, year: +m[1]!, month: +m[3]!, day: +m[4]!, calendar: 'gregorian', hasTime: false });
  }
  for (const m of folded.matchAll(DMY)) {
    if (m[4]!.length === 2 && m[2] === '-') continue;
    let a = +m[1]!;
    let b = +m[3]!;
    // Day first (most of the world) unless the page is US-style or the first number cannot be a month... or the second cannot.
    if ((options.monthFirst && b <= 31 && a <= 12) || b > 12) [a, b] = [b, a];
    out.push({ start: m.index, end: m.index + m[0].length, year: fullYear(m[4]!), month: b, day: a, calendar: 'gregorian', hasTime: false });
  }
  if (options.compact) {
    for (const m of folded.matchAll(COMPACT)) {
      out.push({ start: m.index, end: m.index + m[0].length, year: +m[1]!, month: +m[2]!, day: +m[3]!, calendar: 'gregorian', hasTime: false });
    }
  }
  return out;
}

/** Keeps the longest match among overlapping ones (a full date over its month-year part). */
function dropOverlaps(matches: RawMatch[]): RawMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: RawMatch[] = [];
  for (const m of sorted) {
    const clash = kept.findIndex((k) => m.start < k.end && k.start < m.end);
    if (clash === -1) kept.push(m);
    else if (m.end - m.start > kept[clash]!.end - kept[clash]!.start) kept[clash] = m;
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Attaches the nearest time (just after the date, else just before) to a date without one. */
function attachTime(folded: string, m: RawMatch, taken: Array<[number, number]>): void {
  if (m.hasTime || m.day === undefined) return;
  let best: RegExpMatchArray | null = null;
  let bestGap = Infinity;
  const from = Math.max(0, m.start - 40);
  const window = folded.slice(from, Math.min(folded.length, m.end + 40));
  for (const t of window.matchAll(TIME)) {
    const start = from + t.index!;
    const end = start + t[0].trimEnd().length;
    if (taken.some(([s, e]) => start < e && s < end)) continue;
    const gap = start >= m.end ? start - m.end : end <= m.start ? m.start - end + 1 : Infinity;
    if (gap < bestGap && gap <= 25) {
      best = t;
      bestGap = gap;
    }
  }
  if (!best) return;
  let hour = +best[1]!;
  const suffix = best[4] ?? '';
  if (/^(pm|p\.m|مساء|ظهرا|عصرا|ليلا|م$)/.test(suffix) && hour < 12) hour += 12;
  if (/^(am|a\.m|صباحا|فجرا|ص$)/.test(suffix) && hour === 12) hour = 0;
  m.hour = hour;
  m.minute = +best[2]!;
  if (best[3]) m.second = +best[3];
  m.zone = best[5] ? readZone(best[5]) : null;
  m.hasTime = true;
}

function finish(m: RawMatch): ParsedDate | null {
  let { year, month, day } = m;
  if (m.calendar === 'hijri') {
    if (month === undefined || day === undefined) return null;
    const g = hijriToGregorian(year, month, day);
    if (!g) return null;
    ({ year, month, day } = g);
  }
  let offsetMinutes: number | null = null;
  if (m.hasTime && m.zone) {
    offsetMinutes = 'offsetMinutes' in m.zone ? m.zone.offsetMinutes : offsetForZone(m.zone.iana, { year, month: month!, day: day!, hour: m.hour!, minute: m.minute! });
  }
  const precision: DatePrecision = m.hasTime ? (m.second !== undefined ? 'second' : 'minute') : day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  return {
    year, month, day, calendar: m.calendar, offsetMinutes, precision,
    ...(m.hasTime ? { hour: m.hour, minute: m.minute, second: m.second ?? 0 } : {}),
  };
}

/** Every date in a string, in order (folded-text offsets). */
export function findDates(raw: string, options: ParseDateOptions = {}): FoundDate[] {
  return findDatesFolded(foldForDates(raw), options);
}

export function findDatesFolded(folded: string, options: ParseDateOptions = {}): FoundDate[] {
  if (!/\d/.test(folded)) return [];
  const matches = dropOverlaps(collect(folded, options).filter((m) => m.month !== undefined && valid(m, options)));
  const taken = matches.map((m) => [m.start, m.end] as [number, number]);
  const found: FoundDate[] = [];
  for (const m of matches) {
    attachTime(folded, m, taken);
    if (!valid(m, options)) continue;
    const date = finish(m);
    if (date) found.push({ date, start: m.start, end: m.end });
  }
  return found;
}

/**
 * The date a string states: the first Gregorian date with a day, else the first Gregorian
 * date, else a converted Hijri one. A bare year counts only when it is the whole string.
 */
const STRICT_ISO = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?\s*$/i;

export function parseDate(raw: string, options: ParseDateOptions = {}): ParsedDate | null {
  // Fast path: machine fields are nearly always plain ISO 8601.
  const iso = STRICT_ISO.exec(raw);
  if (iso) {
    const hasTime = iso[4] !== undefined;
    const m: RawMatch = {
      start: 0, end: raw.length, year: +iso[1]!, month: +iso[2]!, day: +iso[3]!, calendar: 'gregorian', hasTime,
      ...(hasTime ? { hour: +iso[4]!, minute: +iso[5]!, second: iso[6] ? +iso[6] : undefined, zone: iso[7] ? readZone(iso[7].toLowerCase()) : null } : {}),
    };
    return valid(m, options) ? finish(m) : null;
  }
  const folded = foldForDates(raw);
  const found = findDatesFolded(folded, options);
  const gregorian = found.filter((f) => f.date.calendar === 'gregorian');
  const pick = gregorian.find((f) => f.date.day !== undefined) ?? gregorian[0] ?? found[0];
  if (pick) return pick.date;
  const partial = /^(\d{4})(?:[-/.](\d{1,2}))?$/.exec(folded);
  if (partial) {
    const m: RawMatch = { start: 0, end: folded.length, year: +partial[1]!, month: partial[2] ? +partial[2] : undefined, calendar: 'gregorian', hasTime: false };
    if (valid(m, options)) return finish(m);
  }
  return null;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** ISO 8601 at the date's own precision; the offset only when the page stated one (0 as Z). */
export function formatDate(d: ParsedDate): string {
  let out = pad(d.year, 4);
  if (d.month === undefined) return out;
  out += `-${pad(d.month)}`;
  if (d.day === undefined) return out;
  out += `-${pad(d.day)}`;
  if (d.hour === undefined) return out;
  out += `T${pad(d.hour)}:${pad(d.minute ?? 0)}:${pad(d.second ?? 0)}`;
  if (d.offsetMinutes === null) return out;
  if (d.offsetMinutes === 0) return `${out}Z`;
  const abs = Math.abs(d.offsetMinutes);
  return `${out}${d.offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Milliseconds since the epoch for ordering and comparison (unstated offset read as UTC). */
export function dateToMillis(d: ParsedDate): number {
  return Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1, d.hour ?? 0, d.minute ?? 0, d.second ?? 0) - (d.offsetMinutes ?? 0) * 60_000;
}
