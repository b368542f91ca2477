/**
 * Aggregates over a query's matches on PostgreSQL, for the web UI: facet counts, matches per day
 * (the attention timeline) and the texts of the newest matches (top terms). Grouped and counted
 * by the server over `search_docs`, as src/search/matched-rows.ts does on SQLite, with the same
 * window rule: facets count at most `maxMatches` of the most recently stored matches.
 */
import type { PostgresStore } from '../../store/index.js';
import type { ParsedQuery, SearchFilters } from '../query.js';
import { indexPendingPostgres } from './index-pending.js';
import { planPostgresQuery, type PostgresPlan } from './plan.js';

async function planned(store: PostgresStore, parsed: ParsedQuery, filters: Partial<SearchFilters>): Promise<PostgresPlan> {
  await indexPendingPostgres(store);
  return planPostgresQuery(parsed, filters);
}

export interface FacetGroup {
  site_rev: string;
  language: string | null;
  section: string | null;
  n: number;
  /** A section as one of the grouped articles writes it (search_docs keeps it normalized). */
  spelling: string | null;
}

/** Site, language and section groups of the newest `maxMatches` matches. */
export async function facetGroupsPostgres(store: PostgresStore, parsed: ParsedQuery, filters: Partial<SearchFilters>, maxMatches: number): Promise<FacetGroup[]> {
  const plan = await planned(store, parsed, filters);
  const p = plan.params.clone();
  const result = await store.pool.query<FacetGroup>(`SELECT m.site_rev, m.language, m.section, count(*) AS n,
      (SELECT a.record::json ->> 'section' FROM articles a WHERE a.id = max(m.article_id)) AS spelling
    FROM (SELECT d.article_id, d.site_rev, d.language, d.section FROM search_docs d ${plan.where} ORDER BY d.seq DESC LIMIT ${p.add(maxMatches)}) m
    GROUP BY 1, 2, 3`, p.values);
  return result.rows;
}

/** Matches per UTC day (null: undated) and, when split, per reversed host. */
export async function dayCountsPostgres(store: PostgresStore, parsed: ParsedQuery, filters: Partial<SearchFilters>, bySite: boolean): Promise<{ day: string | null; site_rev: string; n: number }[]> {
  const plan = await planned(store, parsed, filters);
  const result = await store.pool.query<{ day: string | null; site_rev: string; n: number }>(`SELECT substr(d.published, 1, 10) AS day,
      ${bySite ? 'd.site_rev' : "''"} AS site_rev, count(*) AS n
    FROM search_docs d ${plan.where} GROUP BY 1, 2`, plan.params.values);
  return result.rows;
}

/** The title and the first `chars` characters of the body of the newest `sample` matches, and how many match (up to `max`). */
export async function newestTextsPostgres(store: PostgresStore, parsed: ParsedQuery, filters: Partial<SearchFilters>, sample: number, chars: number, max: number): Promise<{ texts: string[]; total: number }> {
  const plan = await planned(store, parsed, filters);
  const p = plan.params.clone();
  const rows = await store.pool.query<{ text: string }>(`SELECT coalesce(r.record ->> 'title', '') || E'\\n\\n' || left(coalesce(r.record ->> 'text', ''), ${p.add(chars)}) AS text
    FROM (SELECT d.article_id FROM search_docs d ${plan.where} ORDER BY d.seq DESC LIMIT ${p.add(sample)}) m
    CROSS JOIN LATERAL (SELECT a.record::json AS record FROM articles a WHERE a.id = m.article_id) r`, p.values);
  const texts = rows.rows.map((r) => r.text);
  if (texts.length < sample) return { texts, total: texts.length };
  const c = plan.params.clone();
  const counted = await store.pool.query<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM search_docs d ${plan.where} LIMIT ${c.add(max)}) m`, c.values);
  return { texts, total: counted.rows[0]!.n };
}
