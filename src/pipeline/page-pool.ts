/**
 * A fixed pool of worker threads that extract pages, with a wall-clock deadline per page.
 * The extractor checks its own time budget between stages; the deadline is the backstop
 * for a page that hangs inside one stage: its worker is terminated, the page fails with
 * PAGE_TIMEOUT, and a fresh worker takes its place. A worker that dies (out of memory, a
 * crash) fails only the page it was running. `run` never rejects.
 */
import { Worker } from 'node:worker_threads';
import type { PageResult, PageTask } from './extract-page.js';

export interface PagePoolOptions {
  /** Number of worker threads (default 1). */
  size?: number;
  /** Wall-clock limit for one page, after which its worker is stopped and replaced. */
  deadlineMs: number;
  /**
   * Heap limit for each worker (default 4096 MB): a page that needs more fails alone with
   * WORKER_CRASHED. The input cap (50 MiB) is what keeps pages far below it; limits under
   * about 64 MB are not safe, as V8 may then abort the whole process instead of the worker.
   */
  maxHeapMb?: number;
}

interface Job {
  task: PageTask;
  resolve: (result: PageResult) => void;
}

interface Slot {
  worker: Worker | null;
  /** The worker has loaded its modules and can take a page. */
  ready: boolean;
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | null;
}

const WORKER_URL = new URL('./extract-worker.js', import.meta.url);

export class PagePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly deadlineMs: number;
  private readonly maxHeapMb: number;
  private closed = false;
  /** Workers that died before saying `ready`, in a row: a broken install, not a bad page. */
  private failedStarts = 0;
  private static readonly MAX_FAILED_STARTS = 3;

  constructor(options: PagePoolOptions) {
    this.deadlineMs = options.deadlineMs;
    this.maxHeapMb = options.maxHeapMb ?? 4096;
    const size = Math.max(1, options.size ?? 1);
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: null, ready: false, job: null, timer: null };
      this.startWorker(slot);
      this.slots.push(slot);
    }
  }

  run(task: PageTask): Promise<PageResult> {
    if (this.closed) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'the page pool is closed' } });
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve({ ok: false, error: { code: 'INTERNAL', message: 'the page pool was closed' } });
    await Promise.all(this.slots.map((slot) => slot.worker?.terminate()));
  }

  /** Starts a worker for the slot; events from a worker the slot has since replaced are ignored. */
  private startWorker(slot: Slot): void {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    slot.worker = worker;
    slot.ready = false;
    worker.on('message', (message: PageResult | 'ready') => {
      if (slot.worker !== worker) return;
      if (message === 'ready') {
        slot.ready = true;
        this.failedStarts = 0;
        this.dispatch();
      } else {
        this.finish(slot, message);
      }
    });
    worker.on('error', (error: Error) => {
      if (slot.worker === worker) this.replace(slot, { code: 'WORKER_CRASHED', message: `the worker running this page died: ${error.message}` });
    });
    worker.on('exit', (code) => {
      if (slot.worker === worker && !this.closed) this.replace(slot, { code: 'WORKER_CRASHED', message: `the worker running this page exited with code ${code}` });
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job || !slot.worker || !slot.ready || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => {
        this.replace(slot, { code: 'PAGE_TIMEOUT', message: `page took longer than ${this.deadlineMs} ms of wall-clock time; its worker was stopped` });
      }, this.deadlineMs);
      slot.worker.postMessage(job.task);
    }
  }

  private finish(slot: Slot, result: PageResult): void {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    job?.resolve(result);
    this.dispatch();
  }

  /** Fails the slot's page (if any), stops its worker and starts a fresh one. */
  private replace(slot: Slot, error: { code: string; message: string }): void {
    const old = slot.worker;
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    const diedStarting = !slot.ready;
    slot.worker = null;
    slot.ready = false;
    void old?.terminate();
    job?.resolve({ ok: false, error });
    if (diedStarting && ++this.failedStarts >= PagePool.MAX_FAILED_STARTS) {
      // Workers cannot even load: fail what is queued instead of restarting forever.
      this.closed = true;
      const message = `worker threads cannot start (${error.message})`;
      for (const queued of this.queue.splice(0)) queued.resolve({ ok: false, error: { code: 'WORKER_CRASHED', message } });
      return;
    }
    if (!this.closed) this.startWorker(slot);
    this.dispatch();
  }
}
