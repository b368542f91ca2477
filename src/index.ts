/** marsad's public API, grouped by pipeline stage. */

// errors
export { MarsadError, NotHtmlError, ExtractLimitError, UsageError } from './errors.js';
export {
  FetchError,
  NetworkError,
  RobotsDisallowedError,
  TooLargeError,
  TooManyRedirectsError,
  TimeoutError,
  InvalidUrlError,
  FetcherClosedError,
} from './errors.js';

// extract (pure)
export { extractArticle, countWords } from './extract/extract-article.js';
export { simhash, hammingDistance, articleId } from './extract/content-hash.js';
export type { Article, Block, BlockType, DateEvidence, ExtractOptions, TraceEntry } from './extract/types.js';

// fetch
export * from './fetch/index.js';

// discover
export * from './discover/index.js';
