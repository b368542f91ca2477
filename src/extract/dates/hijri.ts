/**
 * Hijri (Umm al-Qura) to Gregorian, through Intl's islamic-umalqura calendar: estimate the
 * Gregorian day from the mean month length, then step until Intl names the same Hijri day.
 */
let formatter: Intl.DateTimeFormat | null | undefined;

function hijriOf(instant: number): { y: number; m: number; d: number } | null {
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
    } catch {
      formatter = null;
    }
  }
  if (!formatter) return null;
  const parts = formatter.formatToParts(new Date(instant));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value.replace(/\D/g, '') ?? NaN);
  const y = get('year');
  const m = get('month');
  const d = get('day');
  return Number.isFinite(y) && Number.isFinite(m) && Number.isFinite(d) ? { y, m, d } : null;
}

const DAY_MS = 86_400_000;
/** 1 Muharram 1 AH (Julian 16 July 622). */
const EPOCH_MS = Date.UTC(622, 6, 19);

export function hijriToGregorian(year: number, month: number, day: number): { year: number; month: number; day: number } | null {
  if (year < 1300 || year > 1600 || month < 1 || month > 12 || day < 1 || day > 30) return null;
  const estimateDays = Math.round((year - 1) * 354.36667 + (month - 1) * 29.5306 + (day - 1));
  let instant = EPOCH_MS + estimateDays * DAY_MS;
  for (let step = 0; step < 8; step++) {
    const h = hijriOf(instant);
    if (!h) return null;
    const diff = (year - h.y) * 354 + (month - h.m) * 29.5 + (day - h.d);
    if (diff === 0) {
      const g = new Date(instant);
      return { year: g.getUTCFullYear(), month: g.getUTCMonth() + 1, day: g.getUTCDate() };
    }
    instant += Math.round(diff) * DAY_MS || Math.sign(diff) * DAY_MS;
  }
  return null;
}
