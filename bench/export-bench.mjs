// Export memory at corpus scale: builds a store of N synthetic articles (with a revision history
// for some), then runs `marsad export` over the whole corpus once per format, each in its own child
// process, and reports records, seconds and peak RSS. Memory is flat when peak RSS does not grow
// with N. Articles go into the store's own tables in bulk SQL (the store's saveArticle is not what
// is measured); the schema is the store's, made by its migrations.
// Usage: npm run build && node bench/export-bench.mjs [--sizes 10000,100000,1000000]
//          [--formats jsonl,csv,parquet,markdown,text,versions] [--db PATH --keep] [--out FILE] [--trace]
// --db PATH reuses (and grows) that store instead of a temporary one; --keep leaves it on disk.
// Sizes run in increasing order over one store that grows between them. --trace prints each
// child's memory (rss, heap, external, array buffers) every second to stderr, and what is live
// after a forced full collection (which changes the peaks: trace runs are for looking, not for figures).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, openSync, closeSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { rng } from './rng.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};


/** A generator of realistic article records: Arabic and English text, metadata, links, an extraction trace. */
function articles(seed) {
  const rand = rng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const AR = `الحكومة وزير الخارجية الرئيس غزة لبنان مصر الأردن العراق سوريا النفط أسعار الأسواق الاقتصاد الانتخابات البرلمان
    المفاوضات الاتفاق وقف إطلاق النار المساعدات الإنسانية المستشفى الصحة التعليم المدارس الطلاب الجامعة الكهرباء الطاقة المياه
    في من على إلى عن مع بعد قبل خلال التي الذي هذا هذه قال أعلن أكد أشار وقال وأضاف حيث كما أن`.split(/\s+/);
  const EN = `government minister foreign president election parliament budget council market prices oil energy economy inflation
    bank interest rates workers unemployment strike hospital health schools students police court the of and in to a for on
    with as by at from that said was were is are has have`.split(/\s+/);
  // a long tail of synthetic word forms, so that text does not compress unrealistically well
  const forms = (letters, n) => Array.from({ length: n }, () => Array.from({ length: 3 + Math.floor(rand() * 6) }, () => pick(letters)).join(''));
  const AR_TAIL = forms('ابتثجحخدذرزسشصضطظعغفقكلمنهوي', 20_000);
  const EN_TAIL = forms('abcdefghiklmnoprstuvwy', 20_000);
  const SITES = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? `akhbar${i}.example` : `news${i}.example.com`));
  const sentence = (ar) => {
    const words = Array.from({ length: 8 + Math.floor(rand() * 12) }, () => (rand() < 0.6 ? pick(ar ? AR : EN) : pick(ar ? AR_TAIL : EN_TAIL)));
    return `${words.join(' ')}.`;
  };
  return (i) => {
    const ar = rand() < 0.6;
    const paragraphs = Array.from({ length: 3 + Math.floor(rand() * 6) }, () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => sentence(ar)).join(' '));
    const text = paragraphs.join('\n\n');
    const domain = pick(SITES);
    const url = `https://${domain}/${ar ? 'ar' : 'en'}/news/2025/${i}`;
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 700) * 86_400_000).toISOString().slice(0, 10);
    const links = Array.from({ length: Math.floor(rand() * 4) }, (_, k) => ({ url: `https://${domain}/news/${i - k - 1}`, text: sentence(ar).slice(0, 40) }));
    return {
      url, canonicalUrl: url, id: `e${i.toString(16).padStart(15, '0')}`, site: { name: ar ? `أخبار ${domain}` : domain, domain },
      title: sentence(ar).slice(0, 90), description: sentence(ar), authors: [ar ? 'أحمد علي' : 'Jane Doe'],
      published: `${day}T10:${String(i % 60).padStart(2, '0')}:00+03:00`, modified: null, language: ar ? 'ar' : 'en', direction: ar ? 'rtl' : 'ltr',
      image: rand() < 0.7 ? { url: `https://cdn.${domain}/img/${i}.jpg`, caption: sentence(ar).slice(0, 60) } : null,
      section: ar ? 'سياسة' : 'World', tags: rand() < 0.5 ? [pick(ar ? AR : EN), pick(ar ? AR : EN)] : [],
      blocks: [{ type: 'heading', level: 2, text: sentence(ar).slice(0, 50) }, ...paragraphs.map((p) => ({ type: 'paragraph', text: p }))], text,
      links: { inBody: links, related: [] }, wordCount: text.split(/\s+/).length, contentHash: (i * 2654435761 >>> 0).toString(16).padStart(16, '0'),
      extraction: { method: 'json-ld+dom', confidence: 0.9, trace: ['json-ld: NewsArticle', 'body: article > div.content', `blocks: ${paragraphs.length + 1}`] },
    };
  };
}

