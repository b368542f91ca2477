#!/usr/bin/env node
// Frontier benchmark: does a crawl's memory stay flat when its frontier holds a million URLs?
// The frontier lives in the store (SQLite), so queuing 1,000,000 URLs should cost disk, not RSS.
//   node bench/frontier-bench.mjs [--hosts 8] [--sizes 1250,12500,125000] [--max-articles 3000]
//        [--port 18180] [--crawlbench DIR] [--out DIR] [-- extra marsad crawl flags]
// For each site size (articles per host; the sitemaps list every article) it starts
// ../shared/crawlbench/site-server.mjs, runs `marsad crawl` with politeness off and
// --max-articles under /usr/bin/time -v, then `marsad stats --json`. It reports peak RSS,
// crawl time, the sitemap URLs read and the frontier by state. --max-pages-per-host is raised
// so that every sitemap URL may be queued (its default, 5000, is a crawl-trap backstop).
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArgs } from './cli-args.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = join(ROOT, 'dist/cli/main.js');
const { extra, flag } = benchArgs();
const hosts = Number(flag('--hosts', 8));
const sizes = String(flag('--sizes', '1250,12500,125000')).split(',').map(Number);
const maxArticles = Number(flag('--max-articles', 3000));
const port = Number(flag('--port', 18180));
const benchDir = resolve(flag('--crawlbench', join(ROOT, '../shared/crawlbench')));
const outRoot = resolve(flag('--out', join(ROOT, 'bench/runs', 'frontier')));

function run(command, args, options = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

async function startServer(articles, out) {
  const server = spawn(process.execPath, [join(benchDir, 'site-server.mjs'), '--hosts', String(hosts), '--articles', String(articles), '--port', String(port), '--log', join(out, 'requests.tsv')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await new Promise((resolveReady, reject) => {
    let buffer = '';
    server.stdout.on('data', (chunk) => {
      buffer += chunk;
      if (buffer.includes('\n')) resolveReady(JSON.parse(buffer.split('\n')[0]));
    });
    server.on('exit', (code) => reject(new Error(`site server exited with ${code}`)));
  });
  return { server, origins: ready.origins };
}

async function measure(articles) {
  const out = join(outRoot, `${hosts}x${articles}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const { server, origins } = await startServer(articles, out);
  const db = join(out, 'marsad.db');
  const crawlArgs = ['crawl', ...origins, '--db', db, '--log-format', 'json', '--json', '--concurrency', '16', '--delay-ms', '0', '--per-host', '4', '--max-articles', String(maxArticles), '--max-pages-per-host', String(articles + 10_000), ...extra];
  const loadBefore = loadavg()[0];
  const crawl = await run('/usr/bin/time', ['-v', process.execPath, CLI, ...crawlArgs]);
  server.kill('SIGTERM');
  await new Promise((r) => server.on('close', r));
  writeFileSync(join(out, 'crawler.log'), crawl.stderr);
  if (crawl.code !== 0) throw new Error(`marsad crawl exited with ${crawl.code}: ${crawl.stderr.slice(-2000)}`);
  const summary = JSON.parse(crawl.stdout.trim().split('\n').at(-1));
  const stats = JSON.parse((await run(process.execPath, [CLI, 'stats', '--json', '--db', db])).stdout);
  const time = (label) => Number(crawl.stderr.match(new RegExp(`${label}: ([\\d.]+)`))?.[1]);
  const cpuS = time('User time \\(seconds\\)') + time('System time \\(seconds\\)');
  const frontierTotal = Object.values(stats.frontier).reduce((a, b) => a + b, 0);
  const dbBytes = ['', '-wal'].reduce((sum, suffix) => {
    try {
      return sum + statSync(db + suffix).size;
    } catch {
      return sum;
    }
  }, 0);
  return {
    articlesPerHost: articles,
    sitemapUrls: hosts * articles,
    command: `node dist/cli/main.js ${crawlArgs.join(' ').replaceAll(out, '$OUT')}`,
    stoppedBy: summary.stoppedBy,
    crawlSeconds: Number((summary.elapsedMs / 1000).toFixed(1)),
    fetched: summary.fetched,
    sitemapsRead: summary.sitemaps,
    articlesStored: summary.articlesTotal,
    queuedThisRun: summary.queued,
    frontier: stats.frontier,
    frontierTotal,
    storeMb: Math.round(dbBytes / 1048576),
    crawlerCpuSeconds: Number(cpuS.toFixed(1)),
    crawlerPeakRssMb: Math.round(time('Maximum resident set size \\(kbytes\\)') / 1024),
    loadAvg1mBefore: Number(loadBefore.toFixed(2)),
    loadAvg1mAfter: Number(loadavg()[0].toFixed(2)),
  };
}

mkdirSync(outRoot, { recursive: true });
const results = [];
for (const articles of sizes) results.push(await measure(articles));
const report = { date: new Date().toISOString(), hosts, maxArticles, cores: cpus().length, node: process.version, results };
writeFileSync(join(outRoot, 'summary.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
