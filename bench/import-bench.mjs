// WARC import throughput: the development set's 181 pages written as a gzipped WARC (one gzip
// member per record, as crawlers write them), repeated to --pages, imported into a fresh SQLite
// store with --jobs 1 and 2. Reports pages per second and per core (extraction, storage and the
// search index included), and the peak RSS of the process.
// Usage: npm run build && node bench/import-bench.mjs [--pages 2000] [--jobs 1,2]
import { mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { setInterval, clearInterval } from 'node:timers';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import { loadDevset } from './dataset.mjs';
import { SqliteStore } from '../dist/store/index.js';
import { importFiles } from '../dist/import/index.js';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const total = Number(args.pages ?? 2000);
const jobsList = (args.jobs ?? '1,2').split(',').map(Number);

const pages = loadDevset();
const dir = mkdtempSync(join(tmpdir(), 'marsad-import-bench-'));
const warc = join(dir, 'devset.warc.gz');
const parts = [];
for (let i = 0; i < total; i++) {
  const page = pages[i % pages.length];
  const url = `${page.url ?? `https://devset.example/${page.id}`}${i >= pages.length ? `?copy=${Math.floor(i / pages.length)}` : ''}`;
  const record = WARCRecord.create(
    { url, date: '2025-11-01T10:00:00Z', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' }, statusline: 'HTTP/1.1 200 OK' },
    [Buffer.from(page.html, 'utf8')],
  );
  parts.push(await WARCSerializer.serialize(record, { gzip: true }));
}
writeFileSync(warc, Buffer.concat(parts));
const bytes = statSync(warc).size;

const rows = [];
for (const jobs of jobsList) {
  const store = new SqliteStore({ path: join(dir, `import-${jobs}.db`) });
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const t = performance.now();
  const result = await importFiles(store, [warc], { jobs });
  const seconds = (performance.now() - t) / 1000;
  clearInterval(timer);
  await store.close();
  const rate = result.records / seconds;
  rows.push({ jobs, pages: result.records, saved: result.saved.new + result.saved.updated + result.saved.unchanged, seconds, rate, perCore: rate / jobs, peakMb: peak / 2 ** 20 });
  process.stderr.write(`--jobs ${jobs}: ${rate.toFixed(1)} pages/s\n`);
}
rmSync(dir, { recursive: true, force: true });

const lines = [
  '## WARC import throughput',
  '',
  `Command: \`npm run build && node bench/import-bench.mjs --pages ${total} --jobs ${jobsList.join(',')}\``,
  `Input: the development set's ${pages.length} pages repeated to ${total} records, one gzipped WARC of ${(bytes / 2 ** 20).toFixed(1)} MB.`,
  'Each page is read, extracted, stored (with versions and near-duplicate links) and indexed for search.',
  '',
  '| --jobs | pages | seconds | pages/s | pages/s per core | peak RSS (MB) |',
  '|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.jobs} | ${r.pages} | ${r.seconds.toFixed(1)} | ${r.rate.toFixed(1)} | ${r.perCore.toFixed(1)} | ${r.peakMb.toFixed(0)} |`),
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
