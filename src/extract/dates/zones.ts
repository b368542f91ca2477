/**
 * Time zones as pages write them: numeric offsets, GMT/UTC, common abbreviations and the
 * Arabic "بتوقيت <city>" form. Cities with daylight saving resolve through Intl (pure:
 * the offset is computed for the stated date, never for "now").
 */
import { foldForDates } from './normalize.js';

/** Fixed offsets in minutes for abbreviations seen on news pages. */
const ABBREVIATIONS: Record<string, number> = {
  gmt: 0, utc: 0, z: 0, wet: 0, bst: 60, cet: 60, cest: 120, met: 60, mesz: 120, mez: 60, eet: 120, eest: 180,
  msk: 180, мск: 180, ast: 180, gst: 240, irst: 210, trt: 180, ist: 330, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360,
  pst: -480, pdt: -420, jst: 540, kst: 540, aest: 600, aedt: 660,
};

/** "بتوقيت <city>": a fixed offset (minutes) or an IANA zone when the city keeps summer time. */
const ARABIC_CITIES: Array<[string, number | string]> = [
  ['غرينتش', 0], ['جرينتش', 0], ['غرينيتش', 0], ['جرينيتش', 0], ['غريتنش', 0],
  ['مكه', 180], ['مكه المكرمه', 180], ['الرياض', 180], ['السعوديه', 180], ['الدوحه', 180], ['قطر', 180], ['الكويت', 180], ['بغداد', 180],
  ['المنامه', 180], ['البحرين', 180], ['صنعاء', 180], ['موسكو', 180], ['اسطنبول', 180], ['انقره', 180], ['دمشق', 180], ['سوريا', 180],
  ['ابوظبي', 240], ['ابو ظبي', 240], ['دبي', 240], ['الامارات', 240], ['مسقط', 240],
  ['القدس', 'Asia/Jerusalem'], ['فلسطين', 'Asia/Gaza'], ['غزه', 'Asia/Gaza'], ['بيروت', 'Asia/Beirut'], ['لبنان', 'Asia/Beirut'],
  ['القاهره', 'Africa/Cairo'], ['مصر', 'Africa/Cairo'], ['عمان الاردن', 'Asia/Amman'], ['الاردن', 'Asia/Amman'],
  ['الخرطوم', 'Africa/Khartoum'], ['طرابلس', 'Africa/Tripoli'], ['ليبيا', 'Africa/Tripoli'], ['تونس', 'Africa/Tunis'],
  ['الجزائر', 'Africa/Algiers'], ['الرباط', 'Africa/Casablanca'], ['المغرب', 'Africa/Casablanca'], ['نواكشوط', 0], ['طهران', 'Asia/Tehran'],
];

const CITY_TABLE = ARABIC_CITIES.map(([name, zone]) => [foldForDates(name), zone] as const).sort((a, b) => b[0].length - a[0].length);

export type Zone = { offsetMinutes: number } | { iana: string };

/** Zone regex source (on folded text), captured in one group; read the match with `readZone`. */
export const ZONE_RE =
  '((?:gmt|utc)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?|[+-]\\d{2}:?\\d{2}(?!\\d)|z(?![\\p{L}])|(?<![\\p{L}])(?:' +
  Object.keys(ABBREVIATIONS).filter((k) => k !== 'z').join('|') +
  ')(?![\\p{L}])|(?:ب|ب\\s)?توقيت\\s+(?:' +
  CITY_TABLE.map(([n]) => n.replace(/ /g, '\\s+')).join('|') +
  '))';

export function readZone(token: string): Zone | null {
  const t = token.trim();
  const numeric = /^(?:gmt|utc)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    if (minutes > 14 * 60) return null;
    return { offsetMinutes: numeric[1] === '-' ? -minutes : minutes };
  }
  if (t in ABBREVIATIONS) return { offsetMinutes: ABBREVIATIONS[t]! };
  const city = /توقيت\s+(.+)$/.exec(t);
  if (city) {
    const name = city[1]!.replace(/\s+/g, ' ');
    const hit = CITY_TABLE.find(([n]) => n === name);
    if (!hit) return null;
    return typeof hit[1] === 'number' ? { offsetMinutes: hit[1] } : { iana: hit[1] };
  }
  return null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset (minutes) of an IANA zone at a given local wall-clock time. */
export function offsetForZone(iana: string, local: { year: number; month: number; day: number; hour: number; minute: number }): number | null {
  let fmt = formatters.get(iana);
  if (!fmt) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', { timeZone: iana, timeZoneName: 'longOffset' });
    } catch {
      return null;
    }
    formatters.set(iana, fmt);
  }
  // Guess with the wall-clock time as UTC, then correct once: exact except within the DST switch hour.
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const first = readOffset(fmt, wall);
  if (first === null) return null;
  return readOffset(fmt, wall - first * 60_000) ?? first;
}

function readOffset(fmt: Intl.DateTimeFormat, instant: number): number | null {
  const part = fmt.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  if (part === 'GMT') return 0;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}
