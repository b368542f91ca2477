/** A parsed query as the WHERE clause of the articles it matches in the PostgreSQL index. */
import { emptyFilters, type ParsedQuery, type SearchFilters } from '../query.js';
import { mergeFilters } from '../sql-filters.js';
import { postgresFilterConditions, SqlParams } from './filters.js';
import { excludeQuery, matchQuery } from './tsvector.js';

export interface PostgresPlan {
  /** True when the query has words: matches are ranked. */
  scored: boolean;
  /** The placeholder of the tsquery, when scored (for ts_rank_cd). */
  tsquery: string | null;
  /** `WHERE …` on `search_docs d` (empty when everything matches). */
  where: string;
  params: SqlParams;
}

export function planPostgresQuery(parsed: ParsedQuery, extra: Partial<SearchFilters> = emptyFilters()): PostgresPlan {
  const params = new SqlParams();
  const conditions: string[] = [];
  const words = matchQuery(parsed);
  let tsquery: string | null = null;
  if (words !== null) {
    tsquery = `${params.add(words)}::tsquery`;
    conditions.push(`d.doc @@ ${tsquery}`);
  } else {
    const excluded = excludeQuery(parsed);
    if (excluded !== null) conditions.push(`NOT (d.doc @@ ${params.add(excluded)}::tsquery)`);
  }
  conditions.push(...postgresFilterConditions(mergeFilters(parsed.filters, extra), params));
  return { scored: words !== null, tsquery, where: conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`, params };
}
