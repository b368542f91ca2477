/**
 * The search behaviour both stores must show: the Arabic recall table (queries typed the way
 * people type, every relevant article found, snippets in the original spelling), filters, order,
 * paging, hostile queries. search.test.ts runs it on SQLite, search-postgres.test.ts on PostgreSQL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { selectArticles } from '../../src/export/select.js';
import { search } from '../../src/search/search.js';
import type { Store } from '../../src/store/index.js';
import { makeArticle, type ArticleSeed } from './make-article.js';

const A = (n: string, seed: Omit<ArticleSeed, 'url'> & { url?: string }): ArticleSeed => ({
  url: seed.url ?? `https://news.example.com/${n}`,
  language: 'ar',
  ...seed,
});

/* Articles written as news sites write them: tashkeel, hamzas, ة, ى, tatweel, Arabic-Indic digits, clitics. */
export const CORPUS: Record<string, ArticleSeed> = {
  gaza: A('gaza', { title: 'وقفُ إطلاق النار في غزّة', text: 'أعلنت الأطراف التوصّل إلى اتفاقٍ لوقف إطلاق النار في قطاع غزة بعد أسابيع من المفاوضات.\n\nوقال مسؤولون إنّ الاتفاق يدخل حيّز التنفيذ صباح الأحد.', published: '2025-10-12T09:00:00+03:00', section: 'سياسة', authors: ['أحمد إبراهيم'] }),
  gaza2: A('gaza2', { title: 'مساعدات إنسانية تصل إلى القطاع', text: 'دخلت شاحنات المساعدات الإنسانية إلى غزة عبر معبر رفح، ووصلت إلى المستشفيات في شمال القطاع.', published: '2025-10-14T10:00:00+03:00', section: 'سياسة' }),
  minister: A('minister', { title: 'وزيرُ الخارجيّة يزور بيروت', text: 'وصل وزيرُ الخارجية إلى بيروت في زيارةٍ رسمية، والتقى بالرئيس اللبناني ورئيس الحكومة.', published: '2025-09-01T08:00:00+03:00', section: 'سياسة', authors: ['سارة يوسف'] }),
  ministry: A('ministry', { title: 'الوزيرة تفتتح مدرسةً جديدة', text: 'افتتحت وزيرة التربية مدرستها النموذجية الأولى في القاهرة، وقالت إن المدارس الجديدة ستستقبل الطلاب في أيلول.', published: '2025-08-20T12:00:00+02:00', section: 'تعليم', url: 'https://www.masrawy.example/edu/1' }),
  oil: A('oil', { title: 'أسعارُ النفط ترتفع', text: 'ارتفعت أسعار النّفط في الأسواق العالمية بنسبة ٣٪ يوم الإثنين، وسط توقعات بتراجع الإنتاج.', published: '2025-10-20T07:30:00Z', section: 'اقتصاد' }),
  elections: A('elections', { title: 'الانتخابات البرلمانيـــة في مصر', text: 'بدأ المصريون الإدلاء بأصواتهم في الانتخابات البرلمانية، وسط إقبالٍ متوسط في مراكز الاقتراع.', published: '2025-11-10T08:00:00+02:00', section: 'سياسة', url: 'https://www.masrawy.example/politics/2' }),
  hospital: A('hospital', { title: 'افتتاح مستشفى جديد', text: 'افتُتح مستشفى جامعيّ جديد في الإسكندرية بطاقة ٥٠٠ سرير، ويخدم المستشفى أكثر من مليون مواطن.', published: '2025-07-15T09:00:00+02:00', section: 'صحة' }),
  responsible: A('responsible', { title: 'مسئول: لا زيادة في الأسعار', text: 'قال مسئول في وزارة التموين إن أسعار الخبز لن ترتفع هذا العام.', published: '2025-06-01T09:00:00+02:00', section: 'اقتصاد' }),
  year: A('year', { title: 'موازنة عام ٢٠٢٦', text: 'أقرّ البرلمان موازنة عام ٢٠٢٦ بعجزٍ أقل من المتوقع.', published: '2025-12-01T09:00:00+03:00', section: 'اقتصاد' }),
  english: A('english', { url: 'https://www.bbc.example.co.uk/news/1', language: 'en', title: 'Élections in Lebanon: turnout rises', text: 'Voters in Lebanon went to the polls on Sunday. Turnout rose compared with the previous elections.', published: '2025-05-05T10:00:00Z', section: 'World', authors: ['Jane Doe'] }),
  sport: A('sport', { title: 'المنتخب يفوز في المباراة', text: 'فاز المنتخب الوطني لكرة القدم على نظيره بهدفين نظيفين في غزة الرياضية.', published: '2025-10-13T20:00:00+03:00', section: 'رياضة' }),
};

