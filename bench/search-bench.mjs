// Search at corpus scale: builds synthetic corpora (Arabic and English news-like text), indexes
// them with marsad's search index and measures the indexing rate and query latency (p50/p95)
// for typical queries. Articles go into the store's articles table in bulk SQL (the store's own
// saveArticle is not what is measured); indexing is the search module's indexPendingArticles.
// Usage: npm run build && node bench/search-bench.mjs [--sizes 10000,1000000] [--reps 30] [--export] [--out bench/search-results.md]
//        [--keep DIR]: build each corpus in DIR/search-<size>.db and keep it; a later run with the
//        same DIR only measures the queries (the corpus is deterministic, so this is the same corpus).
// The 1,000,000 run takes about half an hour (and about 7 GB of disk); the default is 10,000.
//        [--postgres URL]: the same corpus and queries on the PostgreSQL store (schema bench_search_<size>
//        in that database, dropped afterwards unless --keep is given, then reused by a later run).
import { existsSync, mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../dist/store/index.js';
import { indexPendingArticles, optimizeParts, searchDatabase } from '../dist/search/index.js';
import { exportJsonl, exportParquet, selectArticles } from '../dist/export/index.js';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { setInterval, clearInterval } from 'node:timers';
import { rng } from './rng.mjs';
import { QUERIES, STRESS } from './search-queries.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const sizes = (args.sizes ?? '10000').split(',').map(Number);
const reps = Number(args.reps ?? 30);
const out = args.out ?? null;
// --export: also export the whole corpus to JSONL and Parquet (to /dev/null), with the peak RSS
const withExport = 'export' in args;

const rand = rng(42);
const pick = (list) => list[Math.floor(rand() * list.length)];

const AR_WORDS = `الحكومة وزير الخارجية الرئيس غزة لبنان مصر الأردن العراق سوريا النفط أسعار الأسواق الاقتصاد الانتخابات البرلمان
المفاوضات الاتفاق وقف إطلاق النار المساعدات الإنسانية المستشفى الصحة التعليم المدارس الطلاب الجامعة الكهرباء الطاقة المياه
الزراعة القمح الخبز التضخم البنك المركزي الفائدة الدولار الليرة الجنيه الدينار الموازنة العجز الضرائب الاستثمار الشركات
المصانع العمال البطالة الشباب المرأة الأطفال اللاجئين الحدود الجيش الأمن الشرطة المحكمة القضاء الدستور الحزب المعارضة
المظاهرات الاحتجاجات الصحفيين الإعلام التلفزيون الرياضة المنتخب كرة القدم المباراة البطولة الفريق الملعب الثقافة المهرجان
السينما الكتاب المعرض الفنانين التراث السياحة الفنادق الطيران المطار القطار الطرق المدينة القرية المحافظة البلدية السكان`.split(/\s+/);
const AR_GLUE = 'في من على إلى عن مع بعد قبل خلال التي الذي هذا هذه قال أعلن أكد أشار وقال وأضاف حيث كما أن'.split(' ');
const AR_CLITICS = ['', '', '', 'و', 'ب', 'ل', 'ف'];
const EN_WORDS = `government minister foreign president election parliament budget council market prices oil energy economy inflation bank
interest rates dollar currency workers unemployment strike union hospital health schools students university teachers police
court judge law constitution party opposition protest journalists media television football match championship team stadium
festival cinema museum tourism hotels airport railway roads city village province residents water climate heatwave storm
flood drought farmers wheat bread exports imports trade tariffs investment companies factories technology startup internet`.split(/\s+/);
const EN_GLUE = 'the of and in to a for on with as by at from that said was were is are has have'.split(' ');
// Set phrases of news text (collocations): 0.5 % of words start one, so "exact phrase" queries
// find real adjacent pairs, as they do in news, rather than chance neighbours.
const AR_PHRASES = ['وزير الخارجية', 'وقف إطلاق النار', 'أسعار النفط', 'البنك المركزي', 'رئيس الحكومة', 'مجلس الأمن'];
const EN_PHRASES = ['foreign minister', 'oil prices', 'central bank', 'prime minister', 'interest rates', 'security council'];
const SITES = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? `akhbar${i}.example` : `news${i}.example.com`));

