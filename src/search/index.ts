/** Search: Arabic-aware normalization and stemming, query parsing, the SQLite index, search(). */
export { normalizeText, isArabicScript } from './normalize-arabic.js';
export { stemToken, stemArabic, type Stems } from './stem.js';
export { tokenize, stemText, type Token } from './tokenize.js';
export { buildIndexDocument, type IndexDocument } from './index-text.js';
export { parseQuery, toMatchExpression, parseDateBound, emptyFilters, filtersFromFlags, type FilterFlags, type ParsedQuery, type QueryClause, type SearchFilters } from './query.js';
export { buildSnippet, type HighlightOptions } from './snippet.js';
export { indexPendingArticles, countPendingArticles, type IndexProgress } from './sqlite-index.js';
export { DEFAULT_PART_SIZE, listParts, optimizeParts, setPartSize, type FtsPart } from './fts-parts.js';
export { search, searchDatabase, SearchUnavailableError, type SearchHit, type SearchOptions, type SearchResult } from './search.js';
export { countFacets, countFacetsOfPlan, type FacetCount, type FacetCounts, type FacetCountOptions } from './facet-counts.js';
export { snippetSegments, directionOf, MATCH_OPEN, MATCH_CLOSE, type SnippetSegment } from './hit-parts.js';
export { attentionOverTime, bucketStart, OTHER_SITES, MAX_TIMELINE_QUERIES, TIMELINE_INTERVALS, type Timeline, type TimelineInterval, type TimelineOptions, type TimelineSeries } from './timeline.js';
export { topTermsOfTexts, topTermsOfMatches, isContentTerm, DEFAULT_TERMS_SAMPLE, type TermCount, type TopTerms, type TopTermsOptions } from './top-terms.js';
