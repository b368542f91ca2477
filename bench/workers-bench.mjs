#!/usr/bin/env node
// Workers benchmark (issue 12): `marsad worker` processes on one PostgreSQL database against
// ../shared/crawlbench's synthetic news web, side by side with the SQLite `marsad crawl` in the
// same run. Not a test: it prints and writes figures.
//   node bench/workers-bench.mjs [--pg postgres://postgres@127.0.0.1:5432/test] [--hosts 8]
//        [--articles 1250] [--port 8090] [--polite-seconds 60] [--only sqlite,pg1,pg2,pg4,polite,kill]
// Scenarios (each on a fresh site server and request log; each PostgreSQL one in a fresh schema):
//   sqlite  marsad crawl, politeness off (--delay-ms 0 --per-host 4 --concurrency 16)
//   pgN     N workers, the same flags, until every article is stored and nothing is due
//   polite  4 workers, --delay-ms 1000 --per-host 1, for --polite-seconds: per-host gaps and rate
//   kill    3 workers, politeness off, one killed with SIGKILL at 30% of the articles
// Rates are requests in the server's log over the span between its first and last request, so
// process start-up and this script's polling count for nobody. CPU: user+sys of the marsad
// processes (/usr/bin/time -v) and, for PostgreSQL, of the server's processes (/proc), per request.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { benchArgs } from './cli-args.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = join(ROOT, 'dist/cli/main.js');
const { flag } = benchArgs();
const PG = flag('--pg', 'postgres://postgres@127.0.0.1:5432/test');
const hosts = Number(flag('--hosts', 8));
const articles = Number(flag('--articles', 1250));
const port = Number(flag('--port', 8090));
const politeSeconds = Number(flag('--polite-seconds', 60));
const only = new Set(flag('--only', 'sqlite,pg1,pg2,pg4,polite,kill').split(','));
const benchDir = resolve(join(ROOT, '../shared/crawlbench'));
const out = join(ROOT, 'bench/runs/workers');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const expected = hosts * articles;
const FAST = ['--delay-ms', '0', '--per-host', '4', '--concurrency', '16'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startSite(name) {
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  const server = spawn(process.execPath, [join(benchDir, 'site-server.mjs'), '--hosts', String(hosts), '--articles', String(articles), '--port', String(port), '--log', join(dir, 'requests.tsv')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await new Promise((ok, fail) => {
    let buffer = '';
    server.stdout.on('data', (chunk) => {
      buffer += chunk;
      if (buffer.includes('\n')) ok(JSON.parse(buffer.split('\n')[0]));
    });
    server.on('exit', (code) => fail(new Error(`site server exited with ${code}`)));
  });
  return {
    dir,
    origins: ready.origins,
    async stop() {
      server.kill('SIGTERM');
      await new Promise((r) => server.on('close', r));
      return readLog(join(dir, 'requests.tsv'));
    },
  };
}

// t_ms host local host_header remote_port method status bytes kind path
function readLog(file) {
  const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1).map((line) => {
    const [t, host, , , , , status, , kind, path] = line.split('\t');
    return { t: Number(t), host, status: Number(status), kind, path };
  });
  return rows.sort((a, b) => a.t - b.t);
}

function logFigures(rows) {
  const byHost = new Map();
  for (const r of rows) byHost.set(r.host, [...(byHost.get(r.host) ?? []), r.t]);
  let minGap = Infinity;
  for (const times of byHost.values()) for (let i = 1; i < times.length; i++) minGap = Math.min(minGap, times[i] - times[i - 1]);
  const article = rows.filter((r) => r.kind === 'article' && r.status === 200);
  const unique = new Set(article.map((r) => `${r.host} ${r.path}`));
  const spanS = (rows.at(-1).t - rows[0].t) / 1000;
  return { requests: rows.length, spanS: round(spanS), pagesPerSec: round(rows.length / spanS), minPerHostGapMs: round(minGap, 2), articleFetches: article.length, duplicateArticleFetches: article.length - unique.size };
}

const round = (n, d = 1) => Number(n.toFixed(d));

/** CPU seconds of every PostgreSQL server process, the exited backends included (the postmaster's reaped children). */
function postgresCpuSeconds() {
  const tick = 100;
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    if (!comm.startsWith('postgres')) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11..14] = utime stime cutime cstime (stat fields 14-17)
    total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / tick;
  }
  return total;
}

