// The HTTP API under load: `marsad serve` over a synthetic 100,000-article store (the search
// benchmark's corpus), driven by autocannon with 50 concurrent clients, one scenario at a time:
// search (the search benchmark's query mix, rotated per request), search with facets off,
// attention over time (one query; two queries split by site), top terms, and an article by id.
// The server keeps an answer while the store is unchanged, so the query mix repeated measures
// mostly that cache (as a dashboard many people watch would); the "uncached" scenarios send
// `Cache-Control: no-cache`, which makes the server compute every answer afresh.
// Reports p50/p95/p99 latency (from every response's own time, not autocannon's buckets, which
// have no p95), requests/s, non-2xx responses, and the server's peak RSS (sampled from /proc).
//
// Usage: npm run build && node bench/serve-bench.mjs [--db FILE] [--keep DIR] [--size 100000]
//          [--connections 50] [--seconds 10] [--out bench/serve-results.md] [--append]
//   --db: an existing store to serve; otherwise the search benchmark builds (or reuses, with
//   --keep DIR) DIR/search-<size>.db.
// Targets (issue 11): search p95 < 100 ms at 50 clients, timeline < 200 ms, server RSS < 300 MB.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearInterval, setInterval } from 'node:timers';
import autocannon from 'autocannon';

const { fetch } = globalThis; // Node's own fetch (the lint config knows no browser globals)
import { QUERIES } from './search-queries.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// MARSAD_DIST: another build of marsad to serve (e.g. `npx tsc -p tsconfig.build.json --outDir .dist-x`)
const CLI = join(process.env.MARSAD_DIST ? resolve(process.env.MARSAD_DIST) : join(ROOT, 'dist'), 'cli/main.js');
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const size = Number(args.size ?? 100_000);
const connections = Number(args.connections ?? 50);
const seconds = Number(args.seconds ?? 10);
const out = args.out ?? join(ROOT, 'bench/serve-results.md');

function storePath() {
  if (args.db) return args.db;
  const dir = args.keep ?? mkdtempSync(join(tmpdir(), 'marsad-serve-bench-'));
  const db = join(dir, `search-${size}.db`);
  if (!existsSync(db)) {
    process.stderr.write(`building a ${size}-article store in ${dir} (the search benchmark's corpus)…\n`);
    execFileSync(process.execPath, [join(ROOT, 'bench/search-bench.mjs'), '--sizes', String(size), '--reps', '1', '--keep', dir, '--out', join(dir, 'search-out.md')], { stdio: 'inherit' });
  }
  return db;
}

/** Starts `marsad serve` on a free port; resolves with its URL and pid once it prints the address. */
function startServe(db) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const m = /at (http:\/\/[^\s/]+)\//.exec(text);
      if (m) resolve({ url: m[1], child });
    });
    child.once('exit', (code) => reject(new Error(`marsad serve exited with ${code}: ${text}`)));
  });
}

