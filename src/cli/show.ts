/** `marsad show <id | url>`: one stored article, printed the way `extract` prints a page (text, markdown, JSON, HTML). */
import { openExistingStore } from './open-store.js';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../pipeline/extract-options.js';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('print one stored article by its id or URL (latest version, or --revision N)')
    .argument('<id-or-url>', 'the article id (as search shows it) or its URL')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('text'))
    .option('--revision <n>', 'an earlier version (as diff numbers them)', (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`--revision ${v}: expected a whole number of at least 1`);
      return n;
    })
    .option('--db <path>', 'the store (default ./marsad.db; MARSAD_DB)')
    .option('--config <file>', 'a config file (default ./marsad.config.json when present)')
    .action(async (idOrUrl: string, flags: { format: OutputFormat; revision?: number; db?: string; config?: string }) => {
      const { store, config } = await openExistingStore(flags);
      const { renderArticle } = await import('../pipeline/extract-page.js');
      try {
        const article = (await store.getArticle(idOrUrl)) ?? (await store.getArticleByUrl(idOrUrl));
        if (article === null) throw new UsageError(`no article with id or URL ${idOrUrl} in ${config.db} (search shows ids)`);
        let record = article.record;
        if (flags.revision !== undefined && flags.revision !== article.version) {
          const version = (await store.listVersions(article.id)).find((v) => v.version === flags.revision);
          if (version === undefined) throw new UsageError(`${idOrUrl} has versions 1 to ${article.version}, not ${flags.revision}`);
          record = version.record;
        }
        process.stdout.write(renderArticle(record, flags.format));
      } finally {
        await store.close();
      }
    });
}
