// The article-extraction-benchmark metric (../shared/data/scrapinghub/README.md):
// 4-token shingles as multisets, per-page tp/fp/fn normalised so each page weighs the same,
// precision and recall averaged over pages, F1 from the means.

const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Tokens: runs of Unicode word characters exactly as Python's `\w+` (letters, digits, underscore; combining marks split), case kept. */
export function tokenize(text) {
  return text.match(TOKEN) ?? [];
}

/** Multiset of 4-token shingles (1–3 tokens give one shingle of all of them). */
export function shingles(text) {
  const tokens = tokenize(text);
  const counts = new Map();
  if (tokens.length === 0) return counts;
  const n = Math.min(4, tokens.length);
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Normalised tp/fp/fn of one page. */
export function pageCounts(expected, predicted) {
  const truth = shingles(expected);
  const pred = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, t] of truth) {
    const p = pred.get(key) ?? 0;
    tp += Math.min(t, p);
    fn += Math.max(0, t - p);
  }
  for (const [key, p] of pred) fp += Math.max(0, p - (truth.get(key) ?? 0));
  const total = tp + fp + fn;
  if (total === 0) return { tp: 0, fp: 0, fn: 0 };
  return { tp: tp / total, fp: fp / total, fn: fn / total };
}

export function pagePrecision({ tp, fp, fn }) {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function pageRecall({ tp, fp, fn }) {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/**
 * Scores a set of pages: `pairs` is [{ expected, predicted }].
 * Returns { precision, recall, f1, accuracy, pages: [{precision, recall, f1}] }.
 */
export function scorePages(pairs) {
  const pPages = [];
  const rPages = [];
  const pages = [];
  let exact = 0;
  for (const { expected, predicted } of pairs) {
    const c = pageCounts(expected, predicted);
    const p = pagePrecision(c);
    const r = pageRecall(c);
    if (c.tp + c.fp > 0) pPages.push(p);
    if (c.tp + c.fn > 0) rPages.push(r);
    pages.push({ precision: p, recall: r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 });
    if (tokenize(expected).join(' ') === tokenize(predicted).join(' ')) exact++;
  }
  const mean = (xs) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const precision = mean(pPages);
  const recall = mean(rPages);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, accuracy: pairs.length ? exact / pairs.length : 0, pages };
}
