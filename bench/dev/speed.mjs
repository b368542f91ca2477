import { extractArticle } from 'marsad';
import { loadDevset } from '../dataset.mjs';
const pages = loadDevset();
for (const p of pages) extractArticle(p.html, { url: p.url });
for (let pass = 0; pass < 3; pass++) {
  const t = performance.now();
  const c = process.cpuUsage();
  for (const p of pages) extractArticle(p.html, { url: p.url });
  const s = (performance.now() - t) / 1000;
  const cu = process.cpuUsage(c);
  const cs = (cu.user + cu.system) / 1e6;
  console.log(`pass ${pass}: ${(pages.length / s).toFixed(1)} pages/s wall, ${(pages.length / cs).toFixed(1)} pages/s cpu`);
}
console.log('rss MB', Math.round(process.memoryUsage().rss / 1e6));
