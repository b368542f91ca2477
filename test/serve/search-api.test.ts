/**
 * GET /api/v1/search over real HTTP on the demo corpus: what a reader checks — an Arabic word
 * typed without hamza finds the Arabic articles, snippets mark the matched words as text, the
 * facets add up, pages do not overlap, filters narrow, and bad input is a clean 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/search/normalize-arabic.js';
import { demoCorpus, type DemoCorpus } from './demo-corpus.js';
import { serveStore, type TestServer } from './api-helpers.js';

interface Hit {
  id: string;
  title: string | null;
  site: string;
  language: string | null;
  direction: 'rtl' | 'ltr';
  snippet: { text: string; match: boolean }[];
  score: number;
}
interface Facet {
  value: string;
  count: number;
}
interface Result {
  query: string;
  total: number;
  totalExact: boolean;
  page: number;
  limit: number;
  notice: string | null;
  hits: Hit[];
  facets: { site: Facet[]; language: Facet[]; section: Facet[] };
}

let corpus: DemoCorpus;
let server: TestServer;

beforeAll(async () => {
  corpus = await demoCorpus();
  server = await serveStore(corpus.db);
}, 300_000);
afterAll(async () => server?.close());

async function searchApi(params: string): Promise<Result> {
  const res = await server.get(`/api/v1/search?${params}`);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/json');
  return (await res.json()) as Result;
}

const sum = (facets: Facet[]): number => facets.reduce((n, f) => n + f.count, 0);
const TASHKEEL = /[\u064B-\u0652\u0640]/g;

/**
 * A word with a hamza on its alef from an Arabic article of the corpus (from its title, or from
 * the lead its snippet shows), and the same word as people type it: bare alef, no diacritics.
 */
async function hamzaWord(from: 'title' | 'snippet'): Promise<{ written: string; typed: string }> {
  const arabic = await searchApi('lang=ar&limit=100&facets=false');
  for (const hit of arabic.hits) {
    const text = from === 'title' ? (hit.title ?? '') : hit.snippet.map((s) => s.text).join('');
    const word = text.split(/[\s،.]+/).find((w) => /^[أإ]/.test(w) && w.length >= 4);
    if (word !== undefined) return { written: word, typed: word.replace(/[أإ]/g, 'ا').replace(TASHKEEL, '') };
  }
  throw new Error(`the demo corpus has no Arabic ${from} with a hamza on an alef`);
}