/*
 * Vocabulary with a realistic long tail: the real words above are spread over the first ranks
 * (every 40th rank from rank 40) of a 40,000-form vocabulary filled with synthetic forms, and
 * words are drawn with P(rank) ∝ 1/rank (Zipf), as in natural text.
 *
 * Calibration: with ~130 content words per article, rank 40 gives a word in about 26 % of the
 * articles of its language, rank 80 about 14 %, rank 480 about 2.5 %. That is the range of
 * real news: on the 181 articles of the extraction development set, "government" is in 13 % of
 * them, "president" 21 %, "police" 11 %, "election" 6 %, "hospital" 4 %, "oil" 2 %. (Until
 * 2026-11-29 the first real word sat at rank 0, the frequency of "the" in this distribution,
 * which put الحكومة and "government" in every article of their language.) Words in most
 * articles, like "said" (57 % of the development set), are measured as their own query type:
 * the glue words قال and "said" are in over 90 % of the synthetic articles of their language.
 */
const VOCAB_SIZE = 40_000;
function vocabulary(real, letters, minLen, maxLen) {
  const vocab = [];
  for (let r = 0; r < VOCAB_SIZE; r++) {
    if (r > 0 && r % 40 === 0 && r / 40 - 1 < real.length) vocab.push(real[r / 40 - 1]);
    else {
      const n = minLen + Math.floor(rand() * (maxLen - minLen + 1));
      let w = '';
      for (let i = 0; i < n; i++) w += letters[Math.floor(rand() * letters.length)];
      vocab.push(w);
    }
  }
  return vocab;
}
const AR_VOCAB = vocabulary(AR_WORDS, 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي', 3, 7);
const EN_VOCAB = vocabulary(EN_WORDS, 'abcdefghiklmnoprstuvwy', 4, 9);
const zipfRank = () => Math.min(VOCAB_SIZE - 1, Math.floor(Math.exp(rand() * Math.log(VOCAB_SIZE + 1))) - 1);

function arabicSentence() {
  const words = [];
  const n = 8 + Math.floor(rand() * 10);
  for (let i = 0; i < n; i++) {
    const r = rand();
    words.push(r < 0.35 ? pick(AR_GLUE) : r < 0.355 ? pick(AR_PHRASES) : pick(AR_CLITICS) + AR_VOCAB[zipfRank()]);
  }
  return `${words.join(' ')}.`;
}
function englishSentence() {
  const words = [];
  const n = 8 + Math.floor(rand() * 12);
  for (let i = 0; i < n; i++) {
    const r = rand();
    words.push(r < 0.4 ? pick(EN_GLUE) : r < 0.405 ? pick(EN_PHRASES) : EN_VOCAB[zipfRank()]);
  }
  return `${words.join(' ')}.`;
}

function article(i) {
  const ar = rand() < 0.6;
  const sentence = ar ? arabicSentence : englishSentence;
  const paragraphs = Array.from({ length: 3 + Math.floor(rand() * 5) }, () => Array.from({ length: 2 + Math.floor(rand() * 3) }, sentence).join(' '));
  const text = paragraphs.join('\n\n');
  const domain = pick(SITES);
  const url = `https://${domain}/news/${i}`;
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 700) * 86_400_000).toISOString().slice(0, 10);
  return {
    url, canonicalUrl: url, id: `b${i.toString(16).padStart(15, '0')}`, site: { name: domain, domain },
    title: sentence().slice(0, 90), description: null, authors: [ar ? 'أحمد علي' : 'Jane Doe'], published: `${day}T10:00:00+03:00`,
    modified: null, language: ar ? 'ar' : 'en', direction: ar ? 'rtl' : 'ltr', image: null, section: ar ? 'سياسة' : 'World', tags: [],
    blocks: paragraphs.map((p) => ({ type: 'paragraph', text: p })), text, links: { inBody: [], related: [] },
    wordCount: text.split(/\s+/).length, contentHash: null, extraction: { method: 'synthetic', confidence: 1, trace: [] },
  };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

