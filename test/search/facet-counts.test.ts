/**
 * Facet counts on a real SQLite store whose index is split into small parts (so groups are
 * added up across parts): counts equal to the articles' own fields, sections shown as written,
 * filters applied, and the cap that keeps them equal to search()'s capped total.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFacets, hostOfReversed } from '../../src/search/facet-counts.js';
import { setPartSize } from '../../src/search/fts-parts.js';
import { filtersFromFlags } from '../../src/search/query.js';
import { search } from '../../src/search/search.js';
import { SqliteStore } from '../../src/store/index.js';
import { makeArticle, type ArticleSeed } from './make-article.js';

const SITES = ['www.alpha.example', 'beta.example', 'news.gamma.example'];
const SECTIONS = ['سياسة', 'اقتصاد', null];
/* 23 articles: site i % 3, language ar except every 4th (en), section i % 3 (the third has none); "budget" in the odd ones. */
const SEEDS: ArticleSeed[] = Array.from({ length: 23 }, (_, i) => ({
  url: `https://${SITES[i % 3]}/story/${i}`,
  language: i % 4 === 3 ? 'en' : 'ar',
  section: SECTIONS[i % 3] ?? null,
  title: `story ${i}`,
  text: i % 2 === 1 ? 'the budget vote' : 'the weather',
  published: `2025-10-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
}));

let dir: string;
let store: SqliteStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-facets-'));
  store = new SqliteStore({ path: join(dir, 'store.db') });
  setPartSize(store.db, 5);
  for (const seed of SEEDS) await store.saveArticle({ article: makeArticle(seed), sourceId: null, fetchedAt: Date.now(), nextRecrawlAt: Date.now() });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The facets counted by hand from the seeds that pass `keep`. */
function expected(keep: (s: ArticleSeed) => boolean): { site: Map<string, number>; language: Map<string, number>; section: Map<string, number> } {
  const out = { site: new Map<string, number>(), language: new Map<string, number>(), section: new Map<string, number>() };
  const add = (m: Map<string, number>, k: string | null | undefined): void => {
    if (k) m.set(k, (m.get(k) ?? 0) + 1);
  };
  for (const s of SEEDS.filter(keep)) {
    add(out.site, new URL(s.url).hostname);
    add(out.language, s.language);
    add(out.section, s.section);
  }
  return out;
}

const asMap = (facets: { value: string; count: number }[]): Map<string, number> => new Map(facets.map((f) => [f.value, f.count]));

describe('countFacets', () => {
  it('counts every article of a query without words across all index parts', () => {
    const f = countFacets(store, '');
    const e = expected(() => true);
    expect(asMap(f.site)).toEqual(e.site);
    expect(asMap(f.language)).toEqual(e.language);
    expect(asMap(f.section)).toEqual(e.section); // as written: سياسة, not the normalized سياسه
  });

  it('counts the matches of a query with words, with filters', () => {
    const f = countFacets(store, 'budget');
    const e = expected((s) => s.text!.includes('budget'));
    expect(asMap(f.site)).toEqual(e.site);
    expect(asMap(f.language)).toEqual(e.language);
    const ar = countFacets(store, 'budget', filtersFromFlags({ lang: ['ar'], site: ['alpha.example'] }));
    const ea = expected((s) => s.text!.includes('budget') && s.language === 'ar' && s.url.includes('alpha.example'));
    expect(asMap(ar.site)).toEqual(ea.site);
    expect(asMap(ar.language)).toEqual(ea.language);
  });

  it('sorts by count and keeps the top values', () => {
    const f = countFacets(store, '', {}, { top: 1 });
    expect(f.site.length).toBe(1);
    const all = countFacets(store, '');
    expect(f.site[0]).toEqual(all.site[0]);
    expect(all.site.map((s) => s.count)).toEqual([...all.site.map((s) => s.count)].sort((a, b) => b - a));
  });

  it('counts at most maxMatches of the newest matches, adding up to search()\'s total capped the same way', async () => {
    for (const q of ['', 'budget']) {
      const f = countFacets(store, q, {}, { maxMatches: 7 });
      const r = await search(store, q, { maxRanked: 7 });
      expect(r.totalExact).toBe(false);
      expect(f.site.reduce((n, s) => n + s.count, 0)).toBe(r.total);
      expect(f.language.reduce((n, s) => n + s.count, 0)).toBe(7);
    }
  });

  it('reverses hosts back', () => {
    expect(hostOfReversed('example.alpha.www.')).toBe('www.alpha.example');
  });
});
