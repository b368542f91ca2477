/** `marsad sources add|list|remove`: the sites `watch` follows (also set in marsad.config.json or through the API). */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config/index.js';
import { UsageError } from '../errors.js';
import { openStore, type PollState, type Source, type Store } from '../store/index.js';
import { formatDuration } from './duration-flag.js';

interface StoreFlags {
  db?: string;
  config?: string;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

async function withStore<T>(flags: StoreFlags, options: { create: boolean }, work: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig({ ...(flags.config !== undefined ? { file: flags.config } : {}), flags: { db: flags.db } });
  if (!options.create && !/^postgres/i.test(config.db) && !existsSync(config.db)) {
    throw new UsageError(`no store at ${config.db} (add a source or crawl first, or name one with --db)`);
  }
  const store = await openStore(config.db);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** A source by its name, or by its id when no source has that name. */
function findSource(sources: readonly Source[], nameOrId: string): Source | undefined {
  return sources.find((s) => s.name === nameOrId) ?? (/^\d+$/.test(nameOrId) ? sources.find((s) => s.id === Number(nameOrId)) : undefined);
}

interface ListedSource extends Source {
  articles: number;
  poll: PollState | null;
}

function formatSource(s: ListedSource, now: number): string {
  const poll = s.poll;
  const schedule = poll === null || poll.polls === 0
    ? 'not polled yet'
    : `polled ${poll.polls}×, every ${formatDuration(poll.intervalMs ?? 0)}, next ${poll.nextPollAt <= now ? 'now' : `in ${formatDuration(poll.nextPollAt - now)}`}${poll.lastNewAt !== null ? `, new articles ${formatDuration(now - poll.lastNewAt)} ago` : ''}`;
  return `${String(s.id).padStart(4)}  ${s.name}  ${s.articles} articles  ${schedule}\n      ${s.startUrls.join(' ')}`;
}

export function registerSources(program: Command): void {
  const sources = program
    .command('sources')
    .description('the sites watch follows: add, list, remove')
    .addHelpText('after', `
Sources also come from "sources" in marsad.config.json, from the API, and from every crawl
(a crawl stores the sites it crawls). \`marsad watch\` follows all of them.

Examples:
  marsad sources add aljazeera.net https://www.bbc.com/arabic
  marsad sources add https://example.com/news --name example --feed https://example.com/rss.xml
  marsad sources list --json
  marsad sources remove example`);

  sources
    .command('add')
    .description('add sites (or start URLs) as sources; a site already there gains the new start URLs')
    .argument('<urls...>', 'sites (example.com) or start URLs; URLs of one site make one source')
    .option('--name <name>', 'one source holding all these URLs, under this name (default: one per site, named after it)')
    .option('--feed <url>', 'a feed of the source that its pages do not link (repeatable)', collect)
    .option('--sitemap <url>', 'a sitemap of the source that robots.txt does not list (repeatable)', collect)
    .option('--db <path>', 'the store: a SQLite file (default ./marsad.db; MARSAD_DB); created if missing')
    .option('--config <file>', 'a config file (default ./marsad.config.json when present)')
    .option('--json', 'print the stored sources as JSON')
    .action(async (urls: string[], flags: StoreFlags & { name?: string; feed?: string[]; sitemap?: string[]; json?: boolean }) => {
      const { sourceInputs, mergeSource } = await import('../pipeline/watch/sources.js');
      const inputs = sourceInputs({ urls, ...(flags.name !== undefined ? { name: flags.name } : {}), ...(flags.feed ? { feeds: flags.feed } : {}), ...(flags.sitemap ? { sitemaps: flags.sitemap } : {}) });
      const saved = await withStore(flags, { create: true }, async (store) => {
        const existing = await store.listSources();
        const out: { source: Source; added: boolean }[] = [];
        for (const input of inputs) {
          const before = existing.find((s) => s.name === input.name);
          out.push({ source: await store.upsertSource(mergeSource(before, input)), added: before === undefined });
        }
        return out;
      });
      if (flags.json) process.stdout.write(`${JSON.stringify(saved.map((s) => s.source))}\n`);
      else for (const { source, added } of saved) process.stdout.write(`${added ? 'added' : 'updated'} source ${source.id} ${source.name}: ${source.startUrls.join(' ')}\n`);
    });

  sources
    .command('list')
    .description('list the sources with their article counts and poll schedules')
    .option('--db <path>', 'the store: a SQLite file (default ./marsad.db; MARSAD_DB)')
    .option('--config <file>', 'a config file (default ./marsad.config.json when present)')
    .option('--json', 'print JSON: one array of sources, each with its articles count and poll state (null before its first poll)')
    .action(async (flags: StoreFlags & { json?: boolean }) => {
      const listed = await withStore(flags, { create: false }, async (store) => {
        const polls = new Map((await store.pollStates()).map((p) => [p.sourceId, p]));
        const out: ListedSource[] = [];
        for (const source of await store.listSources()) out.push({ ...source, articles: await store.countArticles({ sourceIds: [source.id] }), poll: polls.get(source.id) ?? null });
        return out;
      });
      if (flags.json) process.stdout.write(`${JSON.stringify(listed)}\n`);
      else if (listed.length === 0) process.stdout.write('no sources (add one: marsad sources add example.com)\n');
      else process.stdout.write(`${listed.map((s) => formatSource(s, Date.now())).join('\n')}\n`);
    });

  sources
    .command('remove')
    .description('remove a source: watch stops following it; its articles stay in the store')
    .argument('<name-or-id...>', 'source names or ids, as `marsad sources list` shows them')
    .option('--db <path>', 'the store: a SQLite file (default ./marsad.db; MARSAD_DB)')
    .option('--config <file>', 'a config file (default ./marsad.config.json when present)')
    .action(async (names: string[], flags: StoreFlags) => {
      const removed = await withStore(flags, { create: false }, async (store) => {
        const all = await store.listSources();
        const found = names.map((name) => {
          const source = findSource(all, name);
          if (source === undefined) throw new UsageError(`no source named "${name}" (marsad sources list shows them)`);
          return source;
        });
        for (const source of found) await store.removeSource(source.id);
        return found;
      });
      for (const source of removed) process.stdout.write(`removed source ${source.id} ${source.name} (its articles stay in the store)\n`);
    });
}
