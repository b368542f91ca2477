#!/usr/bin/env node
// `npm start`: serves the bundled demo news web on loopback (three hosts, Arabic and English,
// sitemaps, a news sitemap, feeds, sections, a windows-1256 page, a crawl trap, a robots.txt
// Disallow), crawls it into ./marsad.db with `marsad crawl`, and prints what it found.
// Everything stays on 127.0.0.0/8. Run it again: the crawl resumes (nothing new to fetch).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { startTestSite } from '../test/site/server.mjs';

const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const DB = process.env.MARSAD_DB ?? './marsad.db';

function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const site = await startTestSite();
console.log(`demo news web on loopback (${site.mode} mode):`);
for (const [name, origin] of Object.entries(site.hosts)) console.log(`  ${name.padEnd(6)} ${origin}/`);
console.log(`\nmarsad crawl ${site.origins.join(' ')} --db ${DB} --delay-ms 250\n`);
let code = 1;
try {
  code = await run(['crawl', ...site.origins, '--db', DB, '--delay-ms', '250']);
} finally {
  await site.close();
}
if (code === 0) {
  const db = new Database(DB, { readonly: true });
  const rows = db.prepare('SELECT host, title, published, language, word_count FROM articles ORDER BY published DESC LIMIT 12').all();
  console.log('\nnewest articles in the store:');
  for (const r of rows) console.log(`  ${String(r.published ?? '').slice(0, 10)}  ${String(r.language ?? '').padEnd(3)} ${String(r.word_count).padStart(4)} words  ${r.title}`);
  db.close();
  console.log(`\nmore: node dist/cli/main.js stats --db ${DB}`);
}
process.exitCode = code;
