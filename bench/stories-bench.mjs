// Stories benchmark (issue 13): quality on the ECB+ development set and speed and memory on a
// synthetic stream, in one run.
//
// Usage: npx tsc -p tsconfig.build.json --outDir .dist-stories
//        MARSAD_DIST=.dist-stories node --max-old-space-size=160 bench/stories-bench.mjs [--n 1000000] [--write]
//   --max-old-space-size: without it V8 lets garbage pile up to several times the live heap
//   before a full collection (RSS ~500 MB for ~75 MB live); with it RSS stays near the live size.
//   --n      synthetic articles to stream (default 1,000,000 over two years)
//   --write  writes bench/stories-results.md
//
// Quality: marsad's StoryClusterer (the code `marsad stories assign` runs) reads the 982 ECB+
// records in file order; B-cubed P/R/F1, pairwise F1 and the story count (gold 86), next to the
// plain TF-IDF single-pass baseline of the set's README (bench/stories/baseline.mjs).
// Speed: articles per second through StoryClusterer.add on one thread, the generator's time
// excluded. Memory: the process's peak RSS (generator included) over the whole stream.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tfidfSinglePass } from './stories/baseline.mjs';
import { ecbplusPath, loadEcbplus } from './stories/ecbplus.mjs';
import { scoreStories } from './stories/metric.mjs';
import { syntheticStream } from './stories/synthetic.mjs';

const dist = process.env.MARSAD_DIST ?? 'dist';
const { StoryClusterer } = await import(pathToFileURL(join(dist, 'stories/index.js')).href);
const args = process.argv.slice(2);
const value = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const n = Number(value('--n', 1_000_000));

const f3 = (x) => x.toFixed(3);
const row = (name, s) => `| ${name} | ${f3(s.b3.p)} | ${f3(s.b3.r)} | **${f3(s.b3.f1)}** | ${f3(s.pairwise.f1)} | ${s.stories} (gold ${s.goldStories}) |`;

// --- quality -------------------------------------------------------------------------------
// In a function, so that nothing of it stays alive during the stream (its memory is measured).
function quality() {
  const lines = [];
  if (ecbplusPath() !== null) {
    const docs = loadEcbplus();
    const gold = new Map(docs.map((d) => [d.id, d.story]));
    const started = performance.now();
    const clusterer = new StoryClusterer();
    const predicted = new Map(docs.map((d) => [d.id, clusterer.add(d).story]));
    const ms = performance.now() - started;
    const lower = new StoryClusterer();
    const predictedLower = new Map(docs.map((d) => [d.id, lower.add({ ...d, title: d.title.toLowerCase(), text: d.text.toLowerCase() }).story]));
    lines.push('| prediction | B³ P | B³ R | B³ F1 | pairwise F1 | stories |', '|---|---|---|---|---|---|');
    lines.push(row('marsad stories (StoryClusterer, committed model)', scoreStories(gold, predicted)));
    lines.push(row('marsad stories, text lowercased (no names view, as in Arabic)', scoreStories(gold, predictedLower)));
    lines.push(row('baseline: plain TF-IDF single pass, cosine ≥ 0.30 (README)', scoreStories(gold, tfidfSinglePass(docs, 0.3))));
    lines.push(row('baseline: plain TF-IDF single pass, cosine ≥ 0.32 (its best)', scoreStories(gold, tfidfSinglePass(docs, 0.32))));
    lines.push('', `ECB+ assignment time: ${ms.toFixed(0)} ms for ${docs.length} documents (cold start included).`);
  } else {
    lines.push('stories-ecbplus not found (set MARSAD_DATA): quality skipped.');
  }
  return lines;
}
const lines = quality();
console.log(lines.join('\n'));

