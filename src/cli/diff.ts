/** `marsad diff <id>`: what changed between two stored versions of an article, by paragraph and word. */
import { openExistingStore } from './open-store.js';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { diffVersions, type VersionDiff } from '../pipeline/crawl/index.js';
import { parseIntFlag } from './int-flag.js';

const COLOR = { added: '\u001b[32m', removed: '\u001b[31m', dim: '\u001b[2m', reset: '\u001b[0m' };

/** Text rendering: `+`/`-`/`~` per paragraph; inside a changed one, [-removed-]{+added+} (colored on a terminal). */
export function formatDiff(diff: VersionDiff, options: { color: boolean; context: boolean }): string {
  const paint = (kind: keyof typeof COLOR, text: string): string => (options.color ? `${COLOR[kind]}${text}${COLOR.reset}` : text);
  const lines: string[] = [];
  if (diff.title) lines.push(`title: ${paint('removed', `- ${diff.title.from ?? ''}`)}`, `       ${paint('added', `+ ${diff.title.to ?? ''}`)}`);
  for (const p of diff.paragraphs) {
    if (p.op === 'changed') {
      const words = p.words.map((w) => (w.op === 'added' ? paint('added', options.color ? w.text : `{+${w.text}+}`) : w.op === 'removed' ? paint('removed', options.color ? w.text : `[-${w.text}-]`) : w.text));
      lines.push(`~ ${words.join('')}`);
    } else if (p.op === 'added') lines.push(paint('added', `+ ${p.text}`));
    else if (p.op === 'removed') lines.push(paint('removed', `- ${p.text}`));
    else if (options.context) lines.push(paint('dim', `  ${p.text}`));
  }
  const c = diff.counts;
  lines.push(`${c.changed} changed, ${c.added} added, ${c.removed} removed, ${c.same} unchanged paragraphs${diff.title ? '; title changed' : ''}`);
  return `${lines.join('\n')}\n`;
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('show what changed between two versions of an article (default: the last two), by paragraph and word')
    .argument('<id>', 'the article id (or its canonical URL)')
    .option('--from <version>', 'older version number', parseIntFlag('--from', 1))
    .option('--to <version>', 'newer version number', parseIntFlag('--to', 1))
    .option('--context', 'also print unchanged paragraphs')
    .option('--db <path>', 'the store (default ./marsad.db; MARSAD_DB)')
    .option('--config <file>', 'a config file')
    .option('--json', 'print the diff as JSON')
    .action(async (idOrUrl: string, flags: { from?: number; to?: number; context?: boolean; db?: string; config?: string; json?: boolean }) => {
      const { store, config } = await openExistingStore(flags);
      try {
        const article = (await store.getArticle(idOrUrl)) ?? (await store.getArticleByUrl(idOrUrl));
        if (article === null) throw new UsageError(`no article with id or URL ${idOrUrl} in ${config.db}`);
        const versions = await store.listVersions(article.id);
        const to = flags.to ?? versions.at(-1)!.version;
        const from = flags.from ?? to - 1;
        const older = versions.find((v) => v.version === from);
        const newer = versions.find((v) => v.version === to);
        if (versions.length < 2 && flags.from === undefined) throw new UsageError(`article ${article.id} has only one version; nothing to compare`);
        if (!older || !newer) throw new UsageError(`article ${article.id} has versions ${versions.map((v) => v.version).join(', ')}; no version ${!older ? from : to}`);
        const diff = diffVersions(older.record, newer.record);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ id: article.id, url: article.canonicalUrl, from: { version: from, fetchedAt: new Date(older.fetchedAt).toISOString() }, to: { version: to, fetchedAt: new Date(newer.fetchedAt).toISOString() }, ...diff })}\n`);
        } else {
          process.stdout.write(`${article.canonicalUrl}\nversion ${from} (${new Date(older.fetchedAt).toISOString()}) -> version ${to} (${new Date(newer.fetchedAt).toISOString()})\n`);
          process.stdout.write(formatDiff(diff, { color: process.stdout.isTTY === true, context: flags.context === true }));
        }
      } finally {
        await store.close();
      }
    });
}
