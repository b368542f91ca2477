/**
 * Facet tokens: the site and section of an article written as words of a `facet` column of the
 * full-text index, so a filter such as `site:bbc.com` becomes one more term of the FTS5 match.
 * FTS5 then intersects the filter with the query words inside the index, skipping through both
 * lists, instead of the query joining every word match to the filter table: at a million
 * articles that join was most of the time of a filtered query.
 *
 * Languages are not facets: a corpus has few of them, so `lang:ar` keeps most articles, and as
 * an FTS5 term its list (most of the index) would be read whole by bm25's article count. The
 * language stays a check on the filter table, which costs little when it keeps most rows.
 *
 * Tokens are exact (the value's UTF-8 bytes in hex behind a one-letter kind), so a facet match
 * needs no second check in SQL; the `ascii` tokenizer keeps such a run of letters and digits as
 * one token.
 */
import type { SearchFilters } from './query.js';

const hex = (value: string): string => Buffer.from(value, 'utf8').toString('hex');

/** Site token of one host suffix: reversed labels as in `reverseHost` ("com.bbc."). */
const siteToken = (reversedSuffix: string): string => `s${hex(reversedSuffix)}`;
const sectionToken = (section: string): string => `c${hex(section)}`;

/** Reversed host labels with a trailing dot: "www.bbc.com" → "com.bbc.www.". */
export function reverseHost(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.').filter((l) => l.length > 0);
  return labels.length === 0 ? '' : `${labels.reverse().join('.')}.`;
}

export interface FacetValues {
  /** The site's host name. */
  host: string;
  /** Normalized section name, or null. */
  section: string | null;
}

/**
 * The facet column of one article. A host gets one token per suffix (www.bbc.co.uk: uk, co.uk,
 * bbc.co.uk, www.bbc.co.uk), because `site:` matches a domain and all its subdomains.
 */
export function facetColumn(values: FacetValues): string {
  const tokens: string[] = [];
  const reversed = reverseHost(values.host);
  if (reversed.length > 0) {
    const labels = reversed.slice(0, -1).split('.');
    for (let n = 1; n <= labels.length; n++) tokens.push(siteToken(`${labels.slice(0, n).join('.')}.`));
  }
  if (values.section) tokens.push(sectionToken(values.section));
  return tokens.join(' ');
}

/** The positive site and section filters as an FTS5 expression on the facet column, or null. */
export function facetExpression(filters: Pick<SearchFilters, 'sites' | 'sections'>): string | null {
  const groups: string[][] = [
    filters.sites.map((s) => siteToken(reverseHost(s))),
    filters.sections.map(sectionToken),
  ].filter((g) => g.length > 0);
  if (groups.length === 0) return null;
  return groups.map((g) => `{facet} : (${g.join(' OR ')})`).join(' AND ');
}
