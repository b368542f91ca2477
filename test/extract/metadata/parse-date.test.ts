// Date strings as pages write them: each format the metadata issue names, with its expected ISO form.
import { describe, expect, it } from 'vitest';
import { findDates, formatDate, parseDate } from '../../../src/extract/dates/parse-date.js';
import { parseRelativeDate } from '../../../src/extract/dates/relative.js';
import { readDateLine } from '../../../src/extract/dates/date-lines.js';
import { hijriToGregorian } from '../../../src/extract/dates/hijri.js';

const iso = (raw: string, options = {}): string | null => {
  const d = parseDate(raw, options);
  return d ? formatDate(d) : null;
};

describe('machine formats', () => {
  it.each([
    ['2025-10-28T16:32+0000', '2025-10-28T16:32:00Z'],
    ['2025-10-28T16:32:05.123+03:00', '2025-10-28T16:32:05+03:00'],
    ['2025-10-28T16:32:00Z', '2025-10-28T16:32:00Z'],
    ['2025-10-28 16:32', '2025-10-28T16:32:00'],
    ['2025-10-28', '2025-10-28'],
    ['2025-10', '2025-10'],
    ['2023/12', '2023-12'],
    ['2025', '2025'],
    ['Tue, 28 Oct 2025 16:32:00 GMT', '2025-10-28T16:32:00Z'],
  ])('%s -> %s', (raw, expected) => expect(iso(raw)).toBe(expected));

  it('keeps no offset when none is stated, and never invents a day', () => {
    expect(iso('2025-10-28T16:32')).toBe('2025-10-28T16:32:00');
    expect(iso('December 2023')).toBe('2023-12');
  });

  it('rejects impossible and implausible dates', () => {
    expect(iso('2025-02-30')).toBeNull();
    expect(iso('31.04.2024')).toBeNull();
    expect(iso('© 1887')).toBeNull();
    expect(iso('no date here')).toBeNull();
  });
});

describe('Arabic', () => {
  it.each([
    ['الثلاثاء ٢٨ أكتوبر/تشرين الأول ٢٠٢٥ - ٠٤:٣٢ م بتوقيت مكة', '2025-10-28T16:32:00+03:00'],
    ['۲۸ أكتوبر ۲۰۲۵', '2025-10-28'],
    ['28 كانون الأول 2024', '2024-12-28'],
    ['3 كانون الثاني 2024', '2024-01-03'],
    ['السبت 12 أيار/مايو 2024 الساعة 10:00 بتوقيت القدس', '2024-05-12T10:00:00+03:00'],
    ['الأحد 14 كانون الثاني 2024 10:00 بتوقيت القدس', '2024-01-14T10:00:00+02:00'],
    ['15 آب 2023', '2023-08-15'],
    ['1 آذار 2024', '2024-03-01'],
    ['الخميس 5 جانفي 2023', '2023-01-05'],
    ['12 يوليوز 2022', '2022-07-12'],
    ['الأربعاء، 5 يونيو 2024 09:15 ص', '2024-06-05T09:15:00'],
    ['الأربعاء، 5 يونيو 2024 12:15 ص', '2024-06-05T00:15:00'],
    ['الأربعاء، 5 يونيو 2024 09:15 مساءً بتوقيت غرينتش', '2024-06-05T21:15:00Z'],
    ['نشر في: 28/10/2025 - 16:32 بتوقيت القاهرة', '2025-10-28T16:32:00+03:00'],
    ['28 أكتوبر 2025م', '2025-10-28'],
  ])('%s -> %s', (raw, expected) => expect(iso(raw)).toBe(expected));

  it('recognises Hijri dates and converts them, never reading them as Gregorian', () => {
    const d = parseDate('الأربعاء 7 جمادى الأولى 1447 هـ');
    expect(d?.calendar).toBe('hijri');
    expect(formatDate(d!)).toBe('2025-10-29');
    expect(hijriToGregorian(1445, 9, 1)).toEqual({ year: 2024, month: 3, day: 11 });
    expect(iso('1447/5/7 هـ')).toBe('2025-10-29');
  });

  it('prefers the Gregorian date when a line states both calendars', () => {
    expect(iso('الثلاثاء 6 جمادى الأولى 1447 هـ - 28 أكتوبر 2025')).toBe('2025-10-28');
  });
});

