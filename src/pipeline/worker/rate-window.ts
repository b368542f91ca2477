/** Pages per second over the last minute, from the running total sampled at each heartbeat. */
export class RateWindow {
  private readonly samples: { at: number; total: number }[] = [];

  constructor(private readonly windowMs = 60_000) {}

  /** Records the total at `at` (epoch ms) and returns the rate over the window ending there. */
  add(at: number, total: number): number {
    this.samples.push({ at, total });
    while (this.samples.length > 2 && this.samples[1]!.at <= at - this.windowMs) this.samples.shift();
    const first = this.samples[0]!;
    const seconds = (at - first.at) / 1000;
    return seconds > 0 ? (total - first.total) / seconds : 0;
  }
}