const keep = args.keep ?? null;
const postgres = args.postgres ?? null;

async function run(size) {
  if (postgres !== null) return runPostgres(size);
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'marsad-search-bench-'));
  const path = join(dir, keep ? `search-${size}.db` : 'bench.db');
  const reuse = keep !== null && existsSync(path);
  const store = new SqliteStore({ path });
  const db = store.db;
  const built = reuse ? null : build(db, size);
  const words = db.prepare("SELECT sum(word_count) AS n FROM articles").get().n;
  const bytes = statSync(path).size;
  const perType = await measureQueries(db);
  const typical = Object.values(perType).filter((t) => t.typical);
  const all = typical.flatMap((t) => t.times).sort((a, b) => a - b);
  const allCpu = typical.flatMap((t) => t.cpu).sort((a, b) => a - b);
  const load = loadavg()[0];
  const exports = withExport ? await measureExports(store) : null;
  await store.close();
  if (!keep) rmSync(dir, { recursive: true, force: true });
  return { exports, size, ...(built ?? { storeSeconds: NaN, indexSeconds: NaN }), rate: built ? size / built.indexSeconds : NaN, words, bytes, perType, p50: percentile(all, 0.5), p95: percentile(all, 0.95), cpu95: percentile(allCpu, 0.95), load };
}

/** Fills the articles table with the synthetic corpus and indexes it. */
function build(db, size) {
  const insert = db.prepare(`INSERT INTO articles (id, canonical_url, url, host, title, published, language, word_count, change_hash,
    version, first_seen_at, last_fetched_at, last_changed_at, next_recrawl_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, 0, 0, 0, ?)`);
  const started = performance.now();
  const batch = db.transaction((from, to) => {
    for (let i = from; i < to; i++) {
      const a = article(i);
      insert.run(a.id, a.url, a.url, a.site.domain, a.title, a.published, a.language, a.wordCount, a.id, JSON.stringify(a));
    }
  });
  for (let i = 0; i < size; i += 5000) batch(i, Math.min(size, i + 5000));
  const storeSeconds = (performance.now() - started) / 1000;
  const t0 = performance.now();
  let last = 0;
  indexPendingArticles(db, {
    batchSize: 2000,
    onBatch: (p) => {
      if (p.indexed - last >= 100_000) {
        last = p.indexed;
        process.stderr.write(`  indexed ${p.indexed}\n`);
      }
    },
  });
  const indexSeconds = (performance.now() - t0) / 1000;
  optimizeParts(db);
  return { storeSeconds, indexSeconds };
}

/** The same corpus and queries on PostgreSQL: articles and their search rows written in bulk, then searched with search(). */
async function runPostgres(size) {
  const { openStore } = await import('../dist/store/index.js');
  const schema = `bench_search_${size}`;
  const store = await openStore(`${postgres}${postgres.includes('?') ? '&' : '?'}schema=${schema}`);
  const reuse = keep !== null && (await store.countArticles()) === size;
  if (!reuse) await store.pool.query('TRUNCATE articles, article_versions, search_docs, search_pending');
  const built = reuse ? null : await buildPostgres(store, size);
  const words = (await store.pool.query('SELECT sum(word_count)::bigint AS n FROM articles')).rows[0].n;
  const bytes = (await store.pool.query(`SELECT sum(pg_total_relation_size(c.oid))::bigint AS n FROM pg_class c
    JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = $1 AND c.relkind = 'r'`, [schema])).rows[0].n;
  const perType = await measureQueries(store);
  const typical = Object.values(perType).filter((t) => t.typical);
  const all = typical.flatMap((t) => t.times).sort((a, b) => a - b);
  const allCpu = typical.flatMap((t) => t.cpu).sort((a, b) => a - b);
  const load = loadavg()[0];
  const exports = withExport ? await measureExports(store) : null;
  if (keep === null) await store.pool.query(`DROP SCHEMA ${schema} CASCADE`);
  await store.close();
  return { exports, size, ...(built ?? { storeSeconds: NaN, indexSeconds: NaN }), rate: built ? size / built.indexSeconds : NaN, words, bytes, perType, p50: percentile(all, 0.5), p95: percentile(all, 0.95), cpu95: percentile(allCpu, 0.95), load };
}

