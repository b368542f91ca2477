/**
 * Facet counts: how many of a query's matches come from each site, language and section, over
 * the whole match set (not the page shown), so a reader sees where the attention is and can
 * narrow by clicking one. Counted by SQLite with one GROUP BY per index part.
 *
 * Scale rule: like search()'s total, at most MAX_RANKED of the newest matches are counted, so
 * the facets always add up to the total shown beside them and a query matching most of a large
 * corpus costs no more than ranking it does.
 */
import type Database from 'better-sqlite3';
import type { Store } from '../store/index.js';
import { isPostgresStore } from '../store/postgres/is-postgres-store.js';
import { parseQuery, type SearchFilters } from './query.js';
import { databaseOf, MAX_RANKED, planQuery, type MatchPlan } from './search.js';
import { groupMatches } from './matched-rows.js';
import { catchUpIndex } from './sqlite-index.js';
import { cachedForIndexState } from './result-cache.js';

export interface FacetCount {
  value: string;
  count: number;
}

export interface FacetCounts {
  /** Host names (a filter site:<value> selects them). */
  site: FacetCount[];
  /** Language tags as stored (lowercase BCP 47). */
  language: FacetCount[];
  /** Section names in one of their original spellings (a section filter normalizes it back). */
  section: FacetCount[];
}

export interface FacetCountOptions {
  /** Values kept per facet, most frequent first (default 20). */
  top?: number;
  /** At most this many of the newest matches are counted (default MAX_RANKED, as search's total). */
  maxMatches?: number;
}

/** "com.bbc.www." → "www.bbc.com": the inverse of reverseHost. */
export function hostOfReversed(reversed: string): string {
  return reversed.replace(/\.$/, '').split('.').reverse().join('.');
}

interface GroupRow {
  site_rev: string;
  language: string | null;
  section: string | null;
  n: number;
  /** One article of the group, to read an original spelling of its section. */
  sample: number;
}

function topOf(counts: Map<string, number>, top: number): FacetCount[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, top);
}

const add = (map: Map<string, number>, key: string, n: number): void => {
  map.set(key, (map.get(key) ?? 0) + n);
};

/**
 * Counts the facets of a planned query. Articles with no language or section are left out of
 * that facet (nothing could filter by "unknown"), so those two may add up to less than the total.
 */
export function countFacetsOfPlan(db: Database.Database, plan: MatchPlan, options: FacetCountOptions = {}): FacetCounts {
  const top = Math.max(1, Math.floor(options.top ?? 20));
  const max = Math.max(1, Math.floor(options.maxMatches ?? MAX_RANKED));
  // One pass groups by all three columns; the few combinations are then added up per facet.
  const rows = groupMatches<GroupRow>(db, plan, 's.site_rev AS site_rev, s.language AS language, s.section AS section, count(*) AS n, max(s.rowid) AS sample', '1, 2, 3', max);
  const sites = new Map<string, number>();
  const languages = new Map<string, number>();
  const sections = new Map<string, number>();
  const sampleOfSection = new Map<string, number>();
  for (const row of rows) {
    if (row.site_rev !== '') add(sites, hostOfReversed(row.site_rev), row.n);
    if (row.language) add(languages, row.language, row.n);
    if (row.section) {
      add(sections, row.section, row.n);
      sampleOfSection.set(row.section, row.sample);
    }
  }
  // search_docs keeps sections normalized (سياسه); show them as an article writes them (سياسة).
  const spelling = db.prepare<[number], { section: string | null }>(`SELECT json_extract(a.record, '$.section') AS section
    FROM search_docs s JOIN articles a ON a.id = s.article_id WHERE s.rowid = ?`);
  const section = topOf(sections, top).map((f) => ({ value: spelling.get(sampleOfSection.get(f.value)!)?.section ?? f.value, count: f.count }));
  return { site: topOf(sites, top), language: topOf(languages, top), section };
}

/** Facet counts of a query (same syntax and filters as search()) over the store; empty when the query has nothing to search. */
export function countFacets(store: Store, query: string, filters: Partial<SearchFilters> = {}, options: FacetCountOptions = {}): FacetCounts {
  const db = databaseOf(store);
  const parsed = parseQuery(query);
  if (parsed.notice !== null) return { site: [], language: [], section: [] };
  catchUpIndex(db);
  // the first page and every next one ask for the same facets: computed once per index state
  return cachedForIndexState(db, JSON.stringify(['facets', query, filters, options]), () => countFacetsOfPlan(db, planQuery(db, parsed, filters), options));
}

/**
 * Facet counts on either store: countFacets on SQLite; on PostgreSQL the same groups, counted by
 * the server over the same window of the newest matches.
 */
export async function facetCounts(store: Store, query: string, filters: Partial<SearchFilters> = {}, options: FacetCountOptions = {}): Promise<FacetCounts> {
  if (!isPostgresStore(store)) return countFacets(store, query, filters, options);
  const parsed = parseQuery(query);
  if (parsed.notice !== null) return { site: [], language: [], section: [] };
  const { facetGroupsPostgres } = await import('./postgres/aggregates.js');
  const top = Math.max(1, Math.floor(options.top ?? 20));
  const groups = await facetGroupsPostgres(store, parsed, filters, Math.max(1, Math.floor(options.maxMatches ?? MAX_RANKED)));
  const sites = new Map<string, number>();
  const languages = new Map<string, number>();
  const sections = new Map<string, number>();
  const spellings = new Map<string, string>();
  for (const row of groups) {
    if (row.site_rev !== '') add(sites, hostOfReversed(row.site_rev), row.n);
    if (row.language) add(languages, row.language, row.n);
    if (row.section) {
      add(sections, row.section, row.n);
      if (row.spelling) spellings.set(row.section, row.spelling);
    }
  }
  const section = topOf(sections, top).map((f) => ({ value: spellings.get(f.value) ?? f.value, count: f.count }));
  return { site: topOf(sites, top), language: topOf(languages, top), section };
}
