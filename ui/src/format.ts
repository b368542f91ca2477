/**
 * Numbers and dates for the interface language through Intl: Arabic-Indic digits and Arabic
 * month names in Arabic (ar-EG), Western digits in English.
 */
import { lang } from './i18n.js';

function locale(): string {
  return lang() === 'ar' ? 'ar-EG' : 'en-GB';
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>();

function numberFormat(): Intl.NumberFormat {
  const key = `n:${locale()}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale())));
  return f;
}

function dateFormat(kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${kind}:${locale()}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale(), options)));
  return f;
}

export function formatNumber(n: number): string {
  return numberFormat().format(n);
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A day, e.g. ٢٨ أكتوبر ٢٠٢٥ / 28 Oct 2025; unparseable input is shown as it came. */
export function formatDate(iso: string | null | undefined): string {
  const d = parse(iso);
  if (!d) return iso ?? '';
  return dateFormat('d', { dateStyle: 'medium' }).format(d);
}

/** A day and time in the reader's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  const d = parse(iso);
  if (!d) return iso ?? '';
  return dateFormat('dt', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/**
 * A chart bucket ('YYYY-MM-DD', the start of a day, week or month) in UTC, so the label is the
 * bucket's own day wherever the reader is.
 */
export function formatBucket(bucket: string, interval: 'day' | 'week' | 'month'): string {
  const d = parse(`${bucket}T00:00:00Z`);
  if (!d) return bucket;
  const options: Intl.DateTimeFormatOptions =
    interval === 'month' ? { year: 'numeric', month: 'short', timeZone: 'UTC' } : { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };
  return dateFormat(`b-${interval}`, options).format(d);
}

/** A language code as a name in the interface language (ar → العربية / Arabic); the code itself when unknown. */
export function formatLanguage(code: string | null | undefined): string {
  if (!code) return '';
  const key = `l:${locale()}`;
  let names = cache.get(key) as Intl.DisplayNames | undefined;
  if (!names) {
    names = new Intl.DisplayNames([locale()], { type: 'language' });
    cache.set(key, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code; // not a well-formed language tag
  }
}
