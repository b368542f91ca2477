#!/usr/bin/env node
// Crawl benchmark: marsad on ../shared/crawlbench's synthetic news web (site-server.mjs),
// the same site the Crawlee CheerioCrawler baseline was measured on.
//   node bench/crawl-bench.mjs [--mode fast|polite] [--hosts 8] [--articles 1250] [--port 8080]
//        [--crawlbench DIR] [--out DIR] [-- extra marsad crawl flags]
// fast: no per-host delay (--delay-ms 0 --per-host 4); polite: --delay-ms 1000 --per-host 1.
// Runs marsad under /usr/bin/time -v, then reads the server's request log: pages, pages/s,
// duplicate article fetches, robots-disallowed fetches and the smallest gap between two
// requests to one host. Writes summary.json into the run folder and prints it.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArgs } from './cli-args.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { extra, flag } = benchArgs();
const mode = flag('--mode', 'fast');
const hosts = Number(flag('--hosts', 8));
const articles = Number(flag('--articles', 1250));
const port = Number(flag('--port', 8080));
const benchDir = resolve(flag('--crawlbench', join(ROOT, '../shared/crawlbench')));
const out = resolve(flag('--out', join(ROOT, 'bench/runs', `crawl-${mode}-${hosts}x${articles}`)));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

function waitForReady(child) {
  return new Promise((resolveReady, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n')) resolveReady(JSON.parse(line));
    });
    child.on('exit', (code) => reject(new Error(`site server exited with ${code}`)));
  });
}

const server = spawn(process.execPath, [join(benchDir, 'site-server.mjs'), '--hosts', String(hosts), '--articles', String(articles), '--port', String(port), '--log', join(out, 'requests.tsv'), '--stats', join(out, 'server-stats.json')], { stdio: ['ignore', 'pipe', 'inherit'] });
const ready = await waitForReady(server);
const origins = ready.origins;
const modeFlags = mode === 'polite' ? ['--delay-ms', '1000', '--per-host', '1'] : ['--delay-ms', '0', '--per-host', '4'];
const crawlArgs = ['crawl', ...origins, '--db', join(out, 'marsad.db'), '--log-format', 'json', '--json', '--concurrency', '16', ...modeFlags, ...extra];
// Other work on the machine skews every timing here: the 1-minute load average is recorded.
const loadBefore = loadavg()[0];
const started = performance.now();
const crawler = spawn('/usr/bin/time', ['-v', process.execPath, join(ROOT, 'dist/cli/main.js'), ...crawlArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
let stdout = '';
let stderr = '';
crawler.stdout.on('data', (c) => (stdout += c));
crawler.stderr.on('data', (c) => (stderr += c));
const code = await new Promise((r) => crawler.on('close', r));
const wallS = (performance.now() - started) / 1000;
server.kill('SIGTERM');
await new Promise((r) => server.on('close', r));
writeFileSync(join(out, 'crawler.log'), stderr);
if (code !== 0) {
  console.error(stderr.slice(-4000));
  throw new Error(`marsad crawl exited with ${code}`);
}
const summary = JSON.parse(stdout.trim().split('\n').at(-1));
const time = (label) => stderr.match(new RegExp(`${label}: ([\\d.:]+)`))?.[1];

// The server's log: t_ms host local host_header remote_port method status bytes kind path
const rows = readFileSync(join(out, 'requests.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => {
  const [t, host, , , , , status, , kind, path] = line.split('\t');
  return { t: Number(t), host, status: Number(status), kind, path };
});
rows.sort((a, b) => a.t - b.t);
const byHost = new Map();
for (const r of rows) byHost.set(r.host, [...(byHost.get(r.host) ?? []), r.t]);
let minGap = Infinity;
let gapsUnder1s = 0;
for (const times of byHost.values()) {
  for (let i = 1; i < times.length; i++) {
    const gap = times[i] - times[i - 1];
    minGap = Math.min(minGap, gap);
    if (gap < 1000) gapsUnder1s++;
  }
}
const articleFetches = rows.filter((r) => r.kind === 'article' && r.status === 200);
const unique = new Set(articleFetches.map((r) => `${r.host} ${r.path}`));
const crawlS = summary.elapsedMs / 1000;
const result = {
  date: new Date().toISOString(),
  mode,
  hosts,
  articlesPerHost: articles,
  command: `node dist/cli/main.js ${crawlArgs.join(' ').replaceAll(out, '$OUT')}`,
  requests: rows.length,
  crawlSeconds: Number(crawlS.toFixed(1)),
  processWallSeconds: Number(wallS.toFixed(1)),
  pagesPerSec: Number((rows.length / crawlS).toFixed(1)),
  possiblePagesPerSec: mode === 'polite' ? hosts : null,
  articlesStored: summary.articlesTotal,
  articlesPerSec: Number((summary.articlesTotal / crawlS).toFixed(1)),
  uniqueArticlesFetched: unique.size,
  duplicateArticleFetches: articleFetches.length - unique.size,
  disallowedFetched: rows.filter((r) => r.path.startsWith('/search') || r.path.startsWith('/api/')).length,
  minPerHostGapMs: Number(minGap.toFixed(2)),
  perHostGapsUnder1s: gapsUnder1s,
  crawlerCpuSeconds: Number((Number(time('User time \\(seconds\\)')) + Number(time('System time \\(seconds\\)'))).toFixed(1)),
  crawlerPeakRssMb: Math.round(Number(time('Maximum resident set size \\(kbytes\\)')) / 1024),
  cpuMsPerPage: Number(((Number(time('User time \\(seconds\\)')) + Number(time('System time \\(seconds\\)'))) * 1000 / rows.length).toFixed(1)),
  loadAvg1mBefore: Number(loadBefore.toFixed(2)),
  loadAvg1mAfter: Number(loadavg()[0].toFixed(2)),
  cores: cpus().length,
  node: process.version,
};
writeFileSync(join(out, 'summary.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
