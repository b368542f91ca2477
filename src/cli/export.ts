/**
 * `marsad export [query…]`: the stored articles (all, or those a query and filters select) as
 * JSONL (default), CSV, Parquet, Markdown files, seed-style text, or the archived WARC responses.
 * A file output is written under a temporary name and renamed when complete.
 */
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { parseQuery } from '../search/query.js';
import { exportCsv } from '../export/csv.js';
import { exportJsonl } from '../export/jsonl.js';
import { exportMarkdown } from '../export/markdown.js';
import { exportParquet } from '../export/parquet.js';
import { selectArticles } from '../export/select.js';
import { exportText } from '../export/text.js';
import { exportWarc } from '../export/warc.js';
import type { FilterFlags } from '../search/query.js';
import { checkOutputDir, checkOutputFile } from './output-path.js';
import { addSearchFlags, filtersOf, openExistingStore, type StoreFlags } from './search.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'parquet', 'markdown', 'text', 'warc'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface ExportFlags extends FilterFlags, StoreFlags {
  format: ExportFormat;
  output?: string;
  bom?: boolean;
  guardFormulas?: boolean;
  withVersions?: boolean;
  warcDir?: string;
}

/** A file written to `<path>.partial-<pid>` and renamed into place by `finish`. */
function fileTarget(path: string): { stream: WriteStream; finish: () => Promise<void>; abort: () => Promise<void> } {
  checkOutputFile(path);
  const partial = `${path}.partial-${process.pid}`;
  const stream = createWriteStream(partial);
  const closed = async (): Promise<void> => {
    if (!stream.closed) {
      stream.end();
      await once(stream, 'close');
    }
  };
  return {
    stream,
    finish: async () => {
      await closed();
      renameSync(partial, path);
    },
    abort: async () => {
      await closed();
      rmSync(partial, { force: true });
    },
  };
}

export function registerExport(program: Command): void {
  const command = program
    .command('export')
    .description('export stored articles (all, or those a search query selects) as jsonl, csv, parquet, markdown, text or warc')
    .argument('[query...]', 'an optional search query selecting the articles (same syntax as marsad search)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMATS).default('jsonl'))
    .option('-o, --output <path>', 'output file (a directory for markdown); default stdout')
    .option('--bom', 'csv: start with a UTF-8 byte order mark (for Excel)')
    .option('--guard-formulas', "csv: prefix cells starting with = + - @ with ' so spreadsheets do not run them")
    .option('--with-versions', 'every stored version of each article, oldest first (jsonl, csv, parquet, markdown, text)')
    .option('--warc-dir <dir>', 'warc: the folder of the crawl WARC files (default: the config warc folder; MARSAD_WARC)');
  addSearchFlags(command).action(async (words: string[], flags: ExportFlags) => {
    if (flags.output !== undefined) (flags.format === 'markdown' ? checkOutputDir : checkOutputFile)(flags.output);
    const filters = filtersOf(flags); // bad dates are usage errors before the store is opened
    parseQuery(words.join(' '));
    const { store, config } = await openExistingStore(flags);
    try {
      const records = selectArticles(store, { query: words.join(' '), filters, withVersions: flags.withVersions ?? false });
      if (flags.format === 'markdown') {
        if (flags.output === undefined) throw new UsageError('markdown export writes one file per article: name a folder with -o');
        checkOutputDir(flags.output);
        const n = await exportMarkdown(records, flags.output);
        process.stderr.write(`marsad: ${n} articles written to ${flags.output}\n`);
        return;
      }
      if (flags.format === 'parquet' && flags.output === undefined && process.stdout.isTTY) {
        throw new UsageError('parquet is binary: write it to a file with -o, or pipe it');
      }
      const target = flags.output === undefined ? null : fileTarget(flags.output);
      if (target === null) {
        // a closed pipe (`marsad export | head`) is the reader saying it has enough
        process.stdout.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'EPIPE') process.exit(0);
          throw error;
        });
      }
      const stream: Writable = target?.stream ?? process.stdout;
      try {
        let summary: string;
        switch (flags.format) {
          case 'jsonl': summary = `${await exportJsonl(records, stream)} records`; break;
          case 'csv': summary = `${await exportCsv(records, stream, { bom: flags.bom ?? false, guardFormulas: flags.guardFormulas ?? false })} rows`; break;
          case 'parquet': summary = `${await exportParquet(records, stream)} rows`; break;
          case 'text': summary = `${await exportText(records, stream)} records`; break;
          case 'warc': {
            const dir = flags.warcDir ?? config.warc;
            if (dir === undefined) throw new UsageError('warc export copies the crawl WARC files: name their folder with --warc-dir (or set MARSAD_WARC)');
            const r = await exportWarc(records, dir, stream, { onWarning: (m) => process.stderr.write(`marsad: ${m}\n`) });
            summary = `${r.records} responses${r.missing > 0 ? `; ${r.missing} selected articles were never archived` : ''}`;
            break;
          }
        }
        await target?.finish();
        process.stderr.write(`marsad: exported ${summary}${flags.output ? ` to ${flags.output}` : ''}\n`);
      } catch (error) {
        await target?.abort();
        throw error;
      }
    } finally {
      await store.close();
    }
  });
}
