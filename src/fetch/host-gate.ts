/**
 * A second, outside say on when a request to a host may start, on top of the fetcher's own
 * per-host scheduler: `marsad worker` passes one backed by the shared database, so that the
 * per-host delay and concurrency hold across every worker, not only within one process.
 */
export interface HostGate {
  /**
   * Resolves when one request to `host` may start, with the function to call once it is over
   * (after the response, or its failure). `delayMs`: the host's gap (--delay-ms or its Crawl-delay).
   */
  enter(host: string, delayMs: number): Promise<() => Promise<void>>;
  /** Ends every wait in progress (they reject): the fetcher is closing. */
  close(): void;
}
