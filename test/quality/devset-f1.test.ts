// Quality floor: the development set scored with the benchmark's metric. Raise FLOOR as quality rises.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/index.js';
import { devsetDir, loadDevset } from '../../bench/dataset.mjs';
import { scorePages } from '../../bench/metric.mjs';

const FLOOR = 0.97;

describe.runIf(devsetDir() !== null)('development set (scrapinghub, 181 pages)', () => {
  it(`scores F1 >= ${FLOOR}`, () => {
    const pairs = loadDevset().map((page) => ({
      expected: page.expected,
      predicted: extractArticle(page.html, { url: page.url ?? undefined }).text,
    }));
    const score = scorePages(pairs);
    expect(pairs.length).toBe(181);
    expect(score.f1).toBeGreaterThanOrEqual(FLOOR);
  });
});
