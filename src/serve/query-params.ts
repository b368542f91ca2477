/**
 * The query and filter parameters every search-side endpoint takes (search, timeline, terms,
 * export): `q` in the CLI's query syntax plus the CLI's filter flags as parameters. One schema,
 * so the four endpoints validate and document them identically, and one function turning them
 * into the library's SearchFilters (the CLI's filtersFromFlags, so a date is read the same way).
 */
import { z } from '@hono/zod-openapi';
import { filtersFromFlags, type SearchFilters } from '../search/query.js';

/** Longest accepted value of a text parameter: a query longer than this is not a person typing. */
const MAX_PARAM_CHARS = 2000;
/** Most values of one repeatable filter. */
const MAX_REPEATS = 50;

/*
 * hono hands a parameter given once as a string and a repeated one as an array of strings;
 * both become an array here, so `site=a` and `site=a&site=b` mean what they look like.
 */
const toArray = (value: unknown): unknown => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);

/** A repeatable text parameter (`site=a&site=b`). */
export function repeatable(description: string, example: string, maxItems = MAX_REPEATS): z.ZodType<string[] | undefined> {
  return z
    .preprocess(toArray, z.array(z.string().max(MAX_PARAM_CHARS)).max(maxItems).optional())
    .openapi({ description, example: [example], param: { style: 'form', explode: true } }) as unknown as z.ZodType<string[] | undefined>;
}

const dateBound = (description: string, example: string) => z.string().max(64).optional().openapi({ description, example });

/** The filters, as the CLI's --site --lang --section --author --after --before. */
export const filterParams = {
  site: repeatable('Only this site and its subdomains (repeatable: any of them).', 'aljazeera.net'),
  lang: repeatable('Only this language (BCP 47; `ar` matches ar-EG) (repeatable).', 'ar'),
  section: repeatable('Only this section (repeatable).', 'سياسة'),
  author: repeatable('Only articles by this author; part of the name is enough (repeatable).', 'أحمد'),
  after: dateBound('Published on or after: YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 time.', '2025-10'),
  before: dateBound('Published before (same forms as after).', '2025-11-01'),
};

const QUERY_DESCRIPTION =
  'The query, in marsad\'s syntax: words (Arabic matched without regard to hamza, ta marbuta, alef maqsura, diacritics and tatweel), "phrases", -exclusions, and filters site: lang: section: author: after: before:. Empty or absent: every article.';

export const queryParam = z
  .string()
  .max(MAX_PARAM_CHARS)
  .optional()
  .openapi({
    description: QUERY_DESCRIPTION,
    example: 'وزير الخارجية -الأردن lang:ar',
  });

/** `q` given up to `max` times (queries side by side), each combined with the filters. */
export const repeatedQueryParam = (max: number): z.ZodType<string[] | undefined> =>
  repeatable(`${QUERY_DESCRIPTION} Repeat it (up to ${max} times) to compare queries side by side.`, 'النفط', max);

/** `q` and the filters: the parameters of the terms and export endpoints, extended by search and timeline. */
export const QueryAndFilterParams = z.object({ q: queryParam, ...filterParams });

export type FilterParams = { [K in keyof typeof filterParams]?: K extends 'after' | 'before' ? string : string[] };

/** The parameters as the library's filters; a bad date throws the CLI's UsageError (a 400). */
export function filtersOfParams(params: FilterParams): SearchFilters {
  return filtersFromFlags({
    ...(params.site ? { site: params.site } : {}),
    ...(params.lang ? { lang: params.lang } : {}),
    ...(params.section ? { section: params.section } : {}),
    ...(params.author ? { author: params.author } : {}),
    ...(params.after ? { after: params.after } : {}),
    ...(params.before ? { before: params.before } : {}),
  });
}