// --- speed and memory ----------------------------------------------------------------------
const clusterer = new StoryClusterer();
let assignMs = 0;
let assignCpuMs = 0;
let count = 0;
let peakOpen = 0;
let words = 0;
let firstDay = null;
let lastDay = null;
const progressEvery = Math.max(1, Math.floor(n / 20));
// Articles are generated in chunks outside the timed loop; the loop is timed by the wall clock
// and by the process's CPU time (the machine is shared: CPU time is the figure that does not
// depend on what else runs).
const CHUNK = 5000;
const stream = syntheticStream(n);
for (let chunk = []; ; chunk = []) {
  // next() by hand: breaking out of a for…of would close the generator
  for (let item = stream.next(); !item.done; item = stream.next()) {
    chunk.push(item.value);
    if (chunk.length === CHUNK) break;
  }
  if (chunk.length === 0) break;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const article of chunk) clusterer.add(article);
  assignMs += performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  assignCpuMs += (cpu.user + cpu.system) / 1000;
  for (const article of chunk) {
    words += article.text.length / 7;
    count++;
    firstDay ??= article.published.slice(0, 10);
    lastDay = article.published.slice(0, 10);
    if (count % progressEvery === 0) {
      const rss = process.memoryUsage().rss / 1024 / 1024;
      console.error(`${count} articles, ${(count / (assignMs / 1000)).toFixed(0)}/s wall, ${(count / (assignCpuMs / 1000)).toFixed(0)}/s cpu, ${clusterer.openStories} open stories, rss ${rss.toFixed(0)} MB, day ${lastDay}`);
    }
  }
  peakOpen = Math.max(peakOpen, clusterer.openStories);
}
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const speed = count / (assignMs / 1000);
const cpuSpeed = count / (assignCpuMs / 1000);
const load = os.loadavg()[0].toFixed(1);
const perf = [
  `| articles | time span | words/article (≈) | articles/s per CPU-second | articles/s wall clock (load ${load} on ${os.cpus().length} cores) | stories opened | open stories (peak) | peak RSS |`,
  '|---|---|---|---|---|---|---|---|',
  `| ${count.toLocaleString('en')} | ${firstDay} → ${lastDay} | ${(words / count).toFixed(0)} | **${cpuSpeed.toFixed(0)}** | ${speed.toFixed(0)} | ${clusterer.storyCount.toLocaleString('en')} | ${peakOpen.toLocaleString('en')} | **${peakRssMb.toFixed(0)} MB** |`,
];
console.log(perf.join('\n'));

if (args.includes('--write')) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const md = `# Stories benchmark (issue 13)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu} (${os.cpus().length} cores, shared), Node ${process.version}, ${os.platform()} ${os.release()}.

Commands:

\`\`\`sh
npx tsc -p tsconfig.build.json --outDir .dist-stories
MARSAD_DIST=.dist-stories node ${process.execArgv.join(' ')}${process.execArgv.length > 0 ? ' ' : ''}bench/stories-bench.mjs --n ${n} --write
MARSAD_DIST=.dist-stories node bench/stories/train.mjs          # the model and its cross-validation
\`\`\`

## Quality on the ECB+ development set (982 English documents, 86 stories)

Records read in file order (the set has no dates: \`published\` is null, so no story ever closes
and time features are 0). Metric as in \`../shared/data/stories-ecbplus/README.md\`.

${lines.join('\n')}

## Speed and memory: a synthetic stream over two years

\`bench/stories/synthetic.mjs\`: stories of heavy-tailed size (most one or two articles), a third
of them in Arabic letters, articles of 120–320 words mixing the story's words, names and number
with Zipf-distributed common words; in time order. Speed counts only the time inside
\`StoryClusterer.add\` (articles are generated in chunks of 5,000 outside the timed loop), as CPU
time and as wall-clock time; the machine is shared, so the CPU figure is the one to compare. The
peak RSS is the whole process's (generator and one chunk included).

${perf.join('\n')}

Targets: ≥ 2,000 articles/s on one thread; ≤ 250 MB RSS.
`;
  writeFileSync(new URL('./stories-results.md', import.meta.url), md);
  console.log('wrote bench/stories-results.md');
}
