/**
 * `marsad search <query…>`: ranked full-text search over the store, printed as a table, JSON or
 * JSON Lines. Also the options `marsad export` shares with it (the store, the filters).
 */
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { filtersFromFlags, parseQuery, type FilterFlags, type SearchFilters } from '../search/query.js';
import { databaseOf, search, type SearchHit, type SearchResult } from '../search/search.js';
import { catchUpIndex, countPendingArticles } from '../search/sqlite-index.js';
import { parseIntFlag } from './int-flag.js';
import { openExistingStore, type StoreFlags } from './open-store.js';

export { openExistingStore, type StoreFlags };


const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Adds --db, --config and the filter flags (repeatable site/lang/section/author; after/before). */
export function addSearchFlags(command: Command): Command {
  return command
    .option('--site <domain>', 'only this site and its subdomains (repeatable)', collect)
    .option('--lang <code>', 'only this language, e.g. ar (matches ar-EG) (repeatable)', collect)
    .option('--section <name>', 'only this section (repeatable)', collect)
    .option('--author <name>', 'only articles by this author (part of the name is enough) (repeatable)', collect)
    .option('--after <date>', 'published on or after (YYYY, YYYY-MM, YYYY-MM-DD or ISO 8601)')
    .option('--before <date>', 'published before (same forms)')
    .option('--db <path>', 'the store (default ./marsad.db; MARSAD_DB)')
    .option('--config <file>', 'a config file (default ./marsad.config.json when present)');
}

export function filtersOf(flags: FilterFlags): SearchFilters {
  return filtersFromFlags(flags);
}


const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

/** A URL as a reader writes it: percent-escapes of Arabic (and other) letters decoded, the rest as it is. */
export function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url; // a malformed escape: show it as stored
  }
}

/** Table rendering: one block per hit (rank, date, site, title; the snippet below it). */
export function formatHits(result: SearchResult, options: { color: boolean }): string {
  const paint = (code: string, text: string): string => (options.color ? `${code}${text}${RESET}` : text);
  const highlight = (text: string): string => (options.color ? text.replace(/\*\*(.+?)\*\*/g, `${BOLD}$1${RESET}`) : text);
  const lines: string[] = [];
  result.hits.forEach((hit: SearchHit, i: number) => {
    const day = hit.published?.slice(0, 10) ?? 'undated   ';
    lines.push(`${String(result.offset + i + 1).padStart(3)}. ${day}  ${paint(DIM, hit.site)}  ${paint(BOLD, hit.title ?? '(no title)')}`);
    lines.push(`     ${highlight(hit.snippet)}`);
    lines.push(`     ${paint(DIM, `${readableUrl(hit.url)}  id ${hit.id}${hit.score ? `  score ${hit.score}` : ''}`)}`);
  });
  const last = result.offset + result.hits.length;
  if (result.hits.length === 0 && result.total > 0) {
    const pages = Math.ceil(result.total / result.limit);
    lines.push(`page ${Math.floor(result.offset / result.limit) + 1} is past the end: ${result.totalExact ? '' : 'more than '}${result.total} matches, ${pages} page${pages === 1 ? '' : 's'} of ${result.limit}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(result.total === 0 ? 'no matches' : `${result.offset + 1}-${last} of ${result.totalExact ? '' : 'more than '}${result.total}${last < result.total ? ` (next: --page ${Math.floor(last / result.limit) + 1})` : ''}`);
  return `${lines.join('\n')}\n`;
}

interface SearchFlags extends FilterFlags, StoreFlags {
  format: 'table' | 'json' | 'jsonl';
  limit: number;
  page: number;
  order?: 'relevance' | 'newest';
}

export function registerSearch(program: Command): void {
  const command = program
    .command('search')
    .description('search the stored articles: words, "exact phrases", -excluded, and site: lang: section: author: after: before: filters')
    .argument('<query...>', 'the query, e.g. وزير الخارجيه site:aljazeera.net after:2025-01')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'jsonl']).default('table'))
    .addOption(new Option('--order <order>', 'relevance (default with words) or newest').choices(['relevance', 'newest']))
    .option('-n, --limit <n>', 'hits per page', parseIntFlag('--limit', 1), 20)
    .option('-p, --page <n>', 'page number', parseIntFlag('--page', 1), 1);
  addSearchFlags(command).action(async (words: string[], flags: SearchFlags) => {
    // The query and the flags are checked before the store is opened: a bad date is a usage error, whatever the store.
    const filters = filtersOf(flags);
    const checked = parseQuery(words.join(' '));
    if (checked.notice !== null) throw new UsageError(checked.notice);
    const { store } = await openExistingStore(flags);
    try {
      // The first search after a crawl or an upgrade indexes what is new: say so when it is a lot.
      // (The PostgreSQL store indexes each article as it is saved: nothing to catch up.)
      if (store.kind === 'sqlite') {
        const db = databaseOf(store);
        const pending = countPendingArticles(db);
        if (pending >= 1000 && !db.readonly) process.stderr.write(`marsad: indexing ${pending} articles for search…\n`);
        const caughtUp = catchUpIndex(db);
        if (caughtUp.waiting > 0) process.stderr.write(`marsad: ${caughtUp.waiting} recently stored ${caughtUp.waiting === 1 ? 'article is' : 'articles are'} not searchable yet (${db.readonly ? 'the store is read-only here' : 'a writer holds the store'}); they will be after the next write\n`);
      }
      const result = await search(store, words.join(' '), {
        limit: flags.limit,
        offset: (flags.page - 1) * flags.limit,
        filters,
        ...(flags.order !== undefined ? { order: flags.order } : {}),
      });
      if (result.notice !== null) throw new UsageError(result.notice);
      if (flags.format === 'json') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else if (flags.format === 'jsonl') process.stdout.write(result.hits.map((h) => `${JSON.stringify(h)}\n`).join(''));
      else process.stdout.write(formatHits(result, { color: process.stdout.isTTY === true }));
    } finally {
      await store.close();
    }
  });
}