/* The recall table: what users type (no diacritics, plain alef, ه for ة) → every article a reader would judge relevant, and the original spelling the snippet must show. */
export const RECALL: { query: string; relevant: string[]; shows?: Record<string, string> }[] = [
  { query: 'غزه', relevant: ['gaza', 'gaza2', 'sport'], shows: { gaza: 'غزة', gaza2: 'غزة' } },
  { query: 'وقف اطلاق النار', relevant: ['gaza'], shows: { gaza: 'إطلاق' } },
  { query: '"اطلاق النار"', relevant: ['gaza'] },
  { query: 'وزير الخارجيه', relevant: ['minister'], shows: { minister: 'وزيرُ' } },
  { query: 'وزيره', relevant: ['ministry', 'minister'], shows: { ministry: 'وزيرة' } },
  { query: 'مدرسه', relevant: ['ministry'], shows: { ministry: 'مدرستها' } },
  { query: 'اسعار النفط', relevant: ['oil'], shows: { oil: 'النّفط' } },
  { query: 'اسعار', relevant: ['oil', 'responsible'] },
  { query: 'انتخابات', relevant: ['elections'], shows: { elections: 'الانتخابات' } },
  { query: 'مصر', relevant: ['elections'], shows: { elections: 'المصريون' } },
  { query: 'مستشفي', relevant: ['hospital', 'gaza2'], shows: { hospital: 'مستشفى', gaza2: 'المستشفيات' } },
  { query: 'مسؤول', relevant: ['responsible', 'gaza'], shows: { responsible: 'مسئول', gaza: 'مسؤولون' } },
  { query: '2026', relevant: ['year'], shows: { year: '٢٠٢٦' } },
  { query: 'بيروت', relevant: ['minister'] },
  { query: 'الرئيس', relevant: ['minister'] },
  { query: 'برلمانيه', relevant: ['elections'], shows: { elections: 'البرلمانية' } },
  { query: 'elections lebanon', relevant: ['english'], shows: { english: 'elections' } },
  { query: 'election', relevant: ['english'] },
];

/** Saves the corpus into an empty store; returns each article's id by its key in CORPUS. */
export async function saveCorpus(store: Store): Promise<Record<string, string>> {
  const idOf: Record<string, string> = {};
  for (const [key, seed] of Object.entries(CORPUS)) {
    const saved = await store.saveArticle({ article: makeArticle(seed), sourceId: null, fetchedAt: Date.now(), nextRecrawlAt: Date.now() });
    idOf[key] = saved.id;
  }
  return idOf;
}

/**
 * The suite, on a store holding the corpus (saved by saveCorpus in the caller's beforeAll).
 * `partSize`: the SQLite index's part size when it is cut into parts (null otherwise), which
 * changes how bm25 weighs a word found in most of a part.
 */
