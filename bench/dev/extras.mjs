// Lists predicted blocks that are not in the ground truth (precision losses), across the dev set.
import { extractArticle } from 'marsad';
import { loadDevset } from '../dataset.mjs';
const norm = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const mode = process.argv[2] ?? 'extra';
for (const page of loadDevset()) {
  const art = extractArticle(page.html, { url: page.url });
  const exp = norm(page.expected);
  const pred = norm(art.text);
  if (mode === 'extra') {
    for (const b of art.blocks) if (!exp.includes(norm(b.text))) console.log(page.id.slice(0, 6), b.type.padEnd(9), JSON.stringify(b.text.slice(0, 110)));
  } else {
    for (const p of page.expected.split(/\n+/)) if (p.trim() && !pred.includes(norm(p))) console.log(page.id.slice(0, 6), JSON.stringify(p.slice(0, 110)));
  }
}
