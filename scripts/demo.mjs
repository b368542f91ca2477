#!/usr/bin/env node
// `npm start`: serves the bundled demo news web on loopback (three hosts, Arabic and English,
// sitemaps, a news sitemap, feeds, sections, a windows-1256 page, a crawl trap, a robots.txt
// Disallow, and a deliberately hostile host), crawls it into ./marsad.db with `marsad crawl`,
// and prints what it found. Everything stays on 127.0.0.0/8.
//
// Run it again and the corpus stays one corpus: the demo hosts listen on the same port every
// time (DEMO_PORT, or the next free ones), so their URLs, which key the articles, are the same
// sites, and the crawl resumes with nothing new to fetch.
//
// Then it serves the corpus: `marsad serve` on http://127.0.0.1:8787/ (MARSAD_PORT; the next
// free port when taken), the web UI and the API, until Ctrl-C. A store that already holds the
// demo corpus is served at once, without crawling again (delete ./marsad.db to start over);
// MARSAD_DEMO_SERVE=0 stops after the crawl instead of serving.
//
// Ctrl-C stops the crawl first (it finishes the pages in flight and prints its summary), then
// the demo web, and only then does the prompt come back.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { startTestSite } from '../test/site/server.mjs';

const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const DB = process.env.MARSAD_DB ?? './marsad.db';
const DEMO_PORT = Number(process.env.DEMO_PORT ?? 47_231);
const SERVE_PORT = Number(process.env.MARSAD_PORT ?? 8787);
const SERVE = process.env.MARSAD_DEMO_SERVE !== '0';

let current = null; // the marsad child running now, to pass on a SIGTERM sent to this process alone
function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    current = child;
    child.on('close', (code, signal) => resolve(code ?? (signal === 'SIGINT' ? 130 : 1)));
  });
}

/** The same port each run when it is free (so the same sites); a few neighbours otherwise. */
async function startDemoSite() {
  for (let port = DEMO_PORT; port < DEMO_PORT + 5; port++) {
    const site = await startTestSite({ port }).catch(() => null);
    if (site && site.mode === 'ips') return site;
    await site?.close();
  }
  console.log(`(ports ${DEMO_PORT}-${DEMO_PORT + 4} are taken: the demo hosts get new ports, so this run's articles are new sites)`);
  return startTestSite();
}

// Ctrl-C reaches the crawl too (same process group): it stops cleanly and prints its summary.
// This process only waits for it, then closes the demo web.
let interrupted = false;
let serving = false; // the serve child is running: a signal to this process alone must reach it too
process.on('SIGINT', () => {
  interrupted = true;
  // a terminal's Ctrl-C reaches the whole group already; a SIGINT sent to this process alone
  // (kill -INT, a supervisor) would otherwise leave the server running without its parent
  if (serving) current?.kill('SIGINT');
});
process.on('SIGTERM', () => {
  interrupted = true;
  current?.kill('SIGTERM');
});

/** Articles of a finished crawl already in the store (0 when there is none, or the crawl was cut short: it resumes). */
function storedArticles() {
  if (!existsSync(DB)) return 0;
  try {
    const db = new Database(DB, { readonly: true });
    try {
      const pending = db.prepare("SELECT count(*) AS n FROM frontier WHERE state IN ('queued', 'fetching')").get().n;
      return pending > 0 ? 0 : db.prepare('SELECT count(*) AS n FROM articles').get().n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not a marsad store yet (or an older one): crawl into it
  }
}

/** SERVE_PORT when free on loopback, else 0 (any free port). */
function servePort() {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(0));
    probe.listen(SERVE_PORT, '127.0.0.1', () => probe.close(() => resolve(SERVE_PORT)));
  });
}

async function crawlDemo() {
  const site = await startDemoSite();
  console.log(`demo news web on loopback (${site.mode} mode):`);
  console.log(`  ar     ${site.hosts.ar}/   an Arabic news site: sitemap index, Google News sitemap, RSS, windows-1256 pages, an endless calendar (a crawl trap), a robots.txt Disallow`);
  console.log(`  en     ${site.hosts.en}/   an English news site: sitemap, Atom and JSON Feed, tracking links, a session-id trap, an old URL redirecting to its article`);
  console.log(`  mixed  ${site.hosts.mixed}/   a bilingual wire that is hostile on purpose: robots.txt Crawl-delay, a feed only at a guessed path,`);
  console.log('         a PDF at an article URL, and under /h/ slow and hanging responses, rate limits, flaky 5xx, redirect loops,');
  console.log('         huge bodies, a decompression bomb and an XML entity bomb — so some pages FAIL, and the summary says why.');
  console.log(`\nmarsad crawl ${site.origins.join(' ')} --db ${DB} --delay-ms 250\n`);
  let code = 1;
  try {
    code = await run(['crawl', ...site.origins, '--db', DB, '--delay-ms', '250']);
  } finally {
    await site.close();
  }
  if (code === 0 && !interrupted) {
    const db = new Database(DB, { readonly: true });
    const rows = db.prepare('SELECT host, title, published, language, word_count FROM articles ORDER BY published DESC LIMIT 12').all();
    console.log('\nnewest articles in the store:');
    for (const r of rows) console.log(`  ${String(r.published ?? '').slice(0, 10)}  ${String(r.language ?? '').padEnd(3)} ${String(r.word_count).padStart(4)} words  ${r.title}`);
    db.close();
    console.log('\nthe failed fetches above come from the hostile host; see them, then search the corpus:');
    console.log(`  node dist/cli/main.js errors --db ${DB}`);
    console.log(`  node dist/cli/main.js stats --db ${DB}`);
    console.log(`  node dist/cli/main.js search وزير --db ${DB}`);
    console.log(`  node dist/cli/main.js search "central bank" --db ${DB}`);
  } else if (interrupted) {
    console.log(`\nstopped; run npm start again to resume the crawl into ${DB}`);
  }
  return code;
}

const already = storedArticles();
let code = 0;
if (already > 0) console.log(`${DB} already holds ${already} articles of the demo crawl: serving them (delete ${DB} to crawl again)`);
else code = await crawlDemo();
if (code === 0 && !interrupted && SERVE) {
  // Ctrl-C reaches `serve` too (same process group): it closes the server and the store.
  const port = await servePort();
  console.log(`\nmarsad serve --db ${DB} --port ${port}   (Ctrl-C to stop)\n`);
  serving = true;
  code = await run(['serve', '--db', DB, '--port', String(port)]);
  if (code === 130 || interrupted) code = 0;
}
process.exitCode = code;
