/**
 * A corpus in transit between two stores (`marsad migrate`): the rows of sources, frontier,
 * articles and article versions as both schemas name them, JSON kept as text so nothing is
 * reparsed or reordered on the way. Each store has a reader and a writer of these rows
 * (sqlite-side.ts, postgres-side.ts).
 */

export interface SourceRow {
  id: number;
  name: string;
  hosts: string;
  start_urls: string;
  config: string;
  created_at: string;
}

export interface FrontierRow {
  id: number;
  url: string;
  host: string;
  source_id: number | null;
  kind: string;
  state: string;
  priority: number;
  depth: number;
  next_fetch_at: number;
  attempts: number;
  hints: string;
  last_status: number | null;
  last_error: string | null;
  discovered_at: number;
  updated_at: number;
}

export interface ArticleRow {
  id: string;
  canonical_url: string;
  url: string;
  source_id: number | null;
  host: string;
  title: string | null;
  published: string | null;
  modified: string | null;
  language: string | null;
  word_count: number;
  content_hash: string | null;
  change_hash: string;
  sh_b0: number | null;
  sh_b1: number | null;
  sh_b2: number | null;
  sh_b3: number | null;
  dup_group: string | null;
  version: number;
  first_seen_at: number;
  last_fetched_at: number;
  last_changed_at: number;
  next_recrawl_at: number;
  etag: string | null;
  last_modified: string | null;
  record: string;
}

export interface VersionRow {
  article_id: string;
  version: number;
  fetched_at: number;
  title: string | null;
  content_hash: string | null;
  record: string;
}

/** An article with every version, copied as one unit (one transaction in the target). */
export interface ArticleWithVersions {
  /** Its place in the source's storage order (rowid, seq): where a batch ends. */
  key: number;
  article: ArticleRow;
  versions: VersionRow[];
}

export const FRONTIER_COLUMNS = ['url', 'host', 'source_id', 'kind', 'state', 'priority', 'depth', 'next_fetch_at', 'attempts', 'hints',
  'last_status', 'last_error', 'discovered_at', 'updated_at'] as const;

export const ARTICLE_COLUMNS = ['id', 'canonical_url', 'url', 'source_id', 'host', 'title', 'published', 'modified', 'language', 'word_count',
  'content_hash', 'change_hash', 'sh_b0', 'sh_b1', 'sh_b2', 'sh_b3', 'dup_group', 'version', 'first_seen_at', 'last_fetched_at',
  'last_changed_at', 'next_recrawl_at', 'etag', 'last_modified', 'record'] as const;

export const VERSION_COLUMNS = ['article_id', 'version', 'fetched_at', 'title', 'content_hash', 'record'] as const;

export interface CorpusReader {
  sources(): Promise<SourceRow[]>;
  /** Frontier entries with an id above `after`, by id. */
  frontier(after: number, limit: number): Promise<FrontierRow[]>;
  /** Articles after `after` in storage order, each with its versions. */
  articles(after: number, limit: number): Promise<ArticleWithVersions[]>;
  counts(): Promise<{ sources: number; frontier: number; articles: number }>;
}

export interface CorpusWriter {
  /** Adds the sources the target lacks (by name); returns each source id's id in the target. */
  sources(rows: SourceRow[]): Promise<Map<number, number>>;
  /** Adds the entries whose URL the target lacks; returns how many were added. */
  frontier(rows: FrontierRow[]): Promise<number>;
  /** Adds the articles (with their versions) the target lacks; returns how many were added. */
  articles(items: ArticleWithVersions[]): Promise<number>;
  /** After the last batch (the SQLite target brings its search index up to date). */
  finish(): Promise<void>;
}

/**
 * A leased entry is queued again: its lease belongs to a worker of the other store. Source ids
 * are the target's.
 */
export function frontierForTarget(row: FrontierRow, sourceIds: Map<number, number>): FrontierRow {
  const state = row.state === 'fetching' ? 'queued' : row.state;
  return { ...row, state, source_id: row.source_id === null ? null : sourceIds.get(row.source_id) ?? null };
}

export function articleForTarget(item: ArticleWithVersions, sourceIds: Map<number, number>): ArticleWithVersions {
  const sourceId = item.article.source_id;
  return { ...item, article: { ...item.article, source_id: sourceId === null ? null : sourceIds.get(sourceId) ?? null } };
}