describe('GET /api/v1/search', () => {
  it('finds the Arabic articles whose title has a word typed without its hamza', async () => {
    const { written, typed } = await hamzaWord('title');
    expect(typed).not.toBe(written);
    const everyArabic = await searchApi('lang=ar&limit=100&facets=false');
    const withWord = everyArabic.hits.filter((h) => (h.title ?? '').split(/\s+/).includes(written)).map((h) => h.id);
    expect(withWord.length).toBeGreaterThan(0);
    const found = await searchApi(`q=${encodeURIComponent(typed)}&limit=100`);
    expect(found.query).toBe(typed);
    expect(found.hits.map((h) => h.id)).toEqual(expect.arrayContaining(withWord));
    for (const hit of found.hits) {
      expect(hit.direction).toBe('rtl');
      expect(hit.score).toBeGreaterThan(0);
    }
  });

  it('marks the matched words of the snippet as text segments, in their original spelling, without markup', async () => {
    const { written, typed } = await hamzaWord('snippet');
    const found = await searchApi(`q=${encodeURIComponent(typed)}&limit=100&facets=false`);
    expect(found.total).toBeGreaterThan(0);
    for (const hit of found.hits) {
      for (const s of hit.snippet) expect(s.text).not.toMatch(/[\u0002\u0003]|\*\*|<mark>/);
      const marked = hit.snippet.filter((s) => s.match).map((s) => s.text);
      expect(marked.length, hit.title ?? hit.id).toBeGreaterThan(0);
      for (const m of marked) expect(normalizeText(m)).toContain(normalizeText(typed));
    }
    // typed with a bare alef, shown as the article writes it
    expect(found.hits.some((h) => h.snippet.some((s) => s.match && s.text === written))).toBe(true);
  });

  it('marks English hits left to right and Arabic ones right to left', async () => {
    const all = await searchApi('limit=100&facets=false');
    expect(all.hits.length).toBeGreaterThan(0);
    for (const hit of all.hits) expect(hit.direction).toBe(hit.language?.startsWith('ar') ? 'rtl' : 'ltr');
  });

  it('counts facets over the whole match set: the languages add up to the total, not to the page', async () => {
    for (const q of ['', 'q=' + encodeURIComponent((await hamzaWord('title')).typed)]) {
      const r = await searchApi(`${q}&limit=1`);
      expect(r.totalExact).toBe(true);
      expect(r.hits.length).toBe(Math.min(1, r.total));
      expect(sum(r.facets.language)).toBe(r.total);
      expect(sum(r.facets.site)).toBe(r.total);
      for (const facet of [r.facets.site, r.facets.language, r.facets.section]) {
        const counts = facet.map((f) => f.count);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
      }
    }
    const everything = await searchApi('limit=1');
    expect(everything.total).toBe(corpus.articles);
  });

  it('narrows by each facet value to exactly its count, and repeated site= params mean any of them', async () => {
    const all = await searchApi('limit=1');
    for (const f of all.facets.language) expect((await searchApi(`lang=${encodeURIComponent(f.value)}&limit=1&facets=false`)).total).toBe(f.count);
    for (const f of all.facets.section) expect((await searchApi(`section=${encodeURIComponent(f.value)}&limit=1&facets=false`)).total).toBe(f.count);
    expect(all.facets.site.length).toBeGreaterThanOrEqual(2);
    const [a, b] = all.facets.site;
    const both = await searchApi(`site=${a!.value}&site=${b!.value}&limit=1`);
    expect(both.total).toBe(a!.count + b!.count);
    expect(both.facets.site.map((f) => f.value).sort()).toEqual([a!.value, b!.value].sort());
  });

  it('shows sections as articles write them (with ة), and the spelling typed with ه filters the same', async () => {
    const arabic = await searchApi('lang=ar&limit=1');
    const withTaMarbuta = arabic.facets.section.find((f) => f.value.includes('ة'));
    expect(withTaMarbuta).toBeDefined();
    const typed = withTaMarbuta!.value.replace(/ة/g, 'ه');
    expect((await searchApi(`lang=ar&section=${encodeURIComponent(typed)}&limit=1&facets=false`)).total).toBe(withTaMarbuta!.count);
  });

  it('gives disjoint pages that together cover the first results', async () => {
    const first = await searchApi('limit=100&facets=false');
    const pages = await Promise.all([1, 2, 3].map((page) => searchApi(`limit=5&page=${page}&facets=false`)));
    const ids = pages.flatMap((p) => p.hits.map((h) => h.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(first.hits.slice(0, 15).map((h) => h.id));
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    const beyond = await searchApi(`limit=100&page=${Math.ceil(first.total / 100) + 1}&facets=false`);
    expect(beyond.hits).toEqual([]);
    expect(beyond.total).toBe(first.total);
  });

  it('orders by published date when asked, newest first', async () => {
    const r = await searchApi(`q=${encodeURIComponent((await hamzaWord('title')).typed)}&order=newest&limit=100&facets=false`);
    const ids = r.hits.map((h) => h.id);
    const relevance = await searchApi(`q=${encodeURIComponent((await hamzaWord('title')).typed)}&limit=100&facets=false`);
    expect(new Set(ids)).toEqual(new Set(relevance.hits.map((h) => h.id)));
    expect(r.hits.every((h) => h.score === 0)).toBe(true);
  });

  it('explains a query of only common words instead of searching', async () => {
    const r = await searchApi(`q=${encodeURIComponent('في')}`);
    expect(r.notice).toMatch(/common words/);
    expect(r.total).toBe(0);
    expect(r.hits).toEqual([]);
  });

  it('answers bad parameters with a 400 and a JSON error, and stays up', async () => {
    const bad = ['limit=1000', 'limit=0', 'limit=abc', 'page=-1', 'page=0', 'page=10001', 'after=2025-13', 'before=yesterday', `q=${encodeURIComponent('النفط after:2025-02-30')}`, 'order=oldest', 'facets=maybe'];
    for (const params of bad) {
      const res = await server.get(`/api/v1/search?${params}`);
      expect(res.status, params).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code, params).toBe('BAD_REQUEST');
      expect(body.error.message.length, params).toBeGreaterThan(0);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
    }
    expect((await server.get('/api/v1/health')).status).toBe(200);
    expect(server.errors).toEqual([]);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await server.get('/api/v1/openapi.json')).json()) as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    const names = doc.paths['/api/v1/search']?.get?.parameters?.map((p) => p.name) ?? [];
    expect(names).toEqual(expect.arrayContaining(['q', 'site', 'lang', 'section', 'author', 'after', 'before', 'order', 'limit', 'page', 'facets']));
  });
});

interface TimelineBody {
  interval: string;
  from: string | null;
  to: string | null;
  buckets: string[];
  series: { query: string; site: string | null; label: string; total: number; counts: number[] }[];
  undated: number;
}