/** Opens (or creates) the store and appends synthetic articles until it holds `size`; every 5th has two versions. */
async function grow(path, size) {
  const { SqliteStore } = await import('../dist/store/index.js');
  const store = new SqliteStore({ path });
  const db = store.db;
  const have = db.prepare('SELECT count(*) AS n FROM articles').get().n;
  if (have > size) throw new Error(`${path} holds ${have} articles, more than ${size}: name another --db, or none`);
  if (have < size) {
    process.stderr.write(`  store: ${have} → ${size} articles…\n`);
    const make = articles(have + 1);
    const insert = db.prepare(`INSERT INTO articles (id, canonical_url, url, host, title, published, language, word_count, change_hash,
      version, first_seen_at, last_fetched_at, last_changed_at, next_recrawl_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`);
    const version = db.prepare('INSERT INTO article_versions (article_id, version, fetched_at, title, content_hash, record) VALUES (?, ?, ?, ?, ?, ?)');
    const batch = db.transaction((from, to) => {
      for (let i = from; i < to; i++) {
        const a = make(i);
        const t1 = 1_735_689_600_000 + i * 1000;
        const first = JSON.stringify(a);
        const updated = i % 5 === 0 ? { ...a, title: `${a.title} (updated)`, text: `${a.text}\n\nUpdate: ${a.title}` } : null;
        const latest = updated ?? a;
        const t = updated ? t1 + 3_600_000 : t1;
        insert.run(a.id, a.url, a.url, a.site.domain, latest.title, a.published, a.language, a.wordCount, a.id, updated ? 2 : 1, t1, t, t, updated ? JSON.stringify(updated) : first);
        version.run(a.id, 1, t1, a.title, a.contentHash, first);
        if (updated) version.run(a.id, 2, t, updated.title, a.contentHash, JSON.stringify(updated));
      }
    });
    for (let i = have; i < size; i += 5000) {
      batch(i, Math.min(size, i + 5000));
      if ((i + 5000) % 100_000 === 0) process.stderr.write(`    ${i + 5000}\n`);
    }
  }
  const versions = db.prepare('SELECT count(*) AS n FROM article_versions').get().n;
  await store.close();
  return { versions };
}

const FORMATS = {
  jsonl: ['-f', 'jsonl'],
  csv: ['-f', 'csv'],
  parquet: ['-f', 'parquet'],
  markdown: ['-f', 'markdown'],
  text: ['-f', 'text'],
  versions: ['-f', 'jsonl', '--with-versions'],
};

/** Runs one export in a child process, stdout to /dev/null (markdown into a temporary folder). */
async function runExport(db, format, trace) {
  const work = mkdtempSync(join(tmpdir(), 'marsad-export-bench-'));
  const statsFile = join(work, 'stats.json');
  const cli = ['export', '--db', db, ...FORMATS[format], ...(format === 'markdown' ? ['-o', join(work, 'md')] : [])];
  const devNull = openSync('/dev/null', 'w');
  const child = spawn(process.execPath, [...(trace ? ['--expose-gc'] : []), fileURLToPath(import.meta.url), '--child', statsFile, '--', ...cli], {
    stdio: ['ignore', devNull, 'pipe'],
    env: { ...process.env, EXPORT_BENCH_TRACE: trace ? '1' : '0' },
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
    if (trace) process.stderr.write(d);
  });
  const code = await new Promise((resolve) => child.on('close', resolve));
  closeSync(devNull);
  if (code !== 0 || !existsSync(statsFile)) throw new Error(`export ${format} failed (${code}): ${stderr}`);
  const stats = JSON.parse(readFileSync(statsFile, 'utf8'));
  const records = Number(/exported (\d+)|(\d+) articles written/.exec(stderr)?.slice(1).find(Boolean) ?? Number.NaN);
  rmSync(work, { recursive: true, force: true });
  return { format, records, ...stats };
}

