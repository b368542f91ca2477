// Quality floors on every development set, each scored with its own metric (bench/quality.mjs
// gives the full table). The floors sit under the current figures and rise as quality rises:
// bench/quality/floors.json holds them, so the bench's --floor check and this test agree.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/index.js';
import { pageBytesToHtml } from '../../src/pipeline/read-page.js';
import { dataDir, loadScrapinghub, loadTrafilatura, loadHtmldate, loadFundus } from '../../bench/quality/sets.mjs';
import { scorePages, scoreSnippets, scoreDates, titleRight, authorScores, dayRight } from '../../bench/quality/metrics.mjs';

type Floors = Record<string, Record<string, number>>;
const floors = JSON.parse(readFileSync(new URL('../../bench/quality/floors.json', import.meta.url), 'utf8')) as Floors;
const dir = dataDir() as string | null;
const SLOW = 600_000;

function run(page: { bytes: Uint8Array; url: string | null }, giveUrl = true) {
  try {
    return extractArticle(pageBytesToHtml(page.bytes).text, { url: giveUrl && page.url ? page.url : undefined });
  } catch {
    return null;
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);

describe.runIf(dir !== null)('development sets stay above their floors', () => {
  it(`scrapinghub body F1 >= ${floors.scrapinghub!['body.f1']}`, () => {
    const pages = loadScrapinghub(dir);
    const s = scorePages(pages.map((p) => ({ expected: p.body, predicted: run(p)?.text ?? '' })));
    expect(pages.length).toBe(181);
    expect(s.f1).toBeGreaterThanOrEqual(floors.scrapinghub!['body.f1']!);
  }, SLOW);

  it(`trafilatura-990 body F1 >= ${floors['trafilatura-990']!['body.f1']}`, () => {
    const pages = loadTrafilatura(dir);
    const s = scoreSnippets(pages.map((page) => ({ page, text: run(page)?.text ?? '' })));
    expect(pages.length).toBe(989);
    expect(s.f1).toBeGreaterThanOrEqual(floors['trafilatura-990']!['body.f1']!);
  }, SLOW);

  it(`htmldate-800 published F1 >= ${floors['htmldate-800']!['published.f1']} (from the HTML alone)`, () => {
    const pages = loadHtmldate(dir);
    const s = scoreDates(pages.map((page) => ({ page, published: run(page, false)?.published ?? null })));
    expect(pages.length).toBe(800);
    expect(s.f1).toBeGreaterThanOrEqual(floors['htmldate-800']!['published.f1']!);
  }, SLOW);

  it('fundus-news body, title, authors and published day above their floors', () => {
    const rows = loadFundus(dir).map((page) => ({ page, a: run(page) }));
    const f = floors['fundus-news']!;
    const body = scorePages(rows.map(({ page, a }) => ({ expected: page.body, predicted: a?.text ?? '' })));
    const titled = rows.filter(({ page }) => page.title != null);
    const authored = rows.filter(({ page }) => page.authors.length > 0);
    const dated = rows.filter(({ page }) => page.published != null);
    const figures: Record<string, number> = {
      'body.f1': body.f1,
      'title.exact': titled.filter(({ page, a }) => titleRight(page.title, a?.title)).length / titled.length,
      'authors.f1': mean(authored.map(({ page, a }) => authorScores(page.authors, a?.authors ?? []).f1)),
      'published.day': dated.filter(({ page, a }) => dayRight(page.published, a?.published)).length / dated.length,
    };
    expect(Object.keys(figures).sort()).toEqual(Object.keys(f).sort());
    for (const [key, floor] of Object.entries(f)) expect(figures[key], key).toBeGreaterThanOrEqual(floor);
  }, SLOW);
});