async function timelineApi(params: string): Promise<TimelineBody> {
  const res = await server.get(`/api/v1/timeline?${params}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as TimelineBody;
}

const total = (counts: number[]): number => counts.reduce((a, b) => a + b, 0);

describe('GET /api/v1/timeline', () => {
  it('counts a query per day: the buckets add up to the series total, which is the search total', async () => {
    const { typed } = await hamzaWord('snippet');
    const t = await timelineApi(`q=${encodeURIComponent(typed)}`);
    const searched = await searchApi(`q=${encodeURIComponent(typed)}&limit=1&facets=false`);
    expect(t.interval).toBe('day');
    expect(t.series.length).toBe(1);
    const [s] = t.series;
    expect(s!.counts.length).toBe(t.buckets.length);
    expect(total(s!.counts)).toBe(s!.total);
    expect(s!.total + t.undated).toBe(searched.total);
    expect(s!.total).toBeGreaterThan(1);
    // zero-filled consecutive days from the first match to the last
    expect(t.buckets[0]).toBe(t.from);
    expect(t.buckets.at(-1)).toBe(t.to);
    for (let i = 1; i < t.buckets.length; i++) expect(Date.parse(t.buckets[i]!) - Date.parse(t.buckets[i - 1]!)).toBe(86_400_000);
    expect(s!.counts[0]).toBeGreaterThan(0);
    expect(s!.counts.at(-1)).toBeGreaterThan(0);
  });

  it('puts two queries side by side, each equal to its own search total', async () => {
    const arabic = (await hamzaWord('snippet')).typed;
    const first = (await searchApi('lang=en&limit=1&facets=false')).total;
    const t = await timelineApi(`q=${encodeURIComponent(arabic)}&q=lang:en&interval=week`);
    expect(t.interval).toBe('week');
    expect(t.series.map((s) => s.query)).toEqual([arabic, 'lang:en']);
    for (const s of t.series) expect(s.counts.length).toBe(t.buckets.length);
    expect(t.series[1]!.total).toBe(first);
    for (const b of t.buckets) expect(new Date(`${b}T00:00:00Z`).getUTCDay()).toBe(1); // Mondays
  });

  it('splits by site into series that add up to the query, bucket by bucket', async () => {
    const whole = await timelineApi('interval=month');
    const split = await timelineApi('interval=month&split=site');
    const sites = (await searchApi('limit=1')).facets.site;
    expect(split.series.map((s) => s.site).sort()).toEqual(sites.map((f) => f.value).sort());
    for (const s of split.series) expect(s.total).toBe(sites.find((f) => f.value === s.site)!.count);
    expect(split.buckets).toEqual(whole.buckets);
    const summed = split.buckets.map((_, i) => split.series.reduce((n, s) => n + s.counts[i]!, 0));
    expect(summed).toEqual(whole.series[0]!.counts);
  });

  it('applies the filter parameters to every query', async () => {
    const sites = (await searchApi('limit=1')).facets.site;
    const t = await timelineApi(`site=${sites[0]!.value}`);
    expect(t.series[0]!.total + t.undated).toBe(sites[0]!.count);
  });

  it('answers bad parameters with a 400', async () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((w) => `q=${w}`).join('&');
    for (const params of [five, 'interval=year', 'split=author', 'after=2025-02-30', `q=${encodeURIComponent('في')}`]) {
      const res = await server.get(`/api/v1/timeline?${params}`);
      expect(res.status, params).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code, params).toBe('BAD_REQUEST');
    }
    expect(server.errors).toEqual([]);
  });
});

interface TermsBody {
  terms: { term: string; normalized: string; count: number; share: number }[];
  sampled: number;
  total: number;
}

describe('GET /api/v1/terms', () => {
  it('lists the words of the Arabic articles, spelling variants together, shown as written, without stop words', async () => {
    const res = await server.get('/api/v1/terms?lang=ar&limit=100');
    expect(res.status).toBe(200);
    const body = (await res.json()) as TermsBody;
    const arabicTotal = (await searchApi('lang=ar&limit=1&facets=false')).total;
    expect(body.total).toBe(arabicTotal);
    expect(body.sampled).toBe(arabicTotal);
    expect(body.terms.length).toBeGreaterThan(10);
    expect(new Set(body.terms.map((t) => t.normalized)).size).toBe(body.terms.length);
    for (const t of body.terms) {
      expect(normalizeText(t.term)).toBe(t.normalized);
      expect(t.share).toBeCloseTo(t.count / body.sampled);
      expect(t.normalized).not.toMatch(/^\d/);
      expect(['في', 'من', 'على', 'الى', 'the', 'and']).not.toContain(t.normalized);
    }
    // the lead word of the snippets (أعلنت, written with a hamza) is shown with it, counted with any bare-alef spelling
    const { written } = await hamzaWord('snippet');
    const shown = body.terms.find((t) => t.normalized === normalizeText(written));
    expect(shown?.term).toBe(written);
    // each count is the number of articles the term's search finds among those read (all of them here)
    const checked = body.terms.find((t) => t.term === written)!;
    expect((await searchApi(`q=${encodeURIComponent(`"${checked.normalized}"`)}&lang=ar&limit=1&facets=false`)).total).toBeGreaterThanOrEqual(checked.count);
  });

  it('answers limit out of range and bad dates with a 400', async () => {
    for (const params of ['limit=0', 'limit=101', 'before=2025-00']) {
      const res = await server.get(`/api/v1/terms?${params}`);
      expect(res.status, params).toBe(400);
    }
  });
});
