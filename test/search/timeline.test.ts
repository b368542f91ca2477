/**
 * attentionOverTime() on a real SQLite store (split into small index parts, so counts are added
 * across parts): UTC days, ISO weeks from Monday, months, zero-filled buckets, undated articles
 * apart, queries side by side, the split by site with "other", and coarsening of long ranges.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPartSize } from '../../src/search/fts-parts.js';
import { search } from '../../src/search/search.js';
import { attentionOverTime, bucketStart, OTHER_SITES } from '../../src/search/timeline.js';
import { SqliteStore } from '../../src/store/index.js';
import { makeArticle } from './make-article.js';

let dir: string;
let store: SqliteStore;

/*
 * Oil stories on three days; the 2025-10-06 one at 23:30 in UTC+3 is 20:30 UTC, still the 6th,
 * while 2025-10-08T01:00+03:00 is the 7th in UTC. One gas story, and one undated oil story.
 * Sites: ten hosts for the split (host i has i+1 articles about water).
 */
const OIL = [
  { n: 'oil1', published: '2025-10-01T10:00:00Z' },
  { n: 'oil2', published: '2025-10-06T23:30:00+03:00' },
  { n: 'oil3', published: '2025-10-08T01:00:00+03:00' },
  { n: 'oil4', published: '2025-10-13T09:00:00Z' },
  { n: 'oil5', published: null },
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-timeline-'));
  store = new SqliteStore({ path: join(dir, 'store.db') });
  setPartSize(store.db, 7);
  const save = (article: ReturnType<typeof makeArticle>) => store.saveArticle({ article, sourceId: null, fetchedAt: Date.now(), nextRecrawlAt: Date.now() });
  for (const o of OIL) await save(makeArticle({ url: `https://news.example/${o.n}`, language: 'ar', title: 'أسعار النفط', text: 'ارتفعت أسعار النفط اليوم.', published: o.published }));
  await save(makeArticle({ url: 'https://news.example/gas', language: 'ar', title: 'الغاز الطبيعي', text: 'صادرات الغاز.', published: '2025-10-02T12:00:00Z' }));
  for (let host = 0; host < 10; host++) {
    for (let i = 0; i <= host; i++) {
      await save(makeArticle({ url: `https://site${host}.example/water/${i}`, language: 'en', title: 'Water shortage', text: 'The reservoirs are low.', published: `2025-11-0${1 + (i % 3)}T12:00:00Z` }));
    }
  }
  // two articles 14 months apart: 427 days, 62 weeks, 15 months
  await save(makeArticle({ url: 'https://old.example/1', language: 'en', title: 'Older sands', text: 'desert', published: '2024-03-01T00:00:00Z' }));
  await save(makeArticle({ url: 'https://old.example/2', language: 'en', title: 'Modern sands', text: 'desert', published: '2025-05-01T00:00:00Z' }));
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bucketStart', () => {
  it('starts weeks on Monday and months on the 1st', () => {
    expect(bucketStart('2025-10-01', 'week')).toBe('2025-09-29'); // a Wednesday
    expect(bucketStart('2025-09-29', 'week')).toBe('2025-09-29'); // a Monday
    expect(bucketStart('2025-10-05', 'week')).toBe('2025-09-29'); // a Sunday ends the ISO week
    expect(bucketStart('2026-01-01', 'week')).toBe('2025-12-29'); // across the year
    expect(bucketStart('2025-10-31', 'month')).toBe('2025-10-01');
    expect(bucketStart('2025-10-31', 'day')).toBe('2025-10-31');
  });
});