/** Fills the PostgreSQL articles and search_docs tables with the synthetic corpus (the search rows as the store writes them on save). */
async function buildPostgres(store, size) {
  const [{ buildIndexDocument }, { documentVector }, { reverseHost }, { normalizeText }, { publishedUtc }] = await Promise.all([
    import('../dist/search/index-text.js'), import('../dist/search/postgres/tsvector.js'), import('../dist/search/facets.js'),
    import('../dist/search/normalize-arabic.js'), import('../dist/search/sqlite-index.js')]);
  let storeMs = 0;
  let indexMs = 0;
  for (let from = 0; from < size; from += 1000) {
    const articles = Array.from({ length: Math.min(1000, size - from) }, (_, k) => article(from + k));
    let t = performance.now();
    await store.pool.query(`INSERT INTO articles (id, canonical_url, url, host, title, published, language, word_count, change_hash,
      version, first_seen_at, last_fetched_at, last_changed_at, next_recrawl_at, record)
      SELECT id, url, url, host, title, published, language, word_count, id, 1, 0, 0, 0, 0, record
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[]) WITH ORDINALITY
        AS u (id, url, host, title, published, language, word_count, record, n) ORDER BY n`, [
      articles.map((a) => a.id), articles.map((a) => a.url), articles.map((a) => a.site.domain), articles.map((a) => a.title),
      articles.map((a) => a.published), articles.map((a) => a.language), articles.map((a) => a.wordCount), articles.map((a) => JSON.stringify(a))]);
    storeMs += performance.now() - t;
    t = performance.now();
    await store.pool.query(`INSERT INTO search_docs (article_id, seq, site_rev, language, section, authors, published, doc)
      SELECT u.id, a.seq, u.site_rev, u.language, u.section, u.authors, u.published, u.doc::tsvector
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u (id, site_rev, language, section, authors, published, doc)
      JOIN articles a ON a.id = u.id`, [
      articles.map((a) => a.id), articles.map((a) => reverseHost(a.site.domain)), articles.map((a) => a.language),
      articles.map((a) => normalizeText(a.section)), articles.map((a) => `\n${a.authors.map((x) => normalizeText(x)).join('\n')}\n`),
      articles.map((a) => publishedUtc(a.published)), articles.map((a) => documentVector(buildIndexDocument(a)))]);
    indexMs += performance.now() - t;
    if ((from + 1000) % 100_000 === 0) process.stderr.write(`  stored and indexed ${from + 1000}\n`);
  }
  const t = performance.now();
  await store.pool.query('VACUUM ANALYZE articles');
  await store.pool.query('VACUUM ANALYZE search_docs'); // merges the GIN index's pending list, as optimizeParts merges FTS5 segments
  indexMs += performance.now() - t;
  return { storeSeconds: storeMs / 1000, indexSeconds: indexMs / 1000 };
}

/**
 * Runs every query type `reps` times after a warm-up: latency per call of searchDatabase(), and
 * the CPU time it used (the steadier figure on a shared machine).
 */
