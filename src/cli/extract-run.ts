/**
 * The work of `marsad extract`: see extract.ts for the command and its options.
 * Imports the pipeline's own modules rather than the package index: the index loads every
 * stage (the extractor alone costs about 0.5 s of start-up), and here only the worker
 * threads run the extractor, so the main thread stays light and the workers start sooner.
 */
import { stat } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { errorRecord, renderJson, renderJsonLine } from '../export/render-json.js';
import { DEFAULT_MAX_PAGE_BYTES } from '../pipeline/extract-options.js';
import { extractFiles, extractOnePage } from '../pipeline/extract-files.js';
import type { PageError, PageResult } from '../pipeline/extract-page.js';
import { walkHtmlFiles } from '../pipeline/walk-html-files.js';
import type { ExtractCommandOptions } from './extract.js';
import { EXIT_FAILED, EXIT_OK, warn } from './program.js';
import { openOutput, type Output } from './output.js';
import { createProgress } from './progress.js';
import { readStdin } from './read-stdin.js';

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
    favor: options.favor,
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
    const results = extractFiles(dir, files, { jobs: options.jobs, format, timeBudgetMs: options.timeBudgetMs, killAfterMs: options.killAfterMs, favor: options.favor });
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
