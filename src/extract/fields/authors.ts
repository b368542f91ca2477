/**
 * The article's authors from its credit sources, most trusted first (JSON-LD, microdata,
 * meta tags, the visible byline). Rules:
 * - the first source that credits people, agencies or a named desk gives the answer, all of
 *   them, as written ("Jane Doe", "dpa", "Gear Team"); later sources are not merged in, so a
 *   translator in a meta tag or a related article's byline never joins the list;
 * - the publisher itself (or another organisation) is an author only when nothing else is
 *   credited: a staff byline ("BBC News", "ORF.at") says more than no answer;
 * - initials ("amw") come last, when nothing else names the writer.
 */
import { compareKey } from './title.js';
import { creditParts, type Credit } from './credit-parts.js';

export interface CreditText {
  text: string;
  /** The source typed this credit as an organisation (JSON-LD Organization). */
  org?: boolean;
}

/** Credit strings of one source; a function so that later sources are read only when needed. */
export type CreditSource = () => Array<string | CreditText>;

const PRIMARY = new Set(['person', 'agency', 'staff']);

function unique(credits: Credit[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of credits) {
    const key = compareKey(c.name) || c.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c.name);
  }
  // A lone first name repeated inside a full name ("kevin", "Kevin Rebong") is the same person.
  const keys = out.map((n) => compareKey(n));
  return out.filter((n, i) => !(keys[i]!.split(' ').length === 1 && keys.some((k, j) => j !== i && k.split(' ').length > 1 && k.split(' ').includes(keys[i]!)))).slice(0, 12);
}

function partsOf(source: CreditSource, siteNames: string[]): Credit[] {
  const out: Credit[] = [];
  for (const item of source()) {
    const { text, org } = typeof item === 'string' ? { text: item, org: false } : item;
    if (text) out.push(...creditParts(text, siteNames, org ?? false));
  }
  return out;
}

export function chooseAuthors(sources: CreditSource[], siteNames: string[]): { authors: string[]; source: number } {
  let fallback: { credits: Credit[]; source: number } | null = null;
  let initials: { credits: Credit[]; source: number } | null = null;
  for (let i = 0; i < sources.length; i++) {
    const credits = partsOf(sources[i]!, siteNames);
    const primary = credits.filter((c) => PRIMARY.has(c.kind));
    if (primary.length > 0) return { authors: unique(primary), source: i };
    const orgs = credits.filter((c) => c.kind === 'org');
    if (!fallback && orgs.length > 0) fallback = { credits: orgs.slice(0, 1), source: i };
    const short = credits.filter((c) => c.kind === 'initials');
    if (!initials && short.length > 0) initials = { credits: short, source: i };
  }
  const pick = fallback ?? initials;
  return pick ? { authors: unique(pick.credits), source: pick.source } : { authors: [], source: -1 };
}

/** Names from credit strings of one source (see chooseAuthors). */
export function cleanAuthors(credits: string[], siteNames: string[]): string[] {
  return chooseAuthors([() => credits], siteNames).authors;
}
