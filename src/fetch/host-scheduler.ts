/**
 * Per-host politeness with a global concurrency cap.
 *
 * Rules:
 * - at most `maxPerHost` requests in flight to one host (default 1);
 * - a request to a host starts no earlier than `delayMs` after the previous one to that
 *   host was last in contact with the server. "Contact" is the later of the request's start
 *   and the moment its response headers arrived: the server saw the request at some point
 *   before its headers came back, so measuring from there guarantees the gap *as the server
 *   logs it*, even when the first request spent time connecting;
 * - a host can be blocked until a time (Retry-After, backoff after 429/503);
 * - at most `concurrency` requests in flight over all hosts. A request takes its host's
 *   turn first and a global slot second, so a host that waits (delay, Retry-After, slow
 *   responses) never holds a global slot and never stalls the other hosts.
 */
import { FetcherClosedError } from '../errors.js';

/**
 * Added to a host's delay: Date.now() counts whole milliseconds, so a request could leave up to
 * 1 ms early, and the site's own log then showed two requests 999.995 ms apart (crawl benchmark,
 * 1 s per host). Costs 0.1 % of a polite crawl's rate.
 */
const CLOCK_GUARD_MS = 1;

export interface SlotRelease {
  /** Epoch ms the response headers arrived (or the request failed). */
  contactAt?: number;
}

export interface Slot {
  startedAt: number;
  release(info?: SlotRelease): void;
}

interface Waiter {
  delayMs: number;
  label: string;
  resolve(slot: Slot): void;
  reject(err: unknown): void;
}

interface HostState {
  inFlight: number;
  queue: Waiter[];
  lastContactAt: number;
  blockedUntil: number;
  lastDelayMs: number;
  timer: NodeJS.Timeout | undefined;
}

export class HostScheduler {
  private readonly hosts = new Map<string, HostState>();
  /** Hosts whose next waiter is due but found no global slot, in arrival order. */
  private readonly waitingForGlobal = new Set<string>();
  private active = 0;
  private closed = false;

  constructor(
    private readonly concurrency: number,
    private readonly maxPerHost: number,
  ) {}

  acquire(host: string, delayMs: number, label: string): Promise<Slot> {
    if (this.closed) return Promise.reject(new FetcherClosedError(label));
    const state = this.state(host);
    return new Promise<Slot>((resolve, reject) => {
      state.queue.push({ delayMs, label, resolve, reject });
      this.pump(host);
    });
  }

  /** No request to `host` starts before `untilMs` (epoch ms). */
  block(host: string, untilMs: number): void {
    const state = this.state(host);
    state.blockedUntil = Math.max(state.blockedUntil, untilMs);
  }

  status(): { host: string; inFlight: number; waiting: number; nextStartAt: number; delayMs: number }[] {
    return [...this.hosts.entries()].map(([host, s]) => ({
      host,
      inFlight: s.inFlight,
      waiting: s.queue.length,
      nextStartAt: this.readyAt(s, s.queue[0]?.delayMs ?? s.lastDelayMs),
      delayMs: s.lastDelayMs,
    }));
  }

  close(): void {
    this.closed = true;
    for (const state of this.hosts.values()) {
      if (state.timer) clearTimeout(state.timer);
      for (const w of state.queue.splice(0)) w.reject(new FetcherClosedError(w.label));
    }
    this.waitingForGlobal.clear();
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { inFlight: 0, queue: [], lastContactAt: -Infinity, blockedUntil: 0, lastDelayMs: 0, timer: undefined };
      this.hosts.set(host, state);
    }
    return state;
  }

  private readyAt(state: HostState, delayMs: number): number {
    return Math.max(state.lastContactAt + (delayMs > 0 ? delayMs + CLOCK_GUARD_MS : 0), state.blockedUntil);
  }

  private pump(host: string): void {
    if (this.closed) return;
    const state = this.hosts.get(host);
    if (!state || state.queue.length === 0 || state.inFlight >= this.maxPerHost) return;
    const next = state.queue[0]!;
    const now = Date.now();
    const readyAt = this.readyAt(state, next.delayMs);
    if (now < readyAt) {
      if (!state.timer) {
        state.timer = setTimeout(() => {
          state.timer = undefined;
          this.pump(host);
        }, readyAt - now);
      }
      return;
    }
    if (this.active >= this.concurrency) {
      this.waitingForGlobal.add(host);
      return;
    }
    this.waitingForGlobal.delete(host);
    state.queue.shift();
    state.inFlight++;
    this.active++;
    state.lastContactAt = now;
    state.lastDelayMs = next.delayMs;
    let released = false;
    next.resolve({
      startedAt: now,
      release: (info: SlotRelease = {}) => {
        if (released) return;
        released = true;
        state.inFlight--;
        this.active--;
        state.lastContactAt = Math.max(state.lastContactAt, info.contactAt ?? Date.now());
        this.pump(host);
        for (const waiting of [...this.waitingForGlobal]) {
          if (this.active >= this.concurrency) break;
          this.waitingForGlobal.delete(waiting);
          this.pump(waiting);
        }
      },
    });
    // More than one per host allowed: try the next waiter too.
    if (state.inFlight < this.maxPerHost && state.queue.length > 0) this.pump(host);
  }
}
