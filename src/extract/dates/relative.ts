/**
 * Relative times ("منذ ساعتين", "قبل 3 أيام", "5 hours ago", "il y a 2 heures", "vor 3
 * Stunden", "hace 2 horas", "2 saat önce", "3 часа назад", "أمس"/"yesterday"), resolved
 * against the fetch time passed in — never the clock. Minutes and hours give a time in
 * the fetch time's offset; days and longer give a day.
 */
import { foldForDates } from './normalize.js';
import type { ParsedDate } from './parse-date.js';

type Unit = 'minute' | 'hour' | 'day' | 'week' | 'month';

const UNITS: Array<[RegExp, Unit]> = [
  [/^(دقيق|دقاي|minute|min|minuto|dakika|минут|minut)/, 'minute'],
  [/^(ساع|hour|hr|heure|stunde|hora|saat|час)/, 'hour'],
  [/^(يوم|ايام|day|jour|tag|dia|gun|день|дня|дней)/, 'day'],
  [/^(اسبوع|اسابيع|week|semaine|woche|semana|hafta|недел)/, 'week'],
  [/^(شهر|اشهر|month|mois|monat|mes|ay$|месяц)/, 'month'],
];

/** Arabic duals name the count in the noun itself. */
const DUALS: Record<string, [number, Unit]> = {
  دقيقتين: [2, 'minute'], دقيقتان: [2, 'minute'], ساعتين: [2, 'hour'], ساعتان: [2, 'hour'], يومين: [2, 'day'], يومان: [2, 'day'],
  اسبوعين: [2, 'week'], اسبوعان: [2, 'week'], شهرين: [2, 'month'], شهران: [2, 'month'],
};

const WORD_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, un: 1, une: 1, ein: 1, einer: 1, einem: 1, una: 1, bir: 1,
  واحد: 1, ثلاث: 3, ثلاثه: 3, اربع: 4, اربعه: 4, خمس: 5, خمسه: 5, ست: 6, سته: 6, سبع: 7, سبعه: 7, ثماني: 8, ثمانيه: 8, تسع: 9, تسعه: 9, عشر: 10, عشره: 10,
};

const UNIT_MS: Record<Unit, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000, month: 30 * 86_400_000 };

const PREFIXED = /(?:^|\s)(?:منذ|قبل|il y a|hace|vor|ha)\s+(?:(\d+|[\p{L}]+)\s+)?([\p{L}]+)/u;
const SUFFIXED = /(?:^|\s)(\d+|an?|one|two|three|bir)\s+([\p{L}]+)\s+(?:ago|once|önce|назад)(?![\p{L}])/u;
const YESTERDAY = /(?:^|\s)(امس|البارحه|yesterday|hier|gestern|ayer|dun|вчера)(?![\p{L}])/u;

function unitOf(word: string): Unit | null {
  for (const [re, unit] of UNITS) if (re.test(word)) return unit;
  return null;
}

function amountOf(word: string | undefined): number | null {
  if (word === undefined) return 1;
  if (/^\d+$/.test(word)) return Number(word);
  return WORD_NUMBERS[word] ?? null;
}

/** Resolves a relative time against `fetchedAt` (ISO 8601); null when the text holds none. */
export function parseRelativeDate(raw: string, fetchedAt: string | undefined): ParsedDate | null {
  if (!fetchedAt) return null;
  const base = parseFetchedAt(fetchedAt);
  if (!base) return null;
  const text = foldForDates(raw).replace(/ö/g, 'o');
  let amount: number | null = null;
  let unit: Unit | null = null;
  const pre = PREFIXED.exec(text);
  if (pre) {
    const dual = DUALS[pre[2]!] ?? (pre[1] ? DUALS[pre[1]] : undefined);
    if (dual && !pre[1]) [amount, unit] = dual;
    else {
      unit = unitOf(pre[2]!);
      amount = amountOf(pre[1]);
    }
  }
  if (unit === null || amount === null) {
    const suf = SUFFIXED.exec(text.replace(/\s+once$/, ' once'));
    if (suf) {
      unit = unitOf(suf[2]!);
      amount = amountOf(suf[1]);
    }
  }
  if ((unit === null || amount === null) && YESTERDAY.test(text)) [amount, unit] = [1, 'day'];
  if (unit === null || amount === null || amount > 400) return null;
  const local = new Date(base.utcMs + base.offsetMinutes * 60_000 - amount * UNIT_MS[unit]);
  const fine = unit === 'minute' || unit === 'hour';
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    ...(fine ? { hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: 0 } : {}),
    offsetMinutes: fine ? base.offsetMinutes : null,
    precision: fine ? 'minute' : 'day',
    calendar: 'gregorian',
  };
}

function parseFetchedAt(iso: string): { utcMs: number; offsetMinutes: number } | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const zone = /(z|([+-])(\d{2}):?(\d{2}))$/i.exec(iso.trim());
  let offsetMinutes = 0;
  if (zone && zone[2]) offsetMinutes = (zone[2] === '-' ? -1 : 1) * (Number(zone[3]) * 60 + Number(zone[4]));
  return { utcMs: ms, offsetMinutes };
}
