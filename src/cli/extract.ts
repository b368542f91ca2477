/**
 * `marsad extract <file | dir | ->`: page files to article records.
 * One page (a file or stdin) gives one record (JSON by default); a directory is walked for
 * .html, .htm and .html.gz and gives JSON Lines, one line per file, `file` first. Failed
 * files are reported on stderr and as `{file, error}` lines, and the run goes on.
 */
import { stat } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  DEFAULT_MAX_PAGE_BYTES,
  DEFAULT_TIME_BUDGET_MS,
  OUTPUT_FORMATS,
  UsageError,
  errorRecord,
  extractFiles,
  extractOnePage,
  renderJson,
  renderJsonLine,
  walkHtmlFiles,
  type OutputFormat,
  type PageError,
  type PageResult,
} from '../index.js';
import { EXIT_CODES_HELP, EXIT_FAILED, EXIT_OK, warn } from './program.js';
import { openOutput, type Output } from './output.js';
import { createProgress } from './progress.js';
import { readStdin } from './read-stdin.js';

export interface ExtractCommandOptions {
  url?: string;
  format?: OutputFormat;
  jobs: number;
  output?: string;
  timeBudgetMs: number;
  killAfterMs?: number;
  progress: boolean;
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
    .option('-o, --output <file>', 'write to FILE instead of stdout (renamed into place when complete)')
    .option('--time-budget-ms <ms>', 'time budget for one page', positiveInt, DEFAULT_TIME_BUDGET_MS)
    .option('--kill-after-ms <ms>', 'wall-clock limit for one page, then its worker is stopped (default: 2 × budget + 1000)', positiveInt)
    .option('--no-progress', 'no progress bar, even when stderr is a terminal')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (input: string, options: ExtractCommandOptions) => {
      process.exitCode = await runExtract(input, options);
    });
}

type InputKind = 'stdin' | 'file' | 'dir';

async function inputKind(input: string): Promise<InputKind> {
  if (input === '-') return 'stdin';
  try {
    return (await stat(input)).isDirectory() ? 'dir' : 'file';
  } catch (error) {
    throw new UsageError(`cannot read ${input}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message}`, { cause: error });
  }
}

function checkUrl(url: string | undefined): void {
  if (url === undefined) return;
  try {
    new URL(url);
  } catch {
    throw new UsageError(`--url ${url} is not an absolute URL (e.g. https://example.com/news/1)`);
  }
}

function describeError(file: string, error: PageError): string {
  return `${file}: ${error.code}: ${error.message}${error.stack ? `\n${error.stack}` : ''}`;
}

export async function runExtract(input: string, options: ExtractCommandOptions): Promise<number> {
  const kind = await inputKind(input);
  checkUrl(options.url);
  if (kind === 'dir') {
    if (options.url !== undefined) throw new UsageError('--url names one page; it cannot apply to a whole directory');
    const format = options.format ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'json') {
      throw new UsageError(`a directory gives one record per file: use --format jsonl (or json), or extract files one at a time for ${format}`);
    }
    return extractDirectory(input, format, options);
  }
  return extractSinglePage(input, kind, options);
}

async function extractSinglePage(input: string, kind: 'file' | 'stdin', options: ExtractCommandOptions): Promise<number> {
  const name = kind === 'stdin' ? 'stdin' : input;
  const source = kind === 'stdin' ? { bytes: await readStdin(DEFAULT_MAX_PAGE_BYTES) } : { path: input };
  const output = openOutput(options.output);
  const result: PageResult = await extractOnePage(source, {
    format: options.format ?? 'json',
    url: options.url,
    timeBudgetMs: options.timeBudgetMs,
    killAfterMs: options.killAfterMs,
  });
  if (!result.ok) {
    await output.abort();
    warn(describeError(name, result.error));
    return EXIT_FAILED;
  }
  if (result.emptyReason) warn(`${name}: empty body: ${result.emptyReason}`);
  await output.write(result.output);
  await output.close();
  return EXIT_OK;
}

/** Writes records as JSON Lines, or as one JSON array with records separated by commas. */
function recordWriter(output: Output, format: 'jsonl' | 'json'): { write(text: string): Promise<void>; end(): Promise<void> } {
  let count = 0;
  return {
    write: async (text) => {
      if (format === 'jsonl') return output.write(text);
      await output.write((count++ === 0 ? '[\n' : ',\n') + text.trimEnd());
    },
    end: async () => {
      if (format === 'json') await output.write(count === 0 ? '[]\n' : '\n]\n');
    },
  };
}

async function extractDirectory(dir: string, format: 'jsonl' | 'json', options: ExtractCommandOptions): Promise<number> {
  const started = performance.now();
  const { files, unreadable } = await walkHtmlFiles(dir);
  const output = openOutput(options.output);
  const records = recordWriter(output, format);
  const renderRecord = format === 'jsonl' ? renderJsonLine : renderJson;
  const progress = createProgress({ total: files.length, enabled: options.progress, label: 'extract' });
  let extracted = 0;
  let failed = 0;
  let empty = 0;
  const fail = async (file: string, error: PageError): Promise<void> => {
    failed++;
    progress.log(`marsad: ${describeError(file, error)}`);
    await records.write(renderRecord(errorRecord(file, error)));
  };
  try {
    for (const entry of unreadable) await fail(entry.file, { code: 'FILE_READ', message: `cannot list the directory: ${entry.message}` });
    if (files.length === 0) warn(`no .html, .htm or .html.gz files under ${dir}`);
    const results = extractFiles(dir, files, { jobs: options.jobs, format, timeBudgetMs: options.timeBudgetMs, killAfterMs: options.killAfterMs });
    for await (const result of results) {
      if (result.ok) {
        extracted++;
        if (result.emptyReason) empty++;
        await records.write(result.output);
      } else {
        await fail(result.file, result.error);
      }
      progress.tick(failed);
    }
    await records.end();
  } finally {
    progress.stop();
  }
  await output.close();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  warn(`${files.length} files in ${seconds} s: ${extracted} extracted (${empty} with an empty body), ${failed} failed`);
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}
