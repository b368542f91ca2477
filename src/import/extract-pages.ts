/**
 * Extraction for imports: on the calling thread, or on worker threads (`jobs` > 1) through the
 * extract command's page pool when the compiled worker is available.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../extract/extract-article.js';
import type { Article } from '../extract/types.js';
import { decodeHtml } from '../fetch/decode-html.js';
import { PagePool } from '../pipeline/page-pool.js';
import type { WarcPage } from './warc-pages.js';

export type ExtractOutcome = { article: Article } | { error: { code: string; message: string } };

export interface PageExtractor {
  /** Worker threads in use (0: the calling thread). */
  readonly threads: number;
  extract(page: WarcPage): Promise<ExtractOutcome>;
  close(): Promise<void>;
}

/** The extractor's default budget for one page, and the wall-clock backstop after which a worker is replaced. */
const DEFAULT_TIME_BUDGET_MS = 10_000;
const deadlineFor = (budgetMs: number): number => budgetMs * 2 + 1000;

const WORKER = new URL('../pipeline/extract-worker.js', import.meta.url);

export function createPageExtractor(options: { jobs: number; timeBudgetMs?: number }): PageExtractor {
  const timeBudgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  if (options.jobs > 1 && existsSync(fileURLToPath(WORKER))) {
    const pool = new PagePool({ size: options.jobs, deadlineMs: deadlineFor(timeBudgetMs) });
    return {
      threads: options.jobs,
      async extract(page) {
        const result = await pool.run({ bytes: page.html, url: page.url, format: 'jsonl', timeBudgetMs, maxBytes: 50 * 1024 * 1024 });
        return result.ok ? { article: JSON.parse(result.output) as Article } : { error: result.error };
      },
      close: () => pool.close(),
    };
  }
  return {
    threads: 0,
    async extract(page) {
      try {
        const html = decodeHtml(page.html, { contentType: page.headers['content-type'] ?? null }).text;
        return { article: extractArticle(html, { url: page.url, fetchedAt: page.date ?? undefined, timeBudgetMs }) };
      } catch (error) {
        const e = error as { code?: string; message?: string };
        return { error: { code: e.code ?? 'INTERNAL', message: e.message ?? String(error) } };
      }
    },
    close: async () => {},
  };
}
