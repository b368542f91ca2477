/**
 * `marsad extract <file | dir | ->`: page files to article records.
 * One page (a file or stdin) gives one record (JSON by default); a directory is walked for
 * .html, .htm and .html.gz and gives JSON Lines, one line per file, `file` first. Failed
 * files are reported on stderr and as `{file, error}` lines, and the run goes on.
 * The work lives in extract-run.ts, loaded only when the verb runs, so `--help` is instant.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_TIME_BUDGET_MS, FAVOR_CHOICES, OUTPUT_FORMATS, type OutputFormat } from '../pipeline/extract-options.js';
import type { Favor } from '../extract/types.js';
import { EXIT_CODES_HELP } from './program.js';

export interface ExtractCommandOptions {
  url?: string;
  format?: OutputFormat;
  jobs: number;
  output?: string;
  timeBudgetMs: number;
  killAfterMs?: number;
  progress: boolean;
  favor: Favor;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract the article from a page file, every page under a directory, or stdin (-)')
    .argument('<input>', 'an .html/.htm/.html.gz file, a directory (walked recursively), or - for stdin')
    .option('--url <url>', "the page's URL: resolves relative links and names the site (one page only)")
    .addOption(new Option('-f, --format <format>', 'output format (default: json for one page, jsonl for a directory)').choices(OUTPUT_FORMATS))
    .option('-j, --jobs <n>', 'worker threads for a directory', positiveInt, 1)
    .addOption(new Option('--favor <lean>', 'borderline boxes: precision drops them, recall keeps them').choices(FAVOR_CHOICES).default('balanced'))
    .option('-o, --output <file>', 'write to FILE instead of stdout (renamed into place when complete)')
    .option('--time-budget-ms <ms>', 'time budget for one page', positiveInt, DEFAULT_TIME_BUDGET_MS)
    .option('--kill-after-ms <ms>', 'wall-clock limit for one page, then its worker is stopped (default: 2 × budget + 1000)', positiveInt)
    .option('--no-progress', 'no progress bar, even when stderr is a terminal')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (input: string, options: ExtractCommandOptions) => {
      const { runExtract } = await import('./extract-run.js');
      process.exitCode = await runExtract(input, options);
    });
}
