/**
 * The host gate of `marsad worker`: before each request, a slot in the host's row of the shared
 * database (store/postgres/host-slots.ts), so that --per-host and --delay-ms hold across every
 * worker on the database. While the host is not due or its slots are taken, the worker waits as
 * long as the database says, then asks again.
 */
import type pg from 'pg';
import { FetcherClosedError } from '../../errors.js';
import type { HostGate } from '../../fetch/host-gate.js';
import { claimHostSlot, releaseHostSlot } from '../../store/postgres/host-slots.js';

export interface DatabaseHostGateOptions {
  pool: pg.Pool;
  /** Prefix of this worker's slot ids (its worker id), so its slots can be found when it stops. */
  owner: string;
  perHost: number;
  /** How long a slot counts if this worker dies holding it: longer than any request (the fetch timeout). */
  slotLeaseMs: number;
}

/** A wait is cut at this length and the database asked again: a host made due early (a release) is seen soon. */
const MAX_WAIT_MS = 250;

export class DatabaseHostGate implements HostGate {
  private closed = false;
  private count = 0;
  private readonly sleepers = new Set<() => void>();

  constructor(private readonly options: DatabaseHostGateOptions) {}

  async enter(host: string, delayMs: number): Promise<() => Promise<void>> {
    const slotId = `${this.options.owner}#${++this.count}`;
    for (;;) {
      // The fetcher's own "closed" error: the crawl gives the URL back to the queue untouched.
      if (this.closed) throw new FetcherClosedError(`http://${host}/`);
      const answer = await claimHostSlot(this.options.pool, { host, slotId, delayMs, perHost: this.options.perHost, leaseMs: this.options.slotLeaseMs });
      if (answer.granted) {
        if (this.closed) {
          await releaseHostSlot(this.options.pool, { host, slotId, delayMs: 0 });
          throw new FetcherClosedError(`http://${host}/`);
        }
        return () => releaseHostSlot(this.options.pool, { host, slotId, delayMs });
      }
      await this.sleep(Math.min(answer.waitMs, MAX_WAIT_MS));
    }
  }

  close(): void {
    this.closed = true;
    for (const wake of [...this.sleepers]) wake();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }
}