async function main() {
  const sizes = option('sizes', '10000').split(',').map(Number).sort((a, b) => a - b);
  const formats = option('formats', Object.keys(FORMATS).join(',')).split(',');
  for (const f of formats) if (!(f in FORMATS)) throw new Error(`unknown format ${f}; one of ${Object.keys(FORMATS).join(', ')}`);
  const keep = flag('keep');
  const trace = flag('trace');
  const out = option('out', null);
  const tmp = option('db', null) === null ? mkdtempSync(join(tmpdir(), 'marsad-export-bench-db-')) : null;
  const db = option('db', null) ?? join(tmp, 'bench.db');
  const rows = [];
  for (const size of sizes) {
    process.stderr.write(`corpus of ${size} articles (${db})\n`);
    const { versions } = await grow(db, size);
    const bytes = statSync(db).size;
    for (const format of formats) {
      const load = loadavg()[0];
      const r = await runExport(db, format, trace);
      rows.push({ size, versions, bytes, load, ...r });
      process.stderr.write(`  ${format}: ${r.records} records, ${r.seconds.toFixed(1)} s, peak RSS ${(r.maxRss / 2 ** 20).toFixed(0)} MB\n`);
    }
  }
  if (tmp !== null && !keep) rmSync(tmp, { recursive: true, force: true });
  const mb = (x) => (x / 2 ** 20).toFixed(0);
  const lines = [
    `Command: \`node bench/export-bench.mjs --sizes ${sizes.join(',')}${option('formats', null) ? ` --formats ${formats.join(',')}` : ''}\``,
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}; ${new Date().toISOString().slice(0, 16)} UTC.`,
    '',
    '| corpus | store | format | records | seconds | load avg | RSS at start (MB) | peak RSS (MB) | peak heap used (MB) | peak external (MB) | peak array buffers (MB) |',
    '|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.size.toLocaleString('en')} | ${mb(r.bytes)} MB | ${r.format === 'versions' ? 'jsonl --with-versions' : r.format} | ${r.records.toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${r.load.toFixed(1)} | ${mb(r.startRss)} | ${mb(r.maxRss)} | ${mb(r.peak.heapUsed)} | ${mb(r.peak.external)} | ${mb(r.peak.arrayBuffers)} |`),
  ];
  const report = `${lines.join('\n')}\n`;
  if (out) writeFileSync(out, report);
  process.stdout.write(report);
}

/*
 * Child mode: `--child STATS_FILE -- <marsad arguments>` runs the real CLI in this process
 * (dist/cli/main.js reads process.argv) while sampling memory, and writes the peaks on exit.
 * Running the CLI itself, not the library, measures what a user's export costs.
 */
async function child() {
  const statsFile = option('child');
  const cliArgs = args.slice(args.indexOf('--') + 1);
  const trace = process.env.EXPORT_BENCH_TRACE === '1';
  const peak = { rss: 0, heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0 };
  const startRss = process.memoryUsage().rss;
  const started = performance.now();
  let lastTrace = 0;
  const sample = () => {
    const m = process.memoryUsage();
    for (const k of Object.keys(peak)) peak[k] = Math.max(peak[k], m[k]);
    if (trace && performance.now() - lastTrace >= 1000) {
      lastTrace = performance.now();
      // with --trace the child runs with --expose-gc: what survives a full collection is what is live
      globalThis.gc?.();
      const live = process.memoryUsage();
      const mb = (x) => (x / 2 ** 20).toFixed(0).padStart(5);
      process.stderr.write(`  [${((lastTrace - started) / 1000).toFixed(0).padStart(4)} s] rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} (live ${mb(live.heapUsed)}) ext ${mb(m.external)} (live ${mb(live.external)}) ab ${mb(m.arrayBuffers)} MB\n`);
    }
  };
  const timer = setInterval(sample, 50);
  timer.unref();
  // Writes to /dev/null complete synchronously, so an export may never yield to the event loop
  // and the timer above would not fire: sample from the stdout writes as well.
  let lastSample = 0;
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (...a) => {
    if (performance.now() - lastSample >= 50) {
      lastSample = performance.now();
      sample();
    }
    return write(...a);
  };
  process.on('exit', () => {
    sample();
    // The kernel's high-water mark of this process image (VmHWM), exact, unlike the 50 ms
    // samples. Not resourceUsage().maxRSS: on Linux that keeps the high-water mark of the process
    // before exec, i.e. of the parent at fork (a bench parent that had just deleted a million
    // Markdown files passed on 227 MB).
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : '');
    const maxRss = hwm ? Number(hwm[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
    writeFileSync(statsFile, JSON.stringify({ startRss, maxRss, peak, seconds: (performance.now() - started) / 1000 }));
  });
  process.argv = [process.argv[0], fileURLToPath(new URL('../dist/cli/main.js', import.meta.url)), ...cliArgs];
  await import('../dist/cli/main.js');
}


if (flag('child')) await child();
else await main();
