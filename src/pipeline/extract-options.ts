/**
 * The options of a page-file extraction run and their defaults, in a module with no heavy
 * imports, so a command line can describe them without loading the extractor.
 */

/** How the body stage leans on borderline boxes (ExtractOptions.favor). */
export const FAVOR_CHOICES = ['precision', 'balanced', 'recall'] as const;

export const OUTPUT_FORMATS = ['json', 'jsonl', 'markdown', 'text', 'html'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Largest page accepted, compressed or inflated: the extractor's own input cap. */
export const DEFAULT_MAX_PAGE_BYTES = 50 * 1024 * 1024;

/** The extractor's time budget for one page. */
export const DEFAULT_TIME_BUDGET_MS = 10_000;

/**
 * The wall-clock backstop for one page in a worker. The extractor checks its budget between
 * stages, so a page may overrun by one stage; twice the budget plus a second allows that.
 */
export function defaultKillAfterMs(timeBudgetMs: number): number {
  return timeBudgetMs * 2 + 1000;
}
