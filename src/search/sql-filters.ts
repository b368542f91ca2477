/** Search filters as SQL conditions on `search_docs` (aliased `d`), with their parameters. */
import type { SearchFilters } from './query.js';
import { reverseHost } from './facets.js';

export interface SqlCondition {
  sql: string;
  params: (string | number)[];
}

function siteCondition(sites: string[]): SqlCondition {
  // site:bbc.com matches bbc.com and every subdomain: a range over reversed hosts
  const parts = sites.map(() => '(d.site_rev >= ? AND d.site_rev < ?)');
  const params = sites.flatMap((s) => {
    const rev = reverseHost(s);
    return [rev, `${rev.slice(0, -1)}/`];
  });
  return { sql: `(${parts.join(' OR ')})`, params };
}

function languageCondition(languages: string[]): SqlCondition {
  // lang:ar matches ar, ar-EG, ar-SA…
  return {
    sql: `(${languages.map(() => "(d.language = ? OR d.language LIKE ? || '-%')").join(' OR ')})`,
    params: languages.flatMap((l) => [l, l]),
  };
}

function listCondition(values: string[], one: string): SqlCondition {
  return { sql: `(${values.map(() => one).join(' OR ')})`, params: values };
}

/** The WHERE conditions of a filter set (empty when nothing filters). */
export function filterConditions(filters: SearchFilters): SqlCondition[] {
  const out: SqlCondition[] = [];
  const negate = (c: SqlCondition): SqlCondition => ({ sql: `NOT ${c.sql}`, params: c.params });
  if (filters.sites.length > 0) out.push(siteCondition(filters.sites));
  if (filters.notSites.length > 0) out.push(negate(siteCondition(filters.notSites)));
  if (filters.languages.length > 0) out.push(languageCondition(filters.languages));
  if (filters.notLanguages.length > 0) out.push({ sql: `coalesce(NOT ${languageCondition(filters.notLanguages).sql}, 1)`, params: languageCondition(filters.notLanguages).params });
  if (filters.sections.length > 0) out.push(listCondition(filters.sections, 'd.section = ?'));
  if (filters.notSections.length > 0) out.push({ sql: `coalesce(NOT ${listCondition(filters.notSections, 'd.section = ?').sql}, 1)`, params: filters.notSections });
  // authors are stored one per line: a filter matches a whole name or a part of one
  if (filters.authors.length > 0) out.push(listCondition(filters.authors, 'instr(d.authors, ?) > 0'));
  if (filters.notAuthors.length > 0) out.push(negate(listCondition(filters.notAuthors, 'instr(d.authors, ?) > 0')));
  if (filters.after !== null) out.push({ sql: 'd.published >= ?', params: [filters.after] });
  if (filters.before !== null) out.push({ sql: 'd.published < ?', params: [filters.before] });
  return out;
}

/** Merges two filter sets (the query's and the caller's): lists concatenate, dates narrow. */
export function mergeFilters(a: SearchFilters, b: Partial<SearchFilters>): SearchFilters {
  const later = (x: string | null, y: string | null | undefined): string | null => (y == null ? x : x === null || y > x ? y : x);
  const earlier = (x: string | null, y: string | null | undefined): string | null => (y == null ? x : x === null || y < x ? y : x);
  return {
    sites: [...a.sites, ...(b.sites ?? [])],
    notSites: [...a.notSites, ...(b.notSites ?? [])],
    languages: [...a.languages, ...(b.languages ?? [])],
    notLanguages: [...a.notLanguages, ...(b.notLanguages ?? [])],
    sections: [...a.sections, ...(b.sections ?? [])],
    notSections: [...a.notSections, ...(b.notSections ?? [])],
    authors: [...a.authors, ...(b.authors ?? [])],
    notAuthors: [...a.notAuthors, ...(b.notAuthors ?? [])],
    after: later(a.after, b.after),
    before: earlier(a.before, b.before),
  };
}
