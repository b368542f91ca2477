// marsad against the extractors people use instead, same input, same run: each tool runs in its
// own child process (so its peak RSS is its own) over the development set held in memory, with
// a warm-up pass and the median of N timed passes; quality is scored with the benchmark's
// metric (metric.mjs). Writes bench/results.md and bench/results.json.
// Usage: node bench/extract-bench.mjs [--passes 3] [--tools a,b] [--jobs 2] [--repeat 10] [--out-dir bench]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDevset, devsetDir } from './dataset.mjs';
import { scorePages } from './metric.mjs';
import { bootstrapInterval } from './bootstrap.mjs';
import { htmlToText } from './html-text.mjs';
import { TOOLS, PYTHON_TOOL } from './tools.mjs';
import { machineInfo, renderMarkdown } from './report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ALL_TOOLS = [...Object.keys(TOOLS), PYTHON_TOOL.name];
const BASELINE = 'readability-linkedom';

const options = parseArgs(process.argv.slice(2));
const pages = loadDevset();
const scratch = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
const started = Date.now();

try {
  const rows = [];
  for (const tool of options.tools) {
    log(`${tool}: warm-up + ${options.passes} passes`);
    rows.push(await measure({ tool, passes: options.passes, jobs: 1 }));
  }
  const parallel = options.jobs > 1 && options.tools.includes('marsad')
    ? await measure({ tool: 'marsad', passes: options.passes, jobs: options.jobs })
    : null;
  const repeated = options.repeat > 0 && options.tools.includes('marsad')
    ? await measure({ tool: 'marsad', passes: options.repeat, jobs: 1, exposeGc: true })
    : null;

  const baseline = rows.find((r) => r.tool === BASELINE && !r.error);
  for (const row of rows) row.ratioVsBaseline = baseline && !row.error ? row.pagesPerSec / baseline.pagesPerSec : null;
  const single = rows.find((r) => r.tool === 'marsad' && !r.error);
  if (parallel && !parallel.error && single) parallel.speedupVsSingle = parallel.pagesPerSec / single.pagesPerSec;

  const results = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    commit: gitCommit(),
    devset: { dir: devsetDir(), pages: pages.length },
    settings: { passes: options.passes, jobs: options.jobs, repeat: options.repeat, baseline: BASELINE },
    commands: [
      'apt-get install -y python3-readability python3-lxml   # readability-lxml peer (Debian), run by /usr/bin/python3',
      'npm run bench   # builds marsad, then: node bench/extract-bench.mjs',
      `node bench/extract-bench.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    ],
    elapsedSec: 0,
    tools: rows,
    parallel,
    repeated: repeated && summarizeRepeat(repeated),
  };
  results.elapsedSec = Math.round((Date.now() - started) / 1000);
  writeFileSync(join(options.outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  const markdown = renderMarkdown(results);
  writeFileSync(join(options.outDir, 'results.md'), markdown);
  process.stdout.write(markdown);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** Runs one tool in a child process and scores what it extracted. */
async function measure({ tool, passes, jobs, exposeGc = false }) {
  const out = join(scratch, `${tool}-${jobs}-${passes}.json`);
  const [command, args] =
    tool === PYTHON_TOOL.name
      ? [PYTHON_TOOL.python, [join(here, 'readability_lxml.py'), '--devset', devsetDir(), '--passes', String(passes), '--out', out]]
      : [process.execPath, [...(exposeGc ? ['--expose-gc'] : []), join(here, 'run-tool.mjs'), '--tool', tool, '--passes', String(passes), '--jobs', String(jobs), '--out', out]];
  const label = tool === PYTHON_TOOL.name ? PYTHON_TOOL.label : TOOLS[tool].label;
  const code = await run(command, args);
  if (code !== 0) {
    log(`${tool}: failed (exit ${code})`);
    return { tool, label, jobs, error: `exited with code ${code}` };
  }
  const raw = JSON.parse(readFileSync(out, 'utf8'));
  const pairs = pages.map((page, i) => {
    const output = raw.outputs[i];
    if (output?.id !== page.id) throw new Error(`${tool}: output ${i} is not page ${page.id}`);
    return { expected: page.expected, predicted: output.kind === 'html' ? htmlToText(output.raw) : output.raw };
  });
  const score = scorePages(pairs);
  const medianMs = median(raw.passMs);
  const row = {
    tool,
    label,
    version: raw.version,
    jobs,
    f1: score.f1,
    precision: score.precision,
    recall: score.recall,
    accuracy: score.accuracy,
    f1Interval95: bootstrapInterval(pairs).f1,
    pagesPerSec: (pages.length * 1000) / medianMs,
    medianPassMs: medianMs,
    passMs: raw.passMs.map((ms) => Math.round(ms)),
    warmupMs: Math.round(raw.warmupMs),
    peakRssMB: Math.round(raw.maxRssKB / 1024),
    baselineRssMB: Math.round(raw.baselineRssKB / 1024),
    rssTrace: raw.rssTrace,
    heapAfterGcKB: raw.heapAfterGcKB ?? null,
    failedPages: raw.outputs.filter((o) => o.error).map((o) => ({ id: o.id, error: o.error })),
    emptyPages: pairs.filter((p) => p.predicted.trim() === '').length,
  };
  if (raw.jsdomStyleFallbacks) row.jsdomStyleFallbacks = raw.jsdomStyleFallbacks;
  if (raw.consoleMessages) row.consoleMessages = { count: raw.consoleMessages, first: raw.firstConsoleMessage };
  log(`${tool}${jobs > 1 ? ` --jobs ${jobs}` : ''}: F1 ${row.f1.toFixed(3)}, ${row.pagesPerSec.toFixed(1)} pages/s, peak RSS ${row.peakRssMB} MB`);
  return row;
}

/** Peak RSS over repeated passes: flat when the last pass's peak is within 10% of the first's. */
function summarizeRepeat(row) {
  if (row.error) return row;
  const peaks = row.rssTrace.map((t) => Math.round(t.maxRssKB / 1024));
  const first = peaks[0];
  const last = peaks[peaks.length - 1];
  return {
    tool: row.tool,
    passes: row.passMs.length,
    peakRssMBByPass: peaks,
    rssMBByPass: row.rssTrace.map((t) => Math.round(t.rssKB / 1024)),
    liveHeapMB: row.heapAfterGcKB?.warmup == null ? null : { afterWarmup: Math.round(row.heapAfterGcKB.warmup / 1024), afterLastPass: Math.round(row.heapAfterGcKB.last / 1024) },
    growthMB: last - first,
    flat: last <= first * 1.1,
    pagesPerSec: row.pagesPerSec,
  };
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 2, 2] });
    child.on('error', (error) => {
      log(`${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The checked-out commit, and whether src/ has changes not in it (the figures are then for the work tree). */
function gitCommit() {
  const git = (...args) => execFileSync('git', args, { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return { hash: git('rev-parse', 'HEAD'), srcModified: git('status', '--porcelain', '--', '../src') !== '' };
  } catch {
    return null;
  }
}

function log(message) {
  process.stderr.write(`[bench ${Math.round((Date.now() - started) / 1000)}s] ${message}\n`);
}

function parseArgs(argv) {
  const value = (flag, fallback) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : fallback);
  const passes = Number(value('--passes', '3'));
  const jobs = Number(value('--jobs', '2'));
  const repeat = Number(value('--repeat', '10'));
  const tools = value('--tools', ALL_TOOLS.join(',')).split(',').filter(Boolean);
  const unknown = tools.filter((t) => !ALL_TOOLS.includes(t));
  if (unknown.length) throw new Error(`unknown tool(s) ${unknown.join(', ')}; known: ${ALL_TOOLS.join(', ')}`);
  if (!Number.isInteger(passes) || passes < 1) throw new Error('--passes must be a positive integer');
  if (!Number.isInteger(jobs) || jobs < 0) throw new Error('--jobs must be 0 (skip) or more');
  if (!Number.isInteger(repeat) || repeat < 0) throw new Error('--repeat must be 0 (skip) or more');
  return { passes, jobs, repeat, tools, outDir: value('--out-dir', here) };
}
