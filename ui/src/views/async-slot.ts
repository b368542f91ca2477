/**
 * One request slot of a view: it loads when its key (the request's parameters) changes, drops
 * answers to requests that have been superseded, and asks for a render when done.
 */
import { requestRender } from '../render-loop.js';
import type { Loadable } from './status.js';

export class AsyncSlot<T> {
  private key: string | null = null;
  private controller: AbortController | null = null;
  current: Loadable<T> = { state: 'idle' };
  /** The last value loaded, kept while the next request runs so the screen does not blank out. */
  private latest: T | null = null;

  /** Starts `load` if `key` differs from the last one; returns the slot's current state. */
  use(key: string, load: (signal: AbortSignal) => Promise<T>): Loadable<T> {
    if (key !== this.key) {
      this.key = key;
      this.controller?.abort();
      const controller = (this.controller = new AbortController());
      this.current = { state: 'loading' };
      load(controller.signal).then(
        (value) => {
          if (controller.signal.aborted) return;
          this.current = { state: 'done', value };
          this.latest = value;
          requestRender();
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          this.current = { state: 'failed', error };
          requestRender();
        },
      );
    }
    return this.current;
  }

  /** The current value, or while a new one loads the previous one (shown dimmed); null otherwise. */
  shown(): T | null {
    if (this.current.state === 'done') return this.current.value;
    return this.current.state === 'loading' ? this.latest : null;
  }

  /** Forgets the key so the next use() loads again (after a write, say). */
  invalidate(): void {
    this.key = null;
  }
}
