/**
 * Top terms: Arabic spelling variants counted as one term shown in the majority spelling, stop
 * words, numbers and single letters out, counts by document; and over a real SQLite store, the
 * terms of a query's matches only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/search/normalize-arabic.js';
import { isContentTerm, topTermsOfMatches, topTermsOfTexts } from '../../src/search/top-terms.js';
import { SqliteStore } from '../../src/store/index.js';
import { makeArticle } from './make-article.js';

describe('topTermsOfTexts', () => {
  it('counts hamza, ta marbuta, alef maqsura, tashkeel and tatweel variants as one term, shown as most articles write it', () => {
    const texts = [
      'أسعار النفط ترتفع في الأسواق',
      'اسعار النفط تنخفض',
      'أسعار الذهب',
      'أسْعار القمح، المدرسة جديدة',
      'المدرسه الجديدة',
      'المدرسة القديمة على مستشفى',
      'مستشفي ميداني',
      'مستشفى جامعي',
      'النفـــط والغاز',
    ];
    const { terms, sampled } = topTermsOfTexts(texts);
    expect(sampled).toBe(texts.length);
    const byNorm = new Map(terms.map((t) => [t.normalized, t]));
    expect(byNorm.get(normalizeText('أسعار'))).toMatchObject({ term: 'أسعار', count: 4 });
    expect(byNorm.get(normalizeText('المدرسة'))).toMatchObject({ term: 'المدرسة', count: 3 });
    expect(byNorm.get(normalizeText('مستشفى'))).toMatchObject({ term: 'مستشفى', count: 3 });
    expect(byNorm.get(normalizeText('النفط'))).toMatchObject({ term: 'النفط', count: 3 });
    expect(byNorm.get(normalizeText('أسعار'))!.share).toBeCloseTo(4 / 9);
    // one entry per term: no variant listed apart
    expect(new Set(terms.map((t) => t.normalized)).size).toBe(terms.length);
    expect(terms.filter((t) => normalizeText(t.term) === normalizeText('أسعار')).length).toBe(1);
    // most frequent first
    expect(terms.map((t) => t.count)).toEqual([...terms.map((t) => t.count)].sort((a, b) => b - a));
  });

  it('counts a word once per article however often it repeats there', () => {
    const { terms } = topTermsOfTexts(['vote vote vote vote', 'ballot', 'ballot counting']);
    expect(terms[0]).toEqual({ term: 'ballot', normalized: 'ballot', count: 2, share: 2 / 3 });
    expect(terms.find((t) => t.term === 'vote')).toEqual({ term: 'vote', normalized: 'vote', count: 1, share: 1 / 3 });
    // ties in alphabetical order of the normalized form
    expect(terms.slice(1).map((t) => t.normalized)).toEqual(['counting', 'vote']);
  });

  it('leaves out stop words (Arabic, English, French), reporting verbs, numbers and single letters', () => {
    const texts = ['في من على إلى عن وقال قال the of and said le la les 2025 ٢٠٢٥ 3% x و ب الحكومة government'];
    const { terms } = topTermsOfTexts(texts, { limit: 100 });
    expect(terms.map((t) => t.term).sort()).toEqual(['government', 'الحكومة'].sort());
    expect(isContentTerm(normalizeText('إلى'))).toBe(false);
    expect(isContentTerm('12')).toBe(false);
    expect(isContentTerm('x')).toBe(false);
    expect(isContentTerm('ballot')).toBe(true);
  });

  it('shows the majority spelling of English words as written (case folded for counting)', () => {
    const { terms } = topTermsOfTexts(['Parliament votes', 'the Parliament', 'parliament session']);
    expect(terms[0]).toMatchObject({ term: 'Parliament', normalized: 'parliament', count: 3 });
  });

  it('returns at most `limit` terms, and nothing for no texts', () => {
    expect(topTermsOfTexts(['alpha beta gamma delta'], { limit: 2 }).terms.length).toBe(2);
    expect(topTermsOfTexts([])).toEqual({ terms: [], sampled: 0 });
  });
});

describe('topTermsOfMatches', () => {
  let dir: string;
  let store: SqliteStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marsad-terms-'));
    store = new SqliteStore({ path: join(dir, 'store.db') });
    const save = (n: string, title: string, text: string) =>
      store.saveArticle({ article: makeArticle({ url: `https://news.example/${n}`, language: 'ar', title, text, published: '2025-10-01T10:00:00Z' }), sourceId: null, fetchedAt: Date.now(), nextRecrawlAt: Date.now() });
    await save('1', 'أسعار النفط', 'ارتفعت أسعار النفط مع تراجع المخزونات.');
    await save('2', 'اسعار النفط', 'هبطت أسعار النفط بعد قرار أوبك.');
    await save('2b', 'تراجع أسعار النفط', 'تراجعت الأسعار.');
    await save('3', 'المنتخب يفوز', 'فاز المنتخب في المباراة النهائية.');
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads only the matches of the query and reports how many it read', async () => {
    const r = await topTermsOfMatches(store, 'نفط');
    expect(r.total).toBe(3);
    expect(r.sampled).toBe(3);
    // two of the three articles write أسعار, one اسعار
    expect(r.terms.find((t) => t.normalized === normalizeText('أسعار'))).toMatchObject({ term: 'أسعار', count: 3, share: 1 });
    expect(r.terms.some((t) => t.normalized === normalizeText('المنتخب'))).toBe(false);
    const all = await topTermsOfMatches(store, '');
    expect(all).toMatchObject({ total: 4, sampled: 4 });
    expect(all.terms.some((t) => t.normalized === normalizeText('المنتخب'))).toBe(true);
  });

  it('reads at most `sample` articles while still counting every match', async () => {
    const r = await topTermsOfMatches(store, '', { sample: 1 });
    expect(r).toMatchObject({ total: 4, sampled: 1 });
  });
});
