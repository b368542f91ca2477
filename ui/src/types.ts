/**
 * The shapes the marsad API returns, inferred from the server's zod schemas (src/serve/api-types.ts)
 * so they cannot drift from what the server sends. Type-only: vite erases the re-export, and no
 * server code reaches the bundle.
 */
export type {
  ApiErrorBody,
  ArticleDetail,
  ArticleRecord,
  BlockType,
  Crawl,
  CrawlStarted,
  CrawlState,
  DateEvidence,
  FacetCount,
  FetchError,
  Health,
  HostStatus,
  Interval,
  NearDuplicate,
  ParagraphChange,
  RecentFetchError,
  SearchHit,
  SearchResult,
  SnippetSegment,
  Source,
  SourceAdded,
  Sources,
  Term,
  Timeline,
  TimelineSeries,
  TopTerms,
  VersionDiff,
  VersionSummary,
  WordChange,
} from '../../src/serve/api-types.js';
