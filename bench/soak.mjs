// Soak test of one SQLite store under load (issue 10): crawl + recrawl + import as writers, 8
// readers (search, stats, export, show, errors) in loops, the crawling writer killed with
// SIGKILL twice, for --minutes (default 10). Afterwards: PRAGMA integrity_check is ok, every
// article of the site and of the imported file is stored exactly once, and the search index
// agrees with the articles table. Not part of CI (it runs for minutes); results go to
// bench/soak-results.md with --write.
//
// Usage: npm run build && node bench/soak.mjs [--minutes 10] [--articles 200] [--write]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { startTestSite } from '../test/site/server.mjs';
import { benchArgs } from './cli-args.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const CLI = join(here, '../dist/cli/main.js');
const args = process.argv.slice(2);
const { flag } = benchArgs(args);
const minutes = Number(flag('--minutes', '10'));
const perHost = Number(flag('--articles', '200'));
const endAt = Date.now() + minutes * 60_000;
const dir = mkdtempSync(join(tmpdir(), 'marsad-soak-'));
const db = join(dir, 'soak.db');

function run(argv, { kill } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr = (stderr + c).slice(-4000)));
    child.stdout.resume();
    const timer = kill ? setTimeout(() => child.kill('SIGKILL'), kill) : null;
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

const site = await startTestSite({ crawlDelaySec: 0, articlesPerHost: perHost });
const imported = 500;
const jsonl = join(dir, 'wire.jsonl');
writeFileSync(jsonl, Array.from({ length: imported }, (_, i) => JSON.stringify({
  url: `https://wire.example/2025/10/28/story-${i}`, title: `Wire story ${i}`, text: `Story number ${i} from the wire desk, with details. `.repeat(20),
  published: '2025-10-28T10:00:00+00:00', language: 'en',
})).join('\n') + '\n');

const log = { writerRuns: [], kills: 0, readerRuns: 0, readerFailures: [] };
const crawlArgs = ['crawl', ...site.origins, '--db', db, '--delay-ms', '2', '--log-format', 'json'];

async function writers() {
  let kills = 0;
  let imports = 0;
  while (Date.now() < endAt) {
    // kill -9 the crawl twice, early in the run, a few seconds in
    const kill = kills < 2 ? 4000 + kills * 3000 : undefined;
    const crawl = await run(crawlArgs, { kill });
    log.writerRuns.push({ verb: 'crawl', code: crawl.code, signal: crawl.signal });
    if (crawl.signal === 'SIGKILL') {
      kills++;
      log.kills = kills;
      continue;
    }
    if (crawl.code !== 0) log.readerFailures.push({ verb: 'crawl (writer)', code: crawl.code, stderr: crawl.stderr.slice(-600) });
    site.updateArticle(site.articles()[imports % site.articles().length].path, `An update, round ${imports}.\n\n${'More text for the revision. '.repeat(30)}`);
    const recrawl = await run(['recrawl', '--all', '--limit', '50', '--db', db, '--delay-ms', '2', '--log-format', 'json']);
    log.writerRuns.push({ verb: 'recrawl', code: recrawl.code });
    if (recrawl.code !== 0) log.readerFailures.push({ verb: 'recrawl (writer)', code: recrawl.code, stderr: recrawl.stderr.slice(-600) });
    const imp = await run(['import', jsonl, '--force', '--db', db]);
    imports++;
    log.writerRuns.push({ verb: 'import', code: imp.code });
    if (imp.code !== 0) log.readerFailures.push({ verb: 'import (writer)', code: imp.code, stderr: imp.stderr.slice(-600) });
  }
}

const READERS = [
  ['search', 'وزير', '--db', db],
  ['search', 'minister', '--format', 'json', '--db', db],
  ['stats', '--json', '--db', db],
  ['export', '--format', 'jsonl', '--db', db],
  ['search', 'story', 'after:2025-01', '--db', db],
  ['errors', '--json', '--db', db],
  ['export', 'wire', '--format', 'csv', '--db', db],
  ['stats', '--db', db],
];

