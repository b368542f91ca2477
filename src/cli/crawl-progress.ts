/**
 * Live crawl progress on a terminal (stderr): one totals line and one line per busy host,
 * redrawn a few times a second; log lines go above it. Off the terminal, nothing is drawn.
 */
import cliProgress from 'cli-progress';
import type { CrawlProgress } from '../pipeline/crawl/index.js';

const MAX_HOST_LINES = 8;

export interface CrawlDisplay {
  update(progress: CrawlProgress): void;
  log(line: string): void;
  stop(): void;
}

export function createCrawlDisplay(enabled: boolean): CrawlDisplay {
  if (!enabled) return { update: () => {}, log: (line) => process.stderr.write(`${line}\n`), stop: () => {} };
  const multi = new cliProgress.MultiBar({ stream: process.stderr, format: '{line}', hideCursor: true, clearOnComplete: false, fps: 4 });
  const total = multi.create(1, 0, { line: 'starting…' });
  const hostLines: cliProgress.SingleBar[] = [];
  return {
    update(p) {
      const errors = p.failed;
      total.update(0, {
        line: `fetched ${p.fetched} | queued ${p.queued} | articles ${p.articlesNew} new, ${p.articlesUpdated} updated | errors ${errors} | blocked ${p.blocked} | ${p.ratePerSec.toFixed(1)} pages/s | ${Math.round(p.elapsedMs / 1000)} s`,
      });
      const hosts = p.hosts.slice(0, MAX_HOST_LINES);
      while (hostLines.length < hosts.length) hostLines.push(multi.create(1, 0, { line: '' }));
      hosts.forEach((h, i) => {
        hostLines[i]!.update(0, { line: `  ${h.host.padEnd(28)} fetched ${String(h.fetched).padStart(6)} | articles ${String(h.articles).padStart(6)} | errors ${String(h.errors).padStart(4)} | ${h.inFlight ? 'fetching' : h.waiting ? 'waiting' : 'idle'}` });
      });
    },
    log(line) {
      multi.log(`${line}\n`);
    },
    stop() {
      multi.stop();
    },
  };
}
