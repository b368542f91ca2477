// Scores marsad on the development set with the benchmark's metric.
// Usage: node bench/score-devset.mjs [--worst N] [--id ID]
import { extractArticle } from 'marsad';
import { loadDevset } from './dataset.mjs';
import { scorePages, pageCounts, pagePrecision, pageRecall } from './metric.mjs';

const args = process.argv.slice(2);
const worst = Number(args[args.indexOf('--worst') + 1] ?? 0) || 0;
const only = args.includes('--id') ? args[args.indexOf('--id') + 1] : null;
const pages = loadDevset().filter((p) => !only || p.id.startsWith(only));
const pairs = [];
const rows = [];
for (const page of pages) {
  let predicted = '';
  try {
    predicted = extractArticle(page.html, { url: page.url ?? undefined }).text;
  } catch (error) {
    console.error(page.id, error.message);
  }
  pairs.push({ expected: page.expected, predicted });
  const c = pageCounts(page.expected, predicted);
  rows.push({ id: page.id.slice(0, 10), url: page.url, p: pagePrecision(c), r: pageRecall(c) });
}
const s = scorePages(pairs);
console.log(`pages ${pages.length}  P ${s.precision.toFixed(4)}  R ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}  acc ${s.accuracy.toFixed(3)}`);
if (worst) {
  rows.sort((a, b) => Math.min(a.p, a.r) - Math.min(b.p, b.r));
  for (const r of rows.slice(0, worst)) console.log(`${r.id} P ${r.p.toFixed(2)} R ${r.r.toFixed(2)} ${r.url}`);
}
