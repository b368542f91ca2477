/**
 * Search filters as SQL conditions on the PostgreSQL `search_docs` (aliased `d`): the same
 * meaning as src/search/sql-filters.ts has on SQLite, in PostgreSQL's dialect ($n parameters,
 * strpos, booleans).
 */
import { reverseHost } from '../facets.js';
import type { SearchFilters } from '../query.js';

/** Positional parameters: `add` returns the placeholder of the value it keeps. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** A copy to add a query's own values (limit, offset) to, leaving the plan's as they are. */
  clone(): SqlParams {
    const copy = new SqlParams();
    copy.values.push(...this.values);
    return copy;
  }
}

function siteCondition(sites: string[], p: SqlParams): string {
  // site:bbc.com matches bbc.com and every subdomain: a range over reversed hosts
  return `(${sites.map((s) => {
    const rev = reverseHost(s);
    return `(d.site_rev >= ${p.add(rev)} AND d.site_rev < ${p.add(`${rev.slice(0, -1)}/`)})`;
  }).join(' OR ')})`;
}

function languageCondition(languages: string[], p: SqlParams): string {
  // lang:ar matches ar, ar-EG, ar-SA…
  return `(${languages.map((l) => `(d.language = ${p.add(l)} OR d.language LIKE ${p.add(`${l}-%`)})`).join(' OR ')})`;
}

function anyOf(values: string[], one: (placeholder: string) => string, p: SqlParams): string {
  return `(${values.map((v) => one(p.add(v))).join(' OR ')})`;
}

/** The WHERE conditions of a filter set (empty when nothing filters). */
export function postgresFilterConditions(filters: SearchFilters, p: SqlParams): string[] {
  const out: string[] = [];
  if (filters.sites.length > 0) out.push(siteCondition(filters.sites, p));
  if (filters.notSites.length > 0) out.push(`NOT ${siteCondition(filters.notSites, p)}`);
  if (filters.languages.length > 0) out.push(languageCondition(filters.languages, p));
  // an article without a language (or section) is kept by a negated filter, as on SQLite
  if (filters.notLanguages.length > 0) out.push(`coalesce(NOT ${languageCondition(filters.notLanguages, p)}, true)`);
  if (filters.sections.length > 0) out.push(anyOf(filters.sections, (x) => `d.section = ${x}`, p));
  if (filters.notSections.length > 0) out.push(`coalesce(NOT ${anyOf(filters.notSections, (x) => `d.section = ${x}`, p)}, true)`);
  // authors are stored one per line: a filter matches a whole name or a part of one
  if (filters.authors.length > 0) out.push(anyOf(filters.authors, (x) => `strpos(d.authors, ${x}) > 0`, p));
  if (filters.notAuthors.length > 0) out.push(`NOT ${anyOf(filters.notAuthors, (x) => `strpos(d.authors, ${x}) > 0`, p)}`);
  if (filters.after !== null) out.push(`d.published >= ${p.add(filters.after)}`);
  if (filters.before !== null) out.push(`d.published < ${p.add(filters.before)}`);
  return out;
}
