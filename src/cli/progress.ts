/**
 * A progress bar on stderr, only when stderr is a terminal: piped or redirected runs get
 * no bar, and stdout never carries anything but data. Messages logged while the bar is
 * drawn go above it instead of through it.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(failed: number): void;
  log(message: string): void;
  stop(): void;
}

export function createProgress(options: { total: number; enabled: boolean; label: string }): Progress {
  if (!options.enabled || !process.stderr.isTTY || options.total === 0) {
    return { tick: () => {}, log: (message) => process.stderr.write(`${message}\n`), stop: () => {} };
  }
  const multi = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format: `${options.label} [{bar}] {value}/{total} | {failed} failed | {eta_formatted} left`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = multi.create(options.total, 0, { failed: 0 });
  return {
    tick: (failed) => bar.increment(1, { failed }),
    log: (message) => multi.log(`${message}\n`),
    stop: () => multi.stop(),
  };
}
