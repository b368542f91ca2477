/**
 * Extracts every page under a directory on a pool of worker threads and yields the results
 * in file order (sorted paths), whatever order the workers finish in. A bounded number of
 * pages is in flight at once, so memory stays flat on a directory of any size.
 */
import { join } from 'node:path';
import { PagePool } from './page-pool.js';
import { DEFAULT_MAX_PAGE_BYTES, DEFAULT_TIME_BUDGET_MS, defaultKillAfterMs, type OutputFormat } from './extract-options.js';
import type { PageResult } from './extract-page.js';
import type { Favor } from '../extract/types.js';

export interface ExtractPagesOptions {
  /** Worker threads (default 1). */
  jobs?: number;
  format: OutputFormat;
  /** The extractor's own time budget per page (default 10 s). */
  timeBudgetMs?: number;
  /** Wall-clock limit per page before its worker is stopped (default 2 × budget + 1 s). */
  killAfterMs?: number;
  /** Largest page in bytes, before and after gunzip (default 50 MiB). */
  maxBytes?: number;
  /** How the body stage leans on borderline boxes (default balanced). */
  favor?: Favor;
}

export type FileResult = PageResult & { file: string };

function resolved(options: ExtractPagesOptions): Required<Omit<ExtractPagesOptions, 'format' | 'favor'>> {
  const timeBudgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  return {
    jobs: Math.max(1, options.jobs ?? 1),
    timeBudgetMs,
    killAfterMs: options.killAfterMs ?? defaultKillAfterMs(timeBudgetMs),
    maxBytes: options.maxBytes ?? DEFAULT_MAX_PAGE_BYTES,
  };
}

/** `files` are relative to `dir` (see walkHtmlFiles); each result carries its `file`. */
export async function* extractFiles(dir: string, files: readonly string[], options: ExtractPagesOptions): AsyncGenerator<FileResult> {
  const { jobs, timeBudgetMs, killAfterMs, maxBytes } = resolved(options);
  if (files.length === 0) return;
  const pool = new PagePool({ size: Math.min(jobs, files.length), deadlineMs: killAfterMs });
  // Results are yielded in order, so a slow page holds back the ones after it: a wide window
  // keeps the other workers busy meanwhile. Each finished result is one rendered string.
  const window = jobs * 16;
  const inFlight: Promise<FileResult>[] = [];
  let next = 0;
  const submit = (): void => {
    const file = files[next++]!;
    const task = { path: join(dir, file), file, format: options.format, timeBudgetMs, maxBytes, favor: options.favor };
    inFlight.push(pool.run(task).then((result) => ({ ...result, file })));
  };
  try {
    while (next < files.length && inFlight.length < window) submit();
    while (inFlight.length > 0) {
      const result = await inFlight.shift()!;
      if (next < files.length) submit();
      yield result;
    }
  } finally {
    await pool.close();
  }
}

/** Extracts one page (a file or bytes) in a worker, under the same limits as a directory run. */
export async function extractOnePage(
  source: { path: string } | { bytes: Uint8Array },
  options: ExtractPagesOptions & { url?: string },
): Promise<PageResult> {
  const { timeBudgetMs, killAfterMs, maxBytes } = resolved(options);
  const pool = new PagePool({ size: 1, deadlineMs: killAfterMs });
  try {
    return await pool.run({ ...source, url: options.url, format: options.format, timeBudgetMs, maxBytes, favor: options.favor });
  } finally {
    await pool.close();
  }
}
