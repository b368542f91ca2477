/** The shapes the marsad API returns (GET /api/v1/openapi.json is the source of truth). */

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export interface Health {
  ok: boolean;
  version: string;
  store: string;
  articles: number;
  writes: boolean;
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  id: string;
  url: string;
  title: string | null;
  published: string | null;
  site: string;
  siteName: string | null;
  language: string | null;
  direction: 'rtl' | 'ltr';
  snippet: SnippetPart[];
  score: number;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchResult {
  query: string;
  total: number;
  totalExact: boolean;
  page: number;
  limit: number;
  notice: string | null;
  hits: SearchHit[];
  facets?: { site: FacetValue[]; language: FacetValue[]; section: FacetValue[] };
}

export type Interval = 'day' | 'week' | 'month';

export interface TimelineSeries {
  query: string;
  site: string | null;
  label: string;
  total: number;
  counts: number[];
}

export interface Timeline {
  interval: Interval;
  from: string | null;
  to: string | null;
  buckets: string[];
  series: TimelineSeries[];
  undated: number;
}

export interface Term {
  term: string;
  normalized: string;
  count: number;
  share: number;
}

export interface Terms {
  terms: Term[];
  /** Matches read to count the terms (the most recent ones when there are many). */
  sampled: number;
  /** Matches in all. */
  total: number;
}

export type BlockType = 'lead' | 'paragraph' | 'heading' | 'quote' | 'list-item' | 'table' | 'caption';

export interface ArticleRecord {
  site: { name: string | null; domain: string | null } | null;
  title: string | null;
  description: string | null;
  authors: string[];
  published: string | null;
  modified: string | null;
  language: string | null;
  direction: 'rtl' | 'ltr' | null;
  image: { url: string; caption: string | null } | null;
  section: string | null;
  tags: string[];
  blocks: { type: BlockType; text: string }[];
  text: string;
  links: { inBody: string[]; related: string[] };
  wordCount: number;
}

export interface DateEvidence {
  value: string;
  raw: string | null;
  source: string | null;
  confidence: number | null;
}

export interface VersionSummary {
  version: number;
  fetchedAt: string;
  title: string | null;
  contentHash: string | null;
  wordCount: number | null;
}

export interface NearDuplicate {
  id: string;
  title: string | null;
  url: string;
  site: string | null;
  published: string | null;
}

export interface ArticleDetail {
  article: {
    id: string;
    url: string;
    canonicalUrl: string | null;
    host: string;
    title: string | null;
    version: number;
    firstSeenAt: string | null;
    lastFetchedAt: string | null;
    lastChangedAt: string | null;
    dupGroup: string | null;
    record: ArticleRecord;
  };
  dates: { published: DateEvidence | null; modified: DateEvidence | null };
  versions: VersionSummary[];
  nearDuplicates: NearDuplicate[];
  warc: { file: string; offset: number } | null;
}

export type WordOp = 'same' | 'added' | 'removed';

/** A paragraph kept, added or removed (text), or changed (from, to, and the word-level changes). */
export type DiffParagraph = { op: 'same' | 'added' | 'removed'; text: string } | { op: 'changed'; from: string; to: string; words: { op: WordOp; text: string }[] };

export interface ArticleDiff {
  id: string;
  url: string;
  from: { version: number; fetchedAt: string };
  to: { version: number; fetchedAt: string };
  title: { from: string | null; to: string | null } | null;
  paragraphs: DiffParagraph[];
  counts: { same: number; added: number; removed: number; changed: number };
}

export type CrawlState = 'queued' | 'running' | 'done' | 'failed' | 'stopped';

export interface Crawl {
  id: string;
  sourceId: number;
  url: string;
  state: CrawlState;
  startedAt: string | null;
  finishedAt: string | null;
  fetched: number;
  stored: number;
  failed: number;
  error: string | null;
}

/** One failed fetch: the HTTP status or the error code, and when. */
export interface FetchError {
  url: string;
  status: number | null;
  code: string | null;
  error: string | null;
  at: string;
}

export interface HostStatus {
  host: string;
  articles: number;
  queued: number;
  fetching: number;
  fetched: number;
  failed: number;
  blocked: number;
  skipped: number;
  fetches: number;
  errors: number;
  lastFetchAt: string | null;
  lastError: Omit<FetchError, 'url'> | null;
  recentErrors: FetchError[];
}

export interface Source {
  id: number;
  name: string;
  hosts: string[];
  startUrls: string[];
  createdAt: string;
}

export interface SourcesStatus {
  writes: boolean;
  totals: Record<string, number>;
  hosts: HostStatus[];
  sources: Source[];
  crawls: Crawl[];
}