async function measureQueries(db) {
  const { search } = await import('../dist/search/search.js');
  // a SQLite connection is searched directly; a PostgreSQL store through search()
  const searchOnce = postgres === null ? async (q, options) => searchDatabase(db, q, options) : (q, options) => search(db, q, options);
  const perType = {};
  const types = [...Object.entries(QUERIES).map(([t, q]) => [t, q, true]), ...Object.entries(STRESS).map(([t, q]) => [t, q, false])];
  for (const [type, queries, typical] of types) {
    const order = type === 'newest order' ? 'newest' : undefined;
    const times = [];
    const cpu = [];
    let hits = 0;
    for (const q of queries) await searchOnce(q, { order }); // warm-up
    for (let r = 0; r < reps; r++) {
      for (const q of queries) {
        const c = process.cpuUsage();
        const t = performance.now();
        const res = await searchOnce(q, { limit: 20, order });
        times.push(performance.now() - t);
        const used = process.cpuUsage(c);
        cpu.push((used.user + used.system) / 1000);
        hits += res.total;
      }
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    perType[type] = { typical, times, cpu, p50: percentile(times, 0.5), p95: percentile(times, 0.95), cpu95: percentile(cpu, 0.95), avgTotal: Math.round(hits / (reps * queries.length)) };
  }
  return perType;
}

/** Exports everything to /dev/null; memory must not grow with the corpus (records stream in batches). */
async function measureExports(store) {
  const rows = [];
  for (const [format, write] of [['jsonl', exportJsonl], ['parquet', exportParquet]]) {
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const sink = createWriteStream('/dev/null');
    const t = performance.now();
    const n = await write(selectArticles(store), sink);
    sink.end();
    await once(sink, 'close');
    clearInterval(timer);
    rows.push({ format, n, seconds: (performance.now() - t) / 1000, startMb: before / 2 ** 20, peakMb: peak / 2 ** 20 });
  }
  return rows;
}

const results = [];
for (const size of sizes) {
  process.stderr.write(`corpus of ${size} articles…\n`);
  const r = await run(size);
  results.push(r);
  process.stderr.write(`  index ${r.rate.toFixed(0)} articles/s, p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms\n`);
}

const ms = (x) => x.toFixed(2);
const lines = [
  '# Search benchmark',
  '',
  `Command: \`npm run build && node bench/search-bench.mjs --sizes ${sizes.join(',')} --reps ${reps}${keep ? ' --keep DIR' : ''}${postgres ? ' --postgres URL' : ''}\``,
  ...(postgres ? ['', 'Store: **PostgreSQL** (search() over search_docs: GIN index on marsad\'s stems, ts_rank_cd); DB size is the schema\'s tables with their indexes and TOAST.'] : []),
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`,
  '',
  'Synthetic news-like articles, 60 % Arabic (with clitics) and 40 % English, Zipf-distributed over 40,000 word forms\n' +
  'per language, 40 sites, dates over two years,',
  `about 200 words each. Latency is ${postgres ? '`search()` end to end: parse, tsquery match through the GIN index with ts_rank_cd' : '`searchDatabase()` end to end: parse, FTS5 match with bm25'}, filters, the total`,
  'count, 20 hits read from the store and their snippets cut from the original text. p50/p95 are over the typical',
  'query types (all but the stress row); CPU p95 is the CPU time of the same calls; load is the 1-minute load average.',
  '',
  '| articles | words | DB size | index rate (articles/s) | query p50 (ms) | query p95 (ms) | CPU p95 (ms) | load |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map((r) => `| ${r.size.toLocaleString('en')} | ${(r.words / 1e6).toFixed(1)} M | ${(r.bytes / 2 ** 20).toFixed(0)} MB | ${Number.isNaN(r.rate) ? '(reused)' : r.rate.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.cpu95)} | ${r.load.toFixed(1)} |`),
  '',
  ...results.flatMap((r) => [
    `## ${r.size.toLocaleString('en')} articles, by query type`,
    '',
    '| query type | p50 (ms) | p95 (ms) | CPU p95 (ms) | matches per query |',
    '|---|---:|---:|---:|---:|',
    ...Object.entries(r.perType).map(([t, v]) => `| ${t}${v.typical ? '' : ' (stress, not in the totals)'} | ${ms(v.p50)} | ${ms(v.p95)} | ${ms(v.cpu95)} | ${v.avgTotal.toLocaleString('en')} |`),
    '',
    ...(r.exports ? [
      '| export (whole corpus to /dev/null) | records | seconds | RSS before (MB) | peak RSS (MB) |',
      '|---|---:|---:|---:|---:|',
      ...r.exports.map((e) => `| ${e.format} | ${e.n.toLocaleString('en')} | ${e.seconds.toFixed(1)} | ${e.startMb.toFixed(0)} | ${e.peakMb.toFixed(0)} |`),
      '',
    ] : []),
  ]),
];
const report = `${lines.join('\n')}\n`;
if (out) writeFileSync(out, report);
process.stdout.write(report);
