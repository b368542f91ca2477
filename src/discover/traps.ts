/**
 * Crawl-trap limits: URLs that a site generates without end (calendars, session ids in links,
 * repeated path segments from relative-link bugs, ever-growing queries). A reason string is
 * returned so the frontier can record why a URL was dropped. The per-host page cap lives in
 * the crawl loop, which counts pages.
 */

export interface TrapLimits {
  /** Characters of the decoded URL (default 500). */
  maxUrlLength?: number;
  /** Path segments (default 10). */
  maxPathDepth?: number;
  /** Times one segment may appear in the path (default 2). */
  maxSegmentRepeats?: number;
  /** Query parameters (default 8). */
  maxQueryParams?: number;
  /** Calendar years outside [minYear, now + 2] are traps (default minYear 1990). */
  minYear?: number;
}

const SESSION_PARAM = /^(?:jsessionid|phpsessid|aspsessionid\w*|sessionid|session_id|sess|sid|cfid|cftoken|zenid|oscsid)$/i;
const CALENDAR_WORD = /^(?:calendar|calendrier|kalender|agenda|events?|schedule|التقويم|تقويم)$/i;
const DATE_PARAM = /^(?:date|day|month|year|yr|mo|week|cal(?:endar)?_?date|from|to|start|end)$/i;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function trapReason(url: string, limits: TrapLimits = {}): string | null {
  const maxUrlLength = limits.maxUrlLength ?? 500;
  const maxPathDepth = limits.maxPathDepth ?? 10;
  const maxSegmentRepeats = limits.maxSegmentRepeats ?? 2;
  const maxQueryParams = limits.maxQueryParams ?? 8;
  const minYear = limits.minYear ?? 1990;
  const maxYear = new Date().getUTCFullYear() + 2;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'invalid URL';
  }
  const decoded = safeDecode(u.href);
  if (decoded.length > maxUrlLength) return `URL longer than ${maxUrlLength} characters`;

  const segments = u.pathname.split('/').filter((s) => s !== '').map(safeDecode);
  if (segments.length > maxPathDepth) return `path deeper than ${maxPathDepth} segments`;
  const counts = new Map<string, number>();
  for (const s of segments) {
    if (/^\d{1,4}$/.test(s)) continue; // "/2025/10/10/" repeats numbers legitimately
    const n = (counts.get(s.toLowerCase()) ?? 0) + 1;
    counts.set(s.toLowerCase(), n);
    if (n > maxSegmentRepeats) return `path segment "${s}" repeated ${n} times`;
  }
  // A repeated run such as /a/b/a/b/ (relative links resolved against themselves).
  for (let len = 2; len * 2 <= segments.length; len++) {
    for (let i = 0; i + 2 * len <= segments.length; i++) {
      if (segments.slice(i, i + len).join('/') === segments.slice(i + len, i + 2 * len).join('/')) {
        return `path repeats "${segments.slice(i, i + len).join('/')}"`;
      }
    }
  }

  if (/;\s*(?:jsessionid|phpsessid|sid)=/i.test(u.pathname)) return 'session id in path';
  const params = [...u.searchParams.keys()];
  if (params.length > maxQueryParams) return `more than ${maxQueryParams} query parameters`;
  if (params.some((k) => SESSION_PARAM.test(k))) return 'session id in query';
  if (new Set(params).size < params.length - 1) return 'query parameter repeated';

  // Calendars: a calendar/events segment or date parameters, with a year out of range or
  // any date at all under a calendar segment (every month links to the next one, forever).
  // Years are read only where they are dates: YYYY/MM or YYYY-MM in the path, any 4-digit
  // segment under a calendar segment, date parameters. A bare /1234 is an article id.
  const calendarSegment = segments.some((s) => CALENDAR_WORD.test(s));
  const years = [...u.pathname.matchAll(/(?:^|\/)(\d{4})[/-](0?[1-9]|1[0-2])(?=$|[/_.-])/g)].map((m) => Number(m[1]));
  if (calendarSegment) years.push(...segments.filter((s) => /^\d{4}$/.test(s)).map(Number));
  for (const [k, v] of u.searchParams) {
    if (DATE_PARAM.test(k)) years.push(...[...v.matchAll(/\b(\d{4})\b/g)].map((m) => Number(m[1])));
  }
  if (years.some((y) => y < minYear || y > maxYear)) return 'calendar date out of range';
  const dateParams = params.filter((k) => DATE_PARAM.test(k)).length;
  if (calendarSegment && (years.length > 0 || dateParams > 0)) return 'calendar page';
  if (dateParams >= 2) return 'calendar-like date parameters';
  return null;
}
