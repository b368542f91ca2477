/**
 * Runs page analysis (extraction + links, about 20 ms of CPU for a 100 KB page) on worker
 * threads so the crawl loop keeps fetching and storing while pages are parsed. With zero
 * workers, or when the compiled worker file is absent (tests run from TypeScript sources),
 * it analyzes on the calling thread. A page that outlives its deadline, or a worker that
 * dies, fails that page only; a fresh worker takes the slot.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyzePage, type AnalyzeTask, type PageAnalysis } from './analyze-page.js';

const WORKER_URL = new URL('./analyze-worker.js', import.meta.url);

export interface AnalyzePoolOptions {
  workers: number;
  deadlineMs: number;
}

interface Job {
  task: AnalyzeTask;
  resolve(result: PageAnalysis): void;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

function failed(code: string, message: string): PageAnalysis {
  return { article: null, error: { code, message }, links: [], feeds: [], canonical: null };
}

export class AnalyzePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(private readonly options: AnalyzePoolOptions) {
    const usable = options.workers > 0 && existsSync(fileURLToPath(WORKER_URL));
    for (let i = 0; usable && i < options.workers; i++) {
      const slot: Slot = { worker: null, job: null, timer: null };
      this.start(slot);
      this.slots.push(slot);
    }
  }

  /** Worker threads in use (0: analysis runs inline). */
  get size(): number {
    return this.slots.length;
  }

  /** Pages waiting for a worker. */
  get backlog(): number {
    return this.queue.length;
  }

  run(task: AnalyzeTask): Promise<PageAnalysis> {
    if (this.slots.length === 0) return Promise.resolve(analyzePage(task));
    if (this.closed) return Promise.resolve(failed('INTERNAL', 'the analysis pool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve(failed('INTERNAL', 'the analysis pool was closed'));
    await Promise.all(this.slots.map((slot) => slot.worker?.terminate()));
  }

  private start(slot: Slot): void {
    const worker = new Worker(WORKER_URL);
    slot.worker = worker;
    worker.on('message', (result: PageAnalysis) => {
      if (slot.worker === worker) this.finish(slot, result);
    });
    worker.on('error', (error: Error) => {
      if (slot.worker === worker) this.replace(slot, failed('WORKER_CRASHED', `the worker analyzing this page died: ${error.message}`));
    });
    worker.on('exit', (code) => {
      if (slot.worker === worker && !this.closed) this.replace(slot, failed('WORKER_CRASHED', `the worker analyzing this page exited with code ${code}`));
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job !== null || slot.worker === null || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => {
        this.replace(slot, failed('PAGE_TIMEOUT', `analysis took longer than ${this.options.deadlineMs} ms; its worker was stopped`));
      }, this.options.deadlineMs);
      slot.worker.postMessage(job.task);
    }
  }

  private finish(slot: Slot, result: PageAnalysis): void {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    job?.resolve(result);
    this.dispatch();
  }

  private replace(slot: Slot, result: PageAnalysis): void {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    const old = slot.worker;
    slot.worker = null;
    void old?.terminate();
    if (!this.closed) this.start(slot);
    job?.resolve(result);
    this.dispatch();
  }
}
