// Bootstrap spread of the development-set scores: resample the pages with replacement (1,000
// times by default, as the benchmark does) and recompute precision, recall and F1 from the
// per-page normalised counts; the spread says which F1 differences are noise.
import { pageCounts, pagePrecision, pageRecall } from './metric.mjs';

/**
 * 1.96 standard deviations (a 95% interval) of P, R and F1 over bootstrap resamples.
 * `pairs` is [{ expected, predicted }]; the seed makes the figure reproducible.
 */
export function bootstrapInterval(pairs, { resamples = 1000, seed = 1 } = {}) {
  const pages = pairs.map(({ expected, predicted }) => {
    const c = pageCounts(expected, predicted);
    return { p: pagePrecision(c), r: pageRecall(c), hasP: c.tp + c.fp > 0, hasR: c.tp + c.fn > 0 };
  });
  const random = mulberry32(seed);
  const samples = { precision: [], recall: [], f1: [] };
  for (let s = 0; s < resamples; s++) {
    let pSum = 0;
    let pN = 0;
    let rSum = 0;
    let rN = 0;
    for (let i = 0; i < pages.length; i++) {
      const page = pages[Math.floor(random() * pages.length)];
      if (page.hasP) {
        pSum += page.p;
        pN++;
      }
      if (page.hasR) {
        rSum += page.r;
        rN++;
      }
    }
    const precision = pN ? pSum / pN : 0;
    const recall = rN ? rSum / rN : 0;
    samples.precision.push(precision);
    samples.recall.push(recall);
    samples.f1.push(precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0);
  }
  return { precision: 1.96 * stdev(samples.precision), recall: 1.96 * stdev(samples.recall), f1: 1.96 * stdev(samples.f1) };
}

function stdev(xs) {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1));
}

/** A small seeded PRNG (mulberry32): uniform in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
