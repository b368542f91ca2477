/** The crawl pipeline: discovery, scheduling, fetching, analysis and storage, resumable from the store. */
export { crawl, seedUrl } from './crawler.js';
export { isArticle } from './handle-item.js';
export { CrawlScope, twinHosts, type ScopeOptions } from './scope.js';
export { nextRecrawlAt, DEFAULT_RECRAWL_POLICY, type RecrawlPolicy } from './schedule.js';
export type * from './types.js';
export { recrawl, type RecrawlOptions, type RecrawlSummary } from './recrawl.js';
export { diffVersions, type VersionDiff, type ParagraphChange, type WordChange } from './diff-versions.js';
