/**
 * Runs page analysis (decoding, extraction and links: 10–20 ms of CPU for a 100 KB page) on
 * worker threads so the crawl loop keeps fetching and storing while pages are parsed. With zero
 * workers, or when the compiled worker file is absent (tests run from TypeScript sources),
 * it analyzes on the calling thread. A page that outlives its deadline, or a worker that
 * dies, fails that page only; a fresh worker takes the slot. A worker that runs out of its
 * heap (see `resourceLimits`) hands its page to the calling thread, which has no such cap.
 *
 * Memory (bench/crawl-results.md): every thread that loads the extractor holds its
 * language-detection tables (~28 MB of heap) and the parser memory of loading them, so the
 * calling thread loads it only when it must analyze a page itself, and workers run with a
 * small heap: an isolate left alone grows its heap to two or three times what is live.
 *
 * Each worker has up to two pages posted, so it starts the next page while the calling thread
 * is still busy with the previous result. Optionally (`shareCallingThread`), when every worker
 * has its two pages, another page is already waiting, and over the last half second the
 * calling thread's event loop was less busy than the workers' on average, the calling thread
 * analyzes the page itself. That evens the CPU out on a machine with few cores, at the price of
 * a second copy of the extractor in memory. Pages analyzed there have no deadline but the
 * extractor's own time budget.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ParsedSitemap } from '../../discover/sitemap.js';
import type { AnalyzeTask, PageAnalysis, SitemapTask } from './analyze-page.js';
import type { WorkerMessage } from './analyze-worker.js';

/** The extractor on the calling thread, imported on first use (see the memory note above). */
let inlineModule: Promise<typeof import('./analyze-page.js')> | null = null;
async function analyzeInline(task: AnalyzeTask): Promise<PageAnalysis> {
  inlineModule ??= import('./analyze-page.js');
  return (await inlineModule).analyzePage(task);
}
async function readSitemapInline(task: SitemapTask): Promise<ParsedSitemap> {
  inlineModule ??= import('./analyze-page.js');
  return (await inlineModule).readSitemap(task);
}

const WORKER_URL = new URL('./analyze-worker.js', import.meta.url);

export interface AnalyzePoolOptions {
  workers: number;
  /** A worker that spends longer than this on one page is replaced and the page fails. */
  deadlineMs: number;
  /** Analyze on the calling thread too when every worker is busy and pages wait (default false). */
  shareCallingThread?: boolean;
  /** Heap limits of each worker (default WORKER_LIMITS). */
  resourceLimits?: ResourceLimits;
}

/**
 * A worker's heap: the extractor's live data is ~45 MB, most of it language tables; a 100 KB
 * page allocates a few MB while it is analyzed. Left uncapped, a worker's old generation grew to
 * 170 MB (every page's text lingering in large-object space until a full GC). With these caps V8
 * collects sooner. The 16 MB young generation is what keeps the crawl benchmark's peak RSS under
 * 300 MB from run to run (261–271 MB; without it 277–312 MB), at ~0.7 ms of CPU per page spent in
 * parallel scavenges on V8's helper threads (measured per thread).
 */
export const WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 96 };

/** Pages posted to one worker at a time. */
const PAGES_PER_WORKER = 2;
/** How often the calling thread's and the workers' event-loop utilization are compared. */
const BALANCE_INTERVAL_MS = 500;

interface Job {
  task: AnalyzeTask | SitemapTask;
  resolve(result: PageAnalysis | ParsedSitemap): void;
  /**
   * Settles the job without a worker: a page fails with `code` (or, with null, because it
   * outgrew the worker's heap, is analyzed on the calling thread); a sitemap is always read on
   * the calling thread.
   */
  fail(code: string | null, message: string): void;
}

interface Slot {
  worker: Worker | null;
  /** Settles when the worker has loaded the extractor (or failed to start). */
  loaded: Promise<void>;
  /** The worker's event-loop utilization at the last balance check. */
  elu: EventLoopUtilization | null;
  /** Posted to the worker, oldest (the one it is working on) first. */
  jobs: Job[];
  /** The deadline of jobs[0]. */
  timer: NodeJS.Timeout | null;
}

function failed(code: string, message: string): PageAnalysis {
  return { article: null, error: { code, message }, links: [], feeds: [], canonical: null };
}

