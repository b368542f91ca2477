/**
 * The API's response bodies as TypeScript types, inferred from the zod schemas that validate them
 * and generate the OpenAPI document, so a client (the web UI) cannot drift from what the server
 * sends. Each type is named after its schema (the OpenAPI component). z.output is the body as
 * sent, after any defaults are filled in.
 *
 * Type-only on purpose: the UI imports this file with `import type`/`export type`, which the
 * bundler erases, so none of the server (zod, hono, the store) reaches the browser. Keep values
 * out of it.
 */
import type { z } from '@hono/zod-openapi';
import type { ArticleRecordSchema, DateEvidenceSchema } from './article-schema.js';
import type { ArticleDetailSchema, NearDuplicateSchema, ParagraphChangeSchema, VersionDiffSchema, VersionSummarySchema, WordChangeSchema } from './routes/articles.js';
import type { HealthSchema } from './routes/health.js';
import type { FacetCountSchema, SearchHitSchema, SearchResultSchema, SnippetSegmentSchema } from './routes/search.js';
import type { CrawlSchema, FetchErrorSchema, HostSchema, SourceSchema, SourcesSchema } from './routes/sources.js';
import type { TermSchema, TopTermsSchema } from './routes/terms.js';
import type { TimelineSchema, TimelineSeriesSchema } from './routes/timeline.js';
import type { ErrorSchema } from './schemas.js';

/** Every error response: `{ error: { code, message } }` (component Error; not called Error, which is the global). */
export type ApiErrorBody = z.output<typeof ErrorSchema>;

/** GET /api/v1/health */
export type Health = z.output<typeof HealthSchema>;

/** GET /api/v1/search */
export type SearchResult = z.output<typeof SearchResultSchema>;
export type SearchHit = z.output<typeof SearchHitSchema>;
export type SnippetSegment = z.output<typeof SnippetSegmentSchema>;
export type FacetCount = z.output<typeof FacetCountSchema>;

/** GET /api/v1/timeline */
export type Timeline = z.output<typeof TimelineSchema>;
export type TimelineSeries = z.output<typeof TimelineSeriesSchema>;
export type Interval = Timeline['interval'];

/** GET /api/v1/terms */
export type TopTerms = z.output<typeof TopTermsSchema>;
export type Term = z.output<typeof TermSchema>;

/** GET /api/v1/articles/{id} and its versions */
export type ArticleDetail = z.output<typeof ArticleDetailSchema>;
export type ArticleRecord = z.output<typeof ArticleRecordSchema>;
export type BlockType = ArticleRecord['blocks'][number]['type'];
export type DateEvidence = z.output<typeof DateEvidenceSchema>;
export type VersionSummary = z.output<typeof VersionSummarySchema>;
export type NearDuplicate = z.output<typeof NearDuplicateSchema>;

/** GET /api/v1/articles/{id}/diff */
export type VersionDiff = z.output<typeof VersionDiffSchema>;
export type ParagraphChange = z.output<typeof ParagraphChangeSchema>;
export type WordChange = z.output<typeof WordChangeSchema>;

/** GET /api/v1/sources, and the crawls started through it */
export type Sources = z.output<typeof SourcesSchema>;
export type HostStatus = z.output<typeof HostSchema>;
/** A host's last failed fetch (component HostError); recentErrors add the URL. */
export type FetchError = z.output<typeof FetchErrorSchema>;
export type RecentFetchError = HostStatus['recentErrors'][number];
export type Source = z.output<typeof SourceSchema>;
export type Crawl = z.output<typeof CrawlSchema>;
export type CrawlState = Crawl['state'];
/** POST /api/v1/sources (component SourceAdded, declared inline in routes/sources.ts). */
export type SourceAdded = { source: Source; crawl: Crawl | null };
/** POST /api/v1/sources/{id}/crawl (component CrawlStarted, declared inline in routes/sources.ts). */
export type CrawlStarted = { crawl: Crawl };