export function describeSearchSuite(context: { store: () => Store; idOf: () => Record<string, string>; partSize: number | null }): void {
  let store: Store;
  let idOf: Record<string, string>;
  const { partSize } = context;
  // registered after the caller's beforeAll, so it runs after it: the store and ids exist by then
  beforeAll(() => {
    store = context.store();
    idOf = context.idOf();
  });
  describe('Arabic recall table', () => {
    it.each(RECALL)('$query', async ({ query, relevant, shows }) => {
      const result = await search(store, query, { limit: 50 });
      const found = new Map(result.hits.map((h) => [h.id, h]));
      for (const key of relevant) {
        const hit = found.get(idOf[key]!);
        expect(hit, `${query} must find ${key}`).toBeDefined();
        const spelling = shows?.[key];
        if (spelling !== undefined) expect(`${hit!.title} ${hit!.snippet}`, `${query} → ${key}`).toContain(spelling);
      }
      // recall tables are about finding; still, nothing unrelated floods in
      expect(result.hits.length).toBeLessThanOrEqual(relevant.length + 1);
    });
  });

  describe('search', () => {
    it('highlights the matched word in its original spelling', async () => {
      const { hits } = await search(store, 'مستشفي');
      const hit = hits.find((h) => h.id === idOf.hospital);
      expect(hit?.snippet).toContain('**مستشفى**');
    });

    it('keeps word order in exact phrases', async () => {
      expect((await search(store, '"النار اطلاق"')).hits).toEqual([]);
      expect((await search(store, '"اطلاق النار"')).hits.map((h) => h.id)).toEqual([idOf.gaza]);
    });

    it('excludes words', async () => {
      const ids = (await search(store, 'غزه -رياضه')).hits.map((h) => h.id);
      expect(ids).toContain(idOf.gaza);
      expect(ids).not.toContain(idOf.sport);
    });

    it('filters by site, language, section, author and dates', async () => {
      const ids = async (q: string): Promise<string[]> => (await search(store, q, { limit: 100 })).hits.map((h) => h.id).sort();
      expect(await ids('site:masrawy.example')).toEqual([idOf.ministry, idOf.elections].sort());
      expect(await ids('lang:en')).toEqual([idOf.english]);
      expect(await ids('section:اقتصاد')).toEqual([idOf.oil, idOf.responsible, idOf.year].sort());
      expect(await ids('author:"احمد ابراهيم" غزه')).toEqual([idOf.gaza]);
      expect(await ids('after:2025-10-13 before:2025-10-15')).toEqual([idOf.gaza2, idOf.sport].sort());
      expect(await ids('غزه -site:masrawy.example after:2025-10-13')).toEqual([idOf.gaza2, idOf.sport].sort());
      // words and filters together (site and section are intersected inside the full-text index)
      expect(await ids('انتخابات site:masrawy.example')).toEqual([idOf.elections]);
      expect(await ids('مدرسه site:example')).toEqual([idOf.ministry]);
      expect(await ids('انتخابات site:example.co.uk')).toEqual([]);
      expect(await ids('elections site:example.co.uk')).toEqual([idOf.english]);
      expect(await ids('انتخابات site:co.uk site:masrawy.example')).toEqual([idOf.elections]);
      expect(await ids('elections site:co.uk site:masrawy.example')).toEqual([idOf.english]);
      expect(await ids('اسعار section:اقتصاد')).toEqual([idOf.oil, idOf.responsible].sort());
      expect(await ids('غزه section:رياضه')).toEqual([idOf.sport]);
      expect(await ids('غزه section:اقتصاد')).toEqual([]);
      expect(await ids('غزه lang:ar after:2025-10-13')).toEqual([idOf.gaza2, idOf.sport].sort());
    });

    it('orders by date and pages through results', async () => {
      const all = (await search(store, 'غزه', { order: 'newest', limit: 10 })).hits.map((h) => h.published);
      expect(all).toEqual([...all].sort().reverse());
      const p1 = await search(store, 'lang:ar', { limit: 4 });
      const p2 = await search(store, 'lang:ar', { limit: 4, offset: 4 });
      expect(p1.total).toBe(10);
      expect(p1.hits.length).toBe(4);
      expect(new Set([...p1.hits, ...p2.hits].map((h) => h.id)).size).toBe(8);
    });

    it('ranks a headline match above a passing mention', async () => {
      const { hits } = await search(store, 'غزه');
      expect(hits[0]!.id).toBe(idOf.gaza);
      // (in parts of two articles the word is in most of its part, and bm25 gives such words a weight near 0)
      if (partSize === null) expect(hits[0]!.score).toBeGreaterThan(0);
    });

    it('finds an article again after it changes, and not by its old words', async () => {
      const seed = { ...CORPUS.year!, title: 'موازنة عام ٢٠٢٧', text: 'أقرّ البرلمان موازنة عام ٢٠٢٧.' };
      await store.saveArticle({ article: makeArticle(seed), sourceId: null, fetchedAt: Date.now(), nextRecrawlAt: Date.now() });
      expect((await search(store, '2027')).hits.map((h) => h.id)).toEqual([idOf.year]);
      expect((await search(store, '2026')).hits).toEqual([]);
    });

    it('ranks a capped window of the most recent matches, and keeps newest-first exact', async () => {
      // with a window of 2, غزه (3 matches) is ranked among the 2 most recently stored matches
      const capped = await search(store, 'غزه', { maxRanked: 2 });
      expect(capped.totalExact).toBe(false);
      expect(capped.total).toBe(2);
      expect(capped.hits.map((h) => h.id).sort()).toEqual([idOf.gaza2, idOf.sport].sort());
      for (const newestBy of ['auto', 'sort', 'set', 'probe'] as const) {
        const newest = await search(store, 'غزه', { maxRanked: 2, order: 'newest', newestBy });
        expect(newest.hits.map((h) => h.id)).toEqual([idOf.gaza2, idOf.sport, idOf.gaza]);
        const paged = await search(store, 'غزه lang:ar', { order: 'newest', newestBy, limit: 1, offset: 1 });
        expect(paged.hits.map((h) => h.id)).toEqual([idOf.sport]);
        const filtered = await search(store, 'مستشفي after:2025-10-01', { order: 'newest', newestBy });
        expect(filtered.hits.map((h) => h.id)).toEqual([idOf.gaza2]);
      }
      const listing = await search(store, 'section:سياسه', { maxRanked: 2 });
      expect(listing.totalExact).toBe(false);
      expect(listing.hits.map((h) => h.published)).toEqual([...listing.hits.map((h) => h.published)].sort().reverse());
      expect((await search(store, 'غزه')).totalExact).toBe(true);
    });

    it.each(['"', '*', ':', '-', '(', 'NEAR(', 'title:x', '"unclosed', 'a AND OR', '-"', '^x', '{body}:x'])('survives the typed syntax %s', async (q) => {
      const result = await search(store, q);
      expect(Array.isArray(result.hits)).toBe(true);
    });

    it('ranks the same on a short page and a long one', async () => {
      const short = (await search(store, 'اسعار', { limit: 20 })).hits.map((h) => h.id);
      const long = (await search(store, 'اسعار', { limit: 300 })).hits.map((h) => h.id);
      expect(long).toEqual(short);
      expect((await search(store, 'اسعار', { limit: 1, offset: 1 })).hits.map((h) => h.id)).toEqual(short.slice(1, 2));
    });

    it('walks every match of a query once, in storage order, for exports', async () => {
      const walk = async (query: string): Promise<string[]> => {
        const ids: string[] = [];
        for await (const r of selectArticles(store, { query, batchSize: 1 })) ids.push(r.id!);
        return ids;
      };
      expect(await walk('غزه')).toEqual([idOf.gaza, idOf.gaza2, idOf.sport]);
      expect(await walk('سياسه -غزه')).toEqual([idOf.minister, idOf.elections]);
      expect(await walk('انتخابات site:masrawy.example')).toEqual([idOf.elections]);
    });

    it('explains a query of only stop-words or punctuation', async () => {
      expect((await search(store, 'في من على')).notice).toMatch(/only common words/);
      expect((await search(store, '؟!،')).notice).toMatch(/no letters or digits/);
    });
  });
}
