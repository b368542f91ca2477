/** marsad's public API, grouped by pipeline stage. */

// errors
export { MarsadError, NotHtmlError, ExtractLimitError, UsageError } from './errors.js';
export { DecompressionLimitError, FileReadError, PageTimeoutError } from './errors.js';
export {
  FetchError,
  NetworkError,
  RobotsDisallowedError,
  HostUnreachableError,
  TooLargeError,
  TooManyRedirectsError,
  TimeoutError,
  InvalidUrlError,
  FetcherClosedError,
} from './errors.js';

// extract (pure)
export { extractArticle, countWords } from './extract/extract-article.js';
export { simhash, hammingDistance, articleId } from './extract/content-hash.js';
export type { Article, Block, BlockType, DateEvidence, ExtractOptions, Favor, TraceEntry } from './extract/types.js';

// fetch
export * from './fetch/index.js';

// discover
export * from './discover/index.js';

// export: one article rendered as text, Markdown, sanitized HTML, JSON
export { renderText } from './export/render-text.js';
export { renderMarkdown, escapeMarkdown } from './export/render-markdown.js';
export { renderHtml, escapeHtml } from './export/render-html.js';
export { articleRecord, errorRecord, renderJson, renderJsonLine } from './export/render-json.js';

// pipeline: page files to records, on worker threads
export { readPageFile, pageBytesToHtml } from './pipeline/read-page.js';
export { walkHtmlFiles, isPageFileName } from './pipeline/walk-html-files.js';
export { extractFiles, extractOnePage } from './pipeline/extract-files.js';
export { OUTPUT_FORMATS, DEFAULT_MAX_PAGE_BYTES, DEFAULT_TIME_BUDGET_MS, defaultKillAfterMs } from './pipeline/extract-options.js';
export { renderArticle } from './pipeline/extract-page.js';
export type { OutputFormat } from './pipeline/extract-options.js';
export type { PageResult, PageError } from './pipeline/extract-page.js';
export type { ExtractPagesOptions, FileResult } from './pipeline/extract-files.js';

// search: Arabic-aware full-text search over the store
export * from './search/index.js';

// export and import: corpus formats in and out
export * from './export/index.js';
export * from './import/index.js';

// repair: naive text dumps (the seed file's shape) back into records
export { repairDump, type RepairOptions } from './export/seed-repair.js';

// store: the Store interface and the embedded SQLite store
export * from './store/index.js';

// pipeline: crawl, recrawl, revision diffs
export * from './pipeline/crawl/index.js';

// config and provenance
export * from './config/index.js';
export * from './warc/index.js';