export class AnalyzePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;
  /** Pages analyzed on the calling thread because the workers were busy. */
  private inline = 0;
  /** The calling thread was less busy than the workers at the last balance check. */
  private callerHasRoom = false;
  private callerElu = performance.eventLoopUtilization();
  private readonly balancer: NodeJS.Timeout | null = null;

  constructor(private readonly options: AnalyzePoolOptions) {
    const usable = options.workers > 0 && existsSync(fileURLToPath(WORKER_URL));
    for (let i = 0; usable && i < options.workers; i++) {
      const slot: Slot = { worker: null, loaded: Promise.resolve(), elu: null, jobs: [], timer: null };
      this.start(slot);
      this.slots.push(slot);
    }
    if (this.slots.length > 0 && options.shareCallingThread === true) {
      this.balancer = setInterval(() => this.balance(), BALANCE_INTERVAL_MS);
      this.balancer.unref();
    }
  }

  /** Worker threads in use (0: analysis runs inline). */
  get size(): number {
    return this.slots.length;
  }

  /**
   * Settles once every worker has loaded the extractor. A crawl waits for this before it
   * starts: loaded while the first pages streamed in, the ~40 MB of parser memory freed after
   * loading stayed resident in the worker's malloc arena for the whole crawl (measured); loaded
   * first, it is returned to the system.
   */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.loaded));
  }

  /** Pages waiting for a worker. */
  get backlog(): number {
    return this.queue.length;
  }

  /** Pages analyzed on the calling thread because the workers were busy. */
  get inlineCount(): number {
    return this.inline;
  }

  run(task: AnalyzeTask): Promise<PageAnalysis> {
    if (this.slots.length === 0) return analyzeInline(task);
    if (this.closed) return Promise.resolve(failed('INTERNAL', 'the analysis pool is closed'));
    if (this.callerHasRoom && this.queue.length > 0 && this.slots.every((slot) => slot.jobs.length >= PAGES_PER_WORKER)) {
      this.inline++;
      return analyzeInline(task);
    }
    return new Promise((resolve) => {
      const fail = (code: string | null, message: string): void => {
        if (code !== null) resolve(failed(code, message));
        else void analyzeInline(task).then(resolve, (error: unknown) => resolve(failed('INTERNAL', String(error))));
      };
      this.queue.push({ task, resolve: resolve as Job['resolve'], fail });
      this.dispatch();
    });
  }

  /**
   * A sitemap's URLs, parsed on a worker: a month's sitemap (thousands of URLs, 1–2 MB of XML)
   * leaves tens of MB of parser garbage, which the worker's capped heap collects at once, where
   * the calling thread's heap grew by ~70 MB while a 1,000,000-URL site was discovered.
   */
  readSitemap(task: SitemapTask): Promise<ParsedSitemap> {
    if (this.slots.length === 0 || this.closed) return readSitemapInline(task);
    return new Promise((resolve, reject) => {
      const fail = (): void => void readSitemapInline(task).then(resolve, reject);
      this.queue.push({ task, resolve: resolve as Job['resolve'], fail });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.balancer) clearInterval(this.balancer);
    for (const job of this.queue.splice(0)) job.fail('INTERNAL', 'the analysis pool was closed');
    for (const slot of this.slots) {
      if (slot.timer) clearTimeout(slot.timer);
      for (const job of slot.jobs.splice(0)) job.fail('INTERNAL', 'the analysis pool was closed');
    }
    await Promise.all(this.slots.map((slot) => slot.worker?.terminate()));
  }

  private balance(): void {
    const caller = performance.eventLoopUtilization(this.callerElu);
    this.callerElu = performance.eventLoopUtilization();
    let workers = 0;
    for (const slot of this.slots) {
      if (slot.worker === null) continue;
      const now = slot.worker.performance.eventLoopUtilization();
      workers += (slot.elu === null ? now : slot.worker.performance.eventLoopUtilization(now, slot.elu)).utilization / this.slots.length;
      slot.elu = now;
    }
    this.callerHasRoom = caller.utilization < workers;
  }

  private start(slot: Slot): void {
    const worker = new Worker(WORKER_URL, { resourceLimits: this.options.resourceLimits ?? WORKER_LIMITS });
    slot.worker = worker;
    slot.elu = null;
    let loaded!: () => void;
    slot.loaded = new Promise((resolve) => (loaded = resolve));
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) loaded();
      else if (slot.worker === worker) this.finish(slot, message);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      loaded();
      if (slot.worker !== worker) return;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') this.replace(slot, null, error.message);
      else this.replace(slot, 'WORKER_CRASHED', `the worker analyzing this page died: ${error.message}`);
    });
    worker.on('exit', (code) => {
      loaded();
      if (slot.worker === worker && !this.closed) this.replace(slot, 'WORKER_CRASHED', `the worker analyzing this page exited with code ${code}`);
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      while (slot.worker !== null && slot.jobs.length < PAGES_PER_WORKER && this.queue.length > 0) {
        const job = this.queue.shift()!;
        slot.jobs.push(job);
        if (slot.jobs.length === 1) this.armDeadline(slot);
        slot.worker.postMessage(job.task);
      }
    }
  }

  private armDeadline(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      this.replace(slot, 'PAGE_TIMEOUT', `analysis took longer than ${this.options.deadlineMs} ms; its worker was stopped`);
    }, this.options.deadlineMs);
  }

  private finish(slot: Slot, result: PageAnalysis | ParsedSitemap): void {
    const job = slot.jobs.shift();
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    // The worker starts its next page as soon as it posts this result.
    if (slot.jobs.length > 0) this.armDeadline(slot);
    job?.resolve(result);
    this.dispatch();
  }

  /**
   * Fails the job the worker was on (see Job.fail; `code` null: it outgrew the worker's heap),
   * gives its other posted jobs back to the queue, starts a fresh worker.
   */
  private replace(slot: Slot, code: string | null, message: string): void {
    const [job, ...posted] = slot.jobs.splice(0);
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    this.queue.unshift(...posted);
    const old = slot.worker;
    slot.worker = null;
    void old?.terminate();
    if (!this.closed) this.start(slot);
    job?.fail(code, message);
    this.dispatch();
  }
}