function timed(args, name) {
  const child = spawn('/usr/bin/time', ['-v', process.execPath, CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  child.stdout.resume();
  const exited = new Promise((r) => child.on('close', (code, signal) => r({ code, signal })));
  return {
    name,
    child,
    exited,
    /** Signals the marsad process itself: /usr/bin/time would die of SIGTERM and leave it running. */
    kill(signal) {
      const pids = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      for (const pid of pids) process.kill(Number(pid), signal);
    },
    cpuSeconds() {
      const t = (label) => Number(stderr.match(new RegExp(`${label}: ([\\d.]+)`))?.[1] ?? NaN);
      return t('User time \\(seconds\\)') + t('System time \\(seconds\\)');
    },
    tail: () => stderr.slice(-2000),
  };
}

async function run(args) {
  const p = timed(args, args[0]);
  const { code } = await p.exited;
  if (code !== 0) throw new Error(`marsad ${args[0]} exited with ${code}: ${p.tail()}`);
  return p;
}

async function sqliteCrawl() {
  const site = await startSite('sqlite');
  const load = loadavg()[0];
  const crawl = await run(['crawl', ...site.origins, '--db', join(site.dir, 'marsad.db'), '--log-format', 'json', '--json', ...FAST]);
  const rows = await site.stop();
  const figures = logFigures(rows);
  return { scenario: 'sqlite crawl', ...figures, marsadCpuS: round(crawl.cpuSeconds()), postgresCpuS: 0, cpuMsPerPage: round((crawl.cpuSeconds() * 1000) / figures.requests), loadBefore: round(load, 2) };
}

async function freshSchema() {
  const schema = `workers_bench_${randomBytes(4).toString('hex')}`;
  return { schema, url: `${PG}${PG.includes('?') ? '&' : '?'}schema=${schema}` };
}

async function dropSchema(schema) {
  const client = new pg.Client({ connectionString: PG });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

/** Runs `count` workers until every article is stored and nothing is due or leased; `during` may act meanwhile. */
async function workers(name, count, flags, { during, stopAfterMs } = {}) {
  const site = await startSite(name);
  const { schema, url } = await freshSchema();
  await run(['sources', 'add', ...site.origins, '--db', url]);
  const db = new pg.Client({ connectionString: PG, options: `-c search_path=${schema}` });
  await db.connect();
  const n = async (sql) => Number((await db.query(sql)).rows[0].n);
  const load = loadavg()[0];
  const pgCpuBefore = postgresCpuSeconds();
  const procs = Array.from({ length: count }, (_, i) => timed(['worker', '--db', url, '--id', `${name}-${i + 1}`, '--log-format', 'json', '--min-poll', '1h', '--max-poll', '2h', ...flags], `${name}-${i + 1}`));
  const started = performance.now();
  const extra = {};
  let acted = false;
  for (;;) {
    await sleep(250);
    const stored = await n('SELECT count(*) AS n FROM articles').catch(() => 0);
    if (during && !acted) acted = await during({ stored, procs, db, extra });
    if (stopAfterMs !== undefined) {
      if (performance.now() - started >= stopAfterMs) break;
      continue;
    }
    if (stored < expected) continue;
    const pending = await n(`SELECT count(*) AS n FROM frontier WHERE state = 'fetching' OR (state = 'queued' AND next_fetch_at <= ${Date.now()})`);
    if (pending === 0) break;
  }
  const stopAsked = performance.now();
  for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.kill('SIGTERM');
  const exits = await Promise.all(procs.map((p) => p.exited));
  const stopS = (performance.now() - stopAsked) / 1000;
  const pgCpu = postgresCpuSeconds() - pgCpuBefore;
  const rows = await site.stop();
  const figures = logFigures(rows);
  const stored = await n('SELECT count(*) AS n FROM articles');
  const distinct = await n('SELECT count(DISTINCT canonical_url) AS n FROM articles');
  const fetchedTwice = (await db.query("SELECT url FROM fetch_log WHERE kind = 'page' GROUP BY url HAVING count(*) > 1")).rows.map((r) => r.url);
  const leased = await n("SELECT count(*) AS n FROM frontier WHERE state = 'fetching'");
  await db.end();
  await dropSchema(schema);
  const marsadCpu = procs.reduce((sum, p) => sum + (Number.isNaN(p.cpuSeconds()) ? 0 : p.cpuSeconds()), 0);
  return {
    scenario: name,
    workers: count,
    ...figures,
    articlesStored: stored,
    distinctArticles: distinct,
    frontierUrlsFetchedTwice: fetchedTwice.length,
    fetchedTwiceOutsideDeadLeases: extra.held ? fetchedTwice.filter((u) => !extra.held.has(u)).length : fetchedTwice.length,
    leasedAfterStop: leased,
    stopSeconds: round(stopS, 2),
    exitCodes: exits.map((e) => e.code ?? e.signal),
    marsadCpuS: round(marsadCpu),
    postgresCpuS: round(pgCpu),
    cpuMsPerPage: round(((marsadCpu + pgCpu) * 1000) / figures.requests),
    loadBefore: round(load, 2),
    ...(extra.killedAtStored ? { killedAtStored: extra.killedAtStored, deadWorkerLeases: extra.held.size } : {}),
    rows,
  };
}

function politeFigures(result) {
  const rows = result.rows;
  // The steady state: from 5 s after the first request on (start-up reads robots.txt and sitemaps first).
  // A host's rate is its gaps, not its requests, over the time they span: n requests make n - 1 gaps.
  const from = rows[0].t + 5000;
  const byHost = new Map();
  for (const r of rows) byHost.set(r.host, [...(byHost.get(r.host) ?? []), r.t]);
  let under1s = 0;
  let rateSum = 0;
  for (const times of byHost.values()) {
    for (let i = 1; i < times.length; i++) if (times[i] - times[i - 1] < 1000) under1s++;
    const steady = times.filter((t) => t >= from);
    if (steady.length > 1) rateSum += (steady.length - 1) / ((steady.at(-1) - steady[0]) / 1000);
  }
  return { steadyRequestsPerSec: round(rateSum, 2), possiblePerSec: byHost.size, shareOfPossible: round(rateSum / byHost.size, 3), gapsUnder1s: under1s };
}

const results = [];
const report = (r) => {
  const { rows: _rows, ...shown } = r;
  results.push(shown);
  console.log(JSON.stringify(shown));
};

if (only.has('sqlite')) report(await sqliteCrawl());
for (const count of [1, 2, 4]) if (only.has(`pg${count}`)) report(await workers(`pg${count}`, count, FAST));
if (only.has('polite')) {
  const r = await workers('polite', 4, ['--delay-ms', '1000', '--per-host', '1', '--concurrency', '16'], { stopAfterMs: politeSeconds * 1000 });
  report({ ...r, ...politeFigures(r) });
}
if (only.has('kill')) {
  report(await workers('kill', 3, [...FAST, '--lease-ms', '5000'], {
    async during({ stored, procs, db, extra }) {
      if (stored < expected * 0.3) return false;
      procs[1].kill('SIGKILL');
      await procs[1].exited;
      extra.killedAtStored = stored;
      extra.held = new Set((await db.query("SELECT url FROM frontier WHERE lease_owner = 'kill-2' AND state = 'fetching'")).rows.map((r) => r.url));
      return true;
    },
  }));
}
console.log(JSON.stringify({ date: new Date().toISOString(), cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, loadAfter: round(loadavg()[0], 2) }));