describe('attentionOverTime', () => {
  it('counts matches per UTC day, zero-filled from the first match to the last, undated apart', async () => {
    const t = await attentionOverTime(store, ['نفط']);
    expect(t.interval).toBe('day');
    expect(t.from).toBe('2025-10-01');
    expect(t.to).toBe('2025-10-13');
    expect(t.buckets.length).toBe(13);
    expect(t.buckets[0]).toBe('2025-10-01');
    expect(t.buckets.at(-1)).toBe('2025-10-13');
    const [s] = t.series;
    const on = (day: string): number => s!.counts[t.buckets.indexOf(day)]!;
    expect([on('2025-10-01'), on('2025-10-06'), on('2025-10-07'), on('2025-10-08'), on('2025-10-13')]).toEqual([1, 1, 1, 0, 1]);
    expect(s!.counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(s!.total).toBe(4);
    expect(t.undated).toBe(1);
    // with the undated one, the same matches search() counts
    expect((await search(store, 'نفط')).total).toBe(s!.total + t.undated);
  });

  it('groups by ISO week and by month', async () => {
    const weeks = await attentionOverTime(store, ['نفط'], { interval: 'week' });
    expect(weeks.buckets).toEqual(['2025-09-29', '2025-10-06', '2025-10-13']);
    expect(weeks.series[0]!.counts).toEqual([1, 2, 1]);
    const months = await attentionOverTime(store, ['نفط', 'الغاز'], { interval: 'month' });
    expect(months.buckets).toEqual(['2025-10-01']);
    expect(months.series.map((s) => s.counts)).toEqual([[4], [1]]);
  });

  it('puts queries side by side on the same buckets, each combined with the filters', async () => {
    const t = await attentionOverTime(store, ['نفط', 'غاز'], { interval: 'week' });
    expect(t.series.map((s) => [s.query, s.site, s.total])).toEqual([['نفط', null, 4], ['غاز', null, 1]]);
    expect(t.series[1]!.counts).toEqual([1, 0, 0]);
    const filtered = await attentionOverTime(store, ['نفط'], { filters: { after: '2025-10-07T00:00:00.000Z' } });
    expect(filtered.series[0]!.total).toBe(2);
    expect(filtered.from).toBe('2025-10-07');
    expect(filtered.undated).toBe(0); // an undated article is never "after" a date
  });

  it('splits by site: the busiest sites, then "other", summing to the whole', async () => {
    const whole = await attentionOverTime(store, ['water']);
    const split = await attentionOverTime(store, ['water'], { split: 'site' });
    expect(split.series.length).toBe(9);
    expect(split.series.slice(0, 8).map((s) => s.site)).toEqual([9, 8, 7, 6, 5, 4, 3, 2].map((h) => `site${h}.example`));
    expect(split.series.slice(0, 8).map((s) => s.total)).toEqual([10, 9, 8, 7, 6, 5, 4, 3]);
    expect(split.series[8]).toMatchObject({ site: OTHER_SITES, total: 1 + 2 });
    const summed = split.buckets.map((_, i) => split.series.reduce((n, s) => n + s.counts[i]!, 0));
    expect(summed).toEqual(whole.series[0]!.counts);
    expect(split.series.reduce((n, s) => n + s.total, 0)).toBe(whole.series[0]!.total);
  });

  it('gives an empty series for a query without matches, and no buckets when nothing matches', async () => {
    const t = await attentionOverTime(store, ['zeppelin']);
    expect(t).toMatchObject({ from: null, to: null, buckets: [], undated: 0 });
    expect(t.series).toEqual([{ query: 'zeppelin', site: null, label: 'zeppelin', total: 0, counts: [] }]);
  });

  it('coarsens a range too long for daily buckets, and refuses one too long even for months', async () => {
    const t = await attentionOverTime(store, ['sands'], { interval: 'day', maxBuckets: 40 });
    expect(t.interval).toBe('month');
    expect(t.buckets.length).toBe(15);
    expect(t.series[0]!.total).toBe(2);
    expect((await attentionOverTime(store, ['sands'], { interval: 'day', maxBuckets: 62 })).interval).toBe('week');
    expect((await attentionOverTime(store, ['sands'], { interval: 'day', maxBuckets: 427 })).interval).toBe('day');
    await expect(attentionOverTime(store, ['sands'], { maxBuckets: 14 })).rejects.toThrow(/narrow the range/);
  });

  it('counts an article stored after a first answer (a repeated answer is cached only while the index is unchanged)', async () => {
    const before = await attentionOverTime(store, ['قمح']);
    expect(before.series[0]!.total).toBe(0);
    expect(await attentionOverTime(store, ['قمح'])).toEqual(before);
    await store.saveArticle({ article: makeArticle({ url: 'https://news.example/wheat', language: 'ar', title: 'محصول القمح', text: 'القمح.', published: '2025-10-03T10:00:00Z' }), sourceId: null, fetchedAt: Date.now(), nextRecrawlAt: Date.now() });
    const after = await attentionOverTime(store, ['قمح']);
    expect(after.series[0]!.total).toBe(1);
    expect(after.from).toBe('2025-10-03');
  });

  it('refuses a query of only common words, and more than four queries', async () => {
    await expect(attentionOverTime(store, ['في'])).rejects.toMatchObject({ code: 'USAGE' });
    await expect(attentionOverTime(store, ['a1', 'b1', 'c1', 'd1', 'e1'])).rejects.toMatchObject({ code: 'USAGE' });
  });
});
