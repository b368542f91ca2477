// Trace entries that removed text the ground truth keeps (recall losses by rule).
import { extractArticle } from 'marsad';
import { loadDevset } from '../dataset.mjs';
const norm = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
for (const page of loadDevset()) {
  const art = extractArticle(page.html, { url: page.url });
  const exp = norm(page.expected);
  for (const t of art.extraction.trace) {
    if (!t.text || !t.step.startsWith('clean')) continue;
    const n = norm(t.text);
    if (n.length > 15 && exp.includes(n)) console.log(page.id.slice(0, 6), t.step, t.reason.slice(0, 50), '|', t.text.slice(0, 80));
  }
}