/** Peak resident memory of a process, sampled every 100 ms while `during` runs. */
async function sampleRss(pid, during) {
  let peak = 0;
  const read = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb * 1024);
    } catch {
      /* the process ended */
    }
  };
  const timer = setInterval(read, 100);
  try {
    const result = await during();
    read();
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** One scenario: autocannon rotating through `paths`, every response's latency kept. */
function load(url, paths, duration = seconds, headers = {}, clients = connections) {
  return new Promise((resolve, reject) => {
    const times = [];
    let i = 0;
    const instance = autocannon(
      {
        url,
        connections: clients,
        duration,
        headers,
        requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        resolve({ requests: times.length, rps: result.requests.average, non2xx: result.non2xx, errors: result.errors + result.timeouts, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}

/** Waits until the server answers a health check quickly: requests a scenario left queued are done. */
async function settle(url) {
  for (let quick = 0, tries = 0; quick < 3 && tries < 600; tries++) {
    const t0 = performance.now();
    await fetch(`${url}/api/v1/health`).then((r) => r.arrayBuffer());
    quick = performance.now() - t0 < 20 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const enc = encodeURIComponent;
const NO_CACHE = { 'cache-control': 'no-cache' };
const searchQueries = Object.values(QUERIES).flat();
const searchPaths = searchQueries.map((q) => `/api/v1/search?q=${enc(q)}`);
const newestPaths = searchQueries.map((q) => `/api/v1/search?q=${enc(q)}&order=newest&facets=false`);
const timelinePaths = searchQueries.map((q) => `/api/v1/timeline?q=${enc(q)}&interval=day`);
const comparePaths = [['النفط', 'oil'], ['الحكومه', 'government'], ['المستشفي', 'hospital']].map(([a, b]) => `/api/v1/timeline?q=${enc(a)}&q=${enc(b)}&interval=week&split=site`);
const termsPaths = searchQueries.map((q) => `/api/v1/terms?q=${enc(q)}`);

const db = storePath();
const { url, child } = await startServe(db);
process.stderr.write(`serving ${db} at ${url}\n`);
try {
  // Article ids for the reader scenario: the first hits of a few searches.
  const ids = [];
  for (const q of searchQueries.slice(0, 8)) {
    const body = await (await fetch(`${url}/api/v1/search?q=${enc(q)}&limit=10&facets=false`)).json();
    for (const h of body.hits ?? []) ids.push(h.id);
  }
  const articlePaths = ids.map((id) => `/api/v1/articles/${id}`);
  const scenarios = [
    ['search (relevance, with facet counts)', searchPaths, 'p95 < 100 ms'],
    ['search, uncached (Cache-Control: no-cache)', searchPaths, 'p95 < 100 ms', NO_CACHE],
    ['search, uncached, 10 clients', searchPaths, '–', NO_CACHE, 10],
    ['search (newest first, no facets)', newestPaths, 'p95 < 100 ms'],
    ['timeline (one query, per day)', timelinePaths, 'p95 < 200 ms'],
    ['timeline (two queries, per week, split by site)', comparePaths, 'p95 < 200 ms'],
    ['timeline, uncached (Cache-Control: no-cache)', timelinePaths, 'p95 < 200 ms', NO_CACHE],
    ['article by id', articlePaths, '–'],
    ['top terms', termsPaths, '–'],
  ];
  await load(url, searchPaths, 2); // warm-up: caches, JIT
  const rows = [];
  let peakRss = 0;
  for (const [name, paths, target, headers, clients] of scenarios) {
    if (paths.length === 0) continue;
    await settle(url);
    const { result, peak } = await sampleRss(child.pid, () => load(url, paths, seconds, headers ?? {}, clients ?? connections));
    peakRss = Math.max(peakRss, peak);
    rows.push({ name, target, ...result, rss: peak });
    process.stderr.write(`${name}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.rps.toFixed(0)} req/s, non-2xx ${result.non2xx}, peak RSS ${(peak / 2 ** 20).toFixed(0)} MB\n`);
  }
  const articles = (await (await fetch(`${url}/api/v1/health`)).json()).articles;
  const failed = rows.filter((r) => r.non2xx + r.errors > 0);
  if (failed.length > 0) process.stderr.write(`WARNING: ${failed.map((r) => r.name).join(', ')} had non-2xx answers or errors (client timeouts count; all non-2xx: is the build current?)\n`);
  const date = new Date().toISOString().slice(0, 10);
  const md = [
    '# marsad serve under load',
    '',
    `${date}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`,
    `Store: ${articles} synthetic articles (bench/search-bench.mjs's corpus: 60 % Arabic, 40 sites, two years), SQLite.`,
    `Load: autocannon, ${connections} concurrent connections, ${seconds} s per scenario after a 2 s warm-up; the client runs on the same 2 cores as the server.`,
    '',
    `Command: \`npm run build && ${process.env.NODE_OPTIONS ? `NODE_OPTIONS="${process.env.NODE_OPTIONS}" ` : ''}node bench/serve-bench.mjs --keep /tmp/serve-bench\``,
    '',
    '| scenario | target | requests | req/s | p50 ms | p95 ms | p99 ms | non-2xx or timeouts | server peak RSS |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.target} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.non2xx + r.errors} | ${(r.rss / 2 ** 20).toFixed(0)} MB |`),
    '',
    `Server peak RSS over the whole run: ${(peakRss / 2 ** 20).toFixed(0)} MB (target < 300 MB).`,
    '',
  ].join('\n');
  // --append: add this run under the file's earlier ones (e.g. the same run with other V8 flags)
  if ('append' in args && existsSync(out)) writeFileSync(out, `${readFileSync(out, 'utf8')}\n${md.replace(/^# .*\n\n/, '## Another run\n\n')}`);
  else writeFileSync(out, md);
  process.stdout.write(md);
} finally {
  child.kill('SIGTERM');
}