async function reader(argv) {
  while (Date.now() < endAt) {
    // a store not yet created is the only acceptable "failure" (the first seconds)
    const r = await run(argv);
    log.readerRuns++;
    if (r.code !== 0 && !/no store at/.test(r.stderr)) log.readerFailures.push({ verb: argv.join(' '), code: r.code, stderr: r.stderr.slice(-600) });
  }
}

const started = Date.now();
await Promise.all([writers(), ...READERS.map(reader)]);
// one last crawl to completion, then the checks
const final = await run(crawlArgs);
const conn = new Database(db, { readonly: true });
const integrity = conn.pragma('integrity_check', { simple: true });
const articles = conn.prepare('SELECT count(*) AS n FROM articles').get().n;
const distinct = conn.prepare('SELECT count(DISTINCT canonical_url) AS n FROM articles').get().n;
const versionsMismatch = conn.prepare('SELECT count(*) AS n FROM articles a WHERE a.version != (SELECT max(version) FROM article_versions v WHERE v.article_id = a.id)').get().n;
conn.close();
// bring the index up to date as any reader would, then compare it with the articles table
await run(['search', 'وزير', '--db', db]);
const conn2 = new Database(db, { readonly: true });
const indexed = conn2.prepare('SELECT count(*) AS n FROM search_docs').get().n;
const pending = conn2.prepare('SELECT count(*) AS n FROM search_pending').get().n;
const orphans = conn2.prepare('SELECT count(*) AS n FROM search_docs d LEFT JOIN articles a ON a.id = d.article_id WHERE a.id IS NULL').get().n;
conn2.close();
const expected = site.articles().length + imported;
await site.close();

const result = {
  minutes, elapsedS: Math.round((Date.now() - started) / 1000), finalCrawl: final.code, integrity, articles, expected, distinct, versionsMismatch,
  indexed, pending, orphans, kills: log.kills, writerRuns: log.writerRuns.length, readerRuns: log.readerRuns, failures: log.readerFailures.length,
};
const ok = integrity === 'ok' && articles === expected && distinct === articles && versionsMismatch === 0 && indexed === articles && pending === 0 && orphans === 0 && log.kills === 2 && log.readerFailures.length === 0 && final.code === 0;
console.log(JSON.stringify(result, null, 2));
for (const f of log.readerFailures.slice(0, 10)) console.log('FAILURE', JSON.stringify(f));
console.log(ok ? 'SOAK OK' : 'SOAK FAILED');

if (args.includes('--write')) {
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${loadavg()[0].toFixed(1)} at the end`;
  writeFileSync(join(here, 'soak-results.md'), `# Soak test: one SQLite store under load

Date ${date}; machine: ${machine}.
Command: \`npm run build && node bench/soak.mjs --minutes ${minutes} --articles ${perHost} --write\`

Writers in turn: \`crawl\` of the loopback test site (3 hosts, ${perHost} articles each; killed with SIGKILL ${log.kills} times, a few seconds in),
\`recrawl --all --limit 50\` after an article changed, \`import\` of ${imported} JSONL records (\`--force\`);
8 readers in loops at the same time: \`search\` (3 queries), \`stats\` (2), \`export\` (2), \`errors\`.

| check | result |
|---|---|
| verdict | ${ok ? '**ok**' : '**FAILED**'} |
| run | ${result.elapsedS} s, ${result.writerRuns} writer runs, ${result.readerRuns} reader runs |
| reader or writer failures | ${result.failures} |
| \`PRAGMA integrity_check\` | ${integrity} |
| articles stored / expected / distinct URLs | ${articles} / ${expected} / ${distinct} |
| articles whose version disagrees with their history | ${versionsMismatch} |
| search index: documents / articles, waiting, orphans | ${indexed} / ${articles}, ${pending}, ${orphans} |
| final crawl exit code | ${final.code} |
`);
  console.log('wrote bench/soak-results.md');
}
rmSync(dir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