describe('other languages', () => {
  it.each([
    ['October 28, 2025 4:32 pm EST', '2025-10-28T16:32:00-05:00'],
    ['Oct. 28, 2025', '2025-10-28'],
    ['28th October 2025', '2025-10-28'],
    ['le 3 mars 2024 à 14h05', '2024-03-03T14:05:00'],
    ['mis à jour le 1er décembre 2023', '2023-12-01'],
    ['3. März 2024, 14:05 Uhr', '2024-03-03T14:05:00'],
    ['28 de octubre de 2025', '2025-10-28'],
    ['28 Ekim 2025 Salı 10:00', '2025-10-28T10:00:00'],
    ['3 марта 2024 г., 14:05 МСК', '2024-03-03T14:05:00+03:00'],
    ['12 agosto 2021', '2021-08-12'],
  ])('%s -> %s', (raw, expected) => expect(iso(raw)).toBe(expected));

  it('reads numeric dates day first, month first for US pages or when the day cannot be a month', () => {
    expect(iso('03/04/2025')).toBe('2025-04-03');
    expect(iso('03/04/2025', { monthFirst: true })).toBe('2025-03-04');
    expect(iso('10/28/2025')).toBe('2025-10-28');
    expect(iso('28.10.2025')).toBe('2025-10-28');
  });

  it('finds every date in a line, in order', () => {
    expect(findDates('16:32 GMT 28.10.2025 (تم التحديث: 16:46 GMT 28.10.2025)').map((f) => formatDate(f.date))).toEqual(['2025-10-28T16:32:00Z', '2025-10-28T16:46:00Z']);
  });
});

describe('relative dates, against the fetch time', () => {
  const at = '2025-10-28T18:00:00+03:00';
  it.each([
    ['منذ ساعتين', '2025-10-28T16:00:00+03:00'],
    ['منذ 3 ساعات', '2025-10-28T15:00:00+03:00'],
    ['قبل ٥ دقائق', '2025-10-28T17:55:00+03:00'],
    ['قبل 3 أيام', '2025-10-25'],
    ['منذ يومين', '2025-10-26'],
    ['أمس', '2025-10-27'],
    ['5 hours ago', '2025-10-28T13:00:00+03:00'],
    ['il y a 2 heures', '2025-10-28T16:00:00+03:00'],
    ['vor 3 Stunden', '2025-10-28T15:00:00+03:00'],
    ['hace 2 días', '2025-10-26'],
    ['2 saat önce', '2025-10-28T16:00:00+03:00'],
    ['3 часа назад', '2025-10-28T15:00:00+03:00'],
  ])('%s -> %s', (raw, expected) => {
    const d = parseRelativeDate(raw, at);
    expect(d && formatDate(d)).toBe(expected);
  });
  it('needs a fetch time: never the clock', () => {
    expect(parseRelativeDate('منذ ساعتين', undefined)).toBeNull();
  });
});

describe('date lines with an update', () => {
  it('splits published from modified at the marker', () => {
    for (const [line, pub, mod] of [
      ['16:32 GMT 28.10.2025 (تم التحديث: 16:46 GMT 28.10.2025)', '2025-10-28T16:32:00Z', '2025-10-28T16:46:00Z'],
      ['نشر في 12 أيار 2024 - آخر تحديث 13 أيار 2024', '2024-05-12', '2024-05-13'],
      ['Published 3 May 2024, updated 4 May 2024', '2024-05-03', '2024-05-04'],
      ['Publié le 2 juin 2023, mis à jour le 3 juin 2023', '2023-06-02', '2023-06-03'],
    ] as const) {
      const r = readDateLine(line, {});
      expect(r.published && formatDate(r.published.date)).toBe(pub);
      expect(r.modified && formatDate(r.modified.date)).toBe(mod);
    }
  });
  it('a line that only states an update has no published date', () => {
    const r = readDateLine('آخر تحديث: منذ ساعتين', { fetchedAt: '2025-10-28T18:00:00Z' });
    expect(r.published).toBeNull();
    expect(r.modified && formatDate(r.modified.date)).toBe('2025-10-28T16:00:00Z');
  });
});
