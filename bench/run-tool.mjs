// Child process of extract-bench.mjs: runs ONE tool over the development set, so that the
// process's peak RSS belongs to that tool alone. HTML is loaded into memory before any timing;
// a warm-up pass (whose outputs are the ones scored) precedes the timed passes.
// Usage: node bench/run-tool.mjs --tool NAME --out FILE [--passes N] [--jobs N]
import { writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { loadDevset } from './dataset.mjs';
import { TOOLS, runPass, jsdomStyleFallbacks } from './tools.mjs';

const options = parseArgs(process.argv.slice(2));
const tool = TOOLS[options.tool];
if (!tool) throw new Error(`unknown tool "${options.tool}"; one of: ${Object.keys(TOOLS).join(', ')}`);

const consoleMessages = silenceConsole();
const pages = loadDevset();
const baselineRssKB = process.resourceUsage().maxRSS;
const run = options.jobs > 1 ? await threadedRunner(options.tool, pages, options.jobs) : await inlineRunner(tool, pages);

const warmup = await run.pass();
const jsdomFallbacks = jsdomStyleFallbacks.count;
// With --expose-gc (the repeated-pass check), the live heap after a full collection, taken
// after the warm-up and again after the last pass only (so the passes run as usual), tells a
// leak (it grows) from a heap that V8 has simply not shrunk yet (it does not).
const heapAfterGcKB = { warmup: liveHeapKB(), last: null };
const passMs = [];
const rssTrace = [];
for (let i = 0; i < options.passes; i++) {
  const { ms } = await run.pass();
  passMs.push(ms);
  const trace = { pass: i + 1, rssKB: Math.round(process.memoryUsage().rss / 1024), maxRssKB: process.resourceUsage().maxRSS };
  rssTrace.push(trace);
}
heapAfterGcKB.last = liveHeapKB();
await run.close();

const result = {
  tool: options.tool,
  version: tool.version(),
  jobs: options.jobs,
  pages: pages.length,
  warmupMs: warmup.ms,
  passMs,
  baselineRssKB,
  maxRssKB: process.resourceUsage().maxRSS,
  rssTrace,
  heapAfterGcKB,
  jsdomStyleFallbacks: jsdomFallbacks,
  consoleMessages: consoleMessages.count,
  firstConsoleMessage: consoleMessages.first,
  outputs: warmup.outputs,
};
writeFileSync(options.out, JSON.stringify(result));

/** Runs the tool on this thread. */
async function inlineRunner(entry, all) {
  const extract = await entry.load();
  return { pass: () => runPass(extract, all), close: async () => {} };
}

/**
 * Runs the tool on `jobs` worker threads, page i going to worker i mod jobs; a pass's time is
 * the wall time until the slowest worker is done, outputs are put back in page order.
 */
async function threadedRunner(name, all, jobs) {
  const workers = [];
  for (let w = 0; w < jobs; w++) {
    const share = all.filter((_, i) => i % jobs === w);
    const worker = new Worker(new URL('./bench-worker.mjs', import.meta.url), { workerData: { tool: name, pages: share } });
    await once(worker, 'ready');
    workers.push(worker);
  }
  return {
    async pass() {
      const start = performance.now();
      const parts = await Promise.all(workers.map((worker) => request(worker)));
      const ms = performance.now() - start;
      const outputs = new Array(all.length);
      parts.forEach((part, w) => part.outputs.forEach((out, k) => (outputs[k * jobs + w] = out)));
      return { ms, outputs };
    },
    close: () => Promise.all(workers.map((worker) => worker.terminate())),
  };
}

function request(worker) {
  const reply = once(worker, 'done');
  worker.postMessage('pass');
  return reply;
}

/** The next message of `type` from a worker; rejects if the worker fails first. */
function once(worker, type) {
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message?.type !== type) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      resolve(message);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
}

function liveHeapKB() {
  if (!globalThis.gc) return null;
  globalThis.gc();
  return Math.round(process.memoryUsage().heapUsed / 1024);
}

/**
 * Some peers log and go on (defuddle prints every malformed JSON-LD block with its stack to
 * console.error). A library user would silence that too, and printing is not extraction work,
 * so the child's console is muted and the messages are only counted (reported in the results).
 */
function silenceConsole() {
  const seen = { count: 0, first: null };
  const mute = (...args) => {
    seen.count++;
    seen.first ??= args.map(String).join(' ').slice(0, 160);
  };
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace']) console[method] = mute;
  return seen;
}

function parseArgs(argv) {
  const value = (flag, fallback) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : fallback);
  const passes = Number(value('--passes', '3'));
  const jobs = Number(value('--jobs', '1'));
  const out = value('--out', null);
  if (!out) throw new Error('--out FILE is required');
  if (!Number.isInteger(passes) || passes < 1) throw new Error('--passes must be a positive integer');
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error('--jobs must be a positive integer');
  return { tool: value('--tool', ''), passes, jobs, out };
}
