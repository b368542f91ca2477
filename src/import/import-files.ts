/**
 * `importFiles`: WARC/WARC.gz and JSONL files (or directories of them) into the store.
 * Idempotent (the store keeps one record per canonical URL and a new version only when the
 * title or body changed), resumable per file (finished files are recorded and skipped), with
 * progress in bytes of the total so an ETA is honest.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Article } from '../extract/types.js';
import type { Store } from '../store/index.js';
import { isArticle } from '../discover/article-test.js';
import { createPageExtractor, type PageExtractor } from './extract-pages.js';
import { importLedgerOf } from './import-ledger.js';
import { readJsonlFile, type JsonlLine } from './jsonl.js';
import { readTextDumps } from './text-dump.js';
import { emptySkipCounts, hostMatches, keepBeforeExtraction, languageMatches, readWarcPages, type PageFilters, type SkipCounts, type WarcPage } from './warc-pages.js';

export type ImportFormat = 'warc' | 'jsonl' | 'text';

export interface ImportProgress {
  bytesRead: number;
  bytesTotal: number;
  filesDone: number;
  filesTotal: number;
  /** Pages (WARC) or lines (JSONL) read. */
  records: number;
  saved: { new: number; updated: number; unchanged: number };
  failed: number;
  skipped: SkipCounts & { filter: number; resumed: number };
}

export interface ImportOptions {
  /** Worker threads for extraction (WARC); default 1 (the calling thread). */
  jobs?: number;
  filters?: PageFilters;
  /** Import files again even if a previous run finished them. */
  force?: boolean;
  /** Time budget for extracting one page (ms). */
  timeBudgetMs?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Problems that did not stop the import (a damaged record, a bad line). */
  onWarning?: (message: string) => void;
}

const FORMAT_BY_NAME: [RegExp, ImportFormat][] = [
  [/\.warc(\.gz)?$/i, 'warc'],
  [/\.jsonl(\.gz)?$/i, 'jsonl'],
  [/\.txt$/i, 'text'],
];

export function importFormatOf(path: string): ImportFormat | null {
  return FORMAT_BY_NAME.find(([re]) => re.test(path))?.[1] ?? null;
}

interface InputFile {
  path: string;
  size: number;
  mtimeMs: number;
  format: ImportFormat;
}

async function collectFiles(inputs: readonly string[], warn: (m: string) => void): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${(error as Error).message}`, { cause: error, subject: path });
    }
    if (info.isDirectory()) {
      const names = (await readdir(path)).sort();
      for (const name of names) await visit(join(path, name), false);
      return;
    }
    const format = importFormatOf(path);
    if (format === null) {
      if (explicit) warn(`${path}: not a .warc, .warc.gz, .jsonl, .jsonl.gz or .txt file; skipped`);
      return;
    }
    out.push({ path: resolve(path), size: info.size, mtimeMs: Math.floor(info.mtimeMs), format });
  };
  for (const input of inputs) await visit(input, true);
  return out;
}

/** Filters that need the extracted record: detected language, published date (else capture date). */
function keepAfterExtraction(article: Article, captured: string | null, filters: PageFilters): boolean {
  if (filters.languages?.length && !(article.language && languageMatches(article.language, filters.languages))) return false;
  const when = Date.parse(article.published ?? captured ?? '');
  if (filters.since && !(when >= Date.parse(filters.since))) return false;
  if (filters.until && !(when < Date.parse(filters.until))) return false;
  return true;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Imports files and directories into the store; returns the final counts. */
export async function importFiles(store: Store, inputs: readonly string[], options: ImportOptions = {}): Promise<ImportProgress> {
  const ledger = await importLedgerOf(store);
  const warn = options.onWarning ?? ((): void => {});
  const filters = options.filters ?? {};
  const files = await collectFiles(inputs, warn);
  const progress: ImportProgress = {
    bytesRead: 0,
    bytesTotal: files.reduce((n, f) => n + f.size, 0),
    filesDone: 0,
    filesTotal: files.length,
    records: 0,
    saved: { new: 0, updated: 0, unchanged: 0 },
    failed: 0,
    skipped: { ...emptySkipCounts(), filter: 0, resumed: 0 },
  };
  const report = (): void => options.onProgress?.(progress);
  const save = async (article: Article, fetchedAt: number): Promise<void> => {
    // Imported pages are not due for a recrawl: they come from an archive, not a live crawl.
    const result = await store.saveArticle({ article, sourceId: null, fetchedAt, nextRecrawlAt: fetchedAt + YEAR_MS });
    progress.saved[result.status]++;
  };
  const extractor = files.some((f) => f.format === 'warc') ? createPageExtractor({ jobs: options.jobs ?? 1, timeBudgetMs: options.timeBudgetMs }) : null;
  try {
    let before = 0;
    for (const file of files) {
      if (!options.force && (await ledger.isDone(file))) {
        progress.skipped.resumed++;
      } else {
        const onBytes = (n: number): void => {
          progress.bytesRead = before + n;
          report();
        };
        const ctx = { filters, progress, save, warn, onBytes };
        const counts = file.format === 'warc'
          ? await importWarc(file, extractor!, ctx)
          : await importRecords(file, file.format === 'jsonl' ? readJsonlFile(file.path, { onBytes }) : textRecords(file.path, onBytes), ctx);
        await ledger.markDone(file, counts.records, counts.articles);
      }
      before += file.size;
      progress.bytesRead = before;
      progress.filesDone++;
      report();
    }
  } finally {
    await extractor?.close();
  }
  await ledger.finish();
  return progress;
}

interface FileContext {
  filters: PageFilters;
  progress: ImportProgress;
  save: (article: Article, fetchedAt: number) => Promise<void>;
  warn: (message: string) => void;
  onBytes: (n: number) => void;
}

async function importWarc(file: InputFile, extractor: PageExtractor, ctx: FileContext): Promise<{ records: number; articles: number }> {
  const { progress, filters } = ctx;
  let records = 0;
  let articles = 0;
  const inFlight = new Set<Promise<void>>();
  const limit = Math.max(1, extractor.threads * 2);
  const handle = async (page: WarcPage): Promise<void> => {
    const outcome = await extractor.extract(page);
    if ('error' in outcome) {
      progress.failed++;
      ctx.warn(`${page.url}: ${outcome.error.code}: ${outcome.error.message}`);
      return;
    }
    if (!isArticle(outcome.article, page.url, {})) {
      progress.skipped.notArticle++;
      return;
    }
    if (!keepAfterExtraction(outcome.article, page.date, filters)) {
      progress.skipped.filter++;
      return;
    }
    const captured = Date.parse(page.date ?? '');
    await ctx.save(outcome.article, Number.isFinite(captured) ? captured : Date.now());
    articles++;
  };
  try {
    const pages = readWarcPages(file.path, { skipped: progress.skipped, onBytes: ctx.onBytes, onAnomaly: (m) => ctx.warn(`${file.path}: ${m}`) });
    for await (const page of pages) {
      records++;
      progress.records++;
      if (!keepBeforeExtraction(page, filters, progress.skipped)) continue;
      const task = handle(page).finally(() => inFlight.delete(task));
      inFlight.add(task);
      if (inFlight.size >= limit) await Promise.race(inFlight);
    }
  } catch (error) {
    // a damaged file: keep what was read, report it, go on with the next file
    progress.failed++;
    ctx.warn(`${file.path}: ${(error as Error).message}`);
  }
  await Promise.all(inFlight);
  return { records, articles };
}

async function* textRecords(path: string, onBytes: (n: number) => void): AsyncGenerator<JsonlLine> {
  let line = 0;
  for await (const article of readTextDumps(path, { onBytes })) yield { line: ++line, article };
}

/** JSONL records and repaired text dumps: already records, so only the filters apply. */
async function importRecords(file: InputFile, lines: AsyncIterable<JsonlLine>, ctx: FileContext): Promise<{ records: number; articles: number }> {
  let records = 0;
  let articles = 0;
  const now = Date.now();
  for await (const line of lines) {
    records++;
    ctx.progress.records++;
    if (line.error !== undefined) {
      ctx.progress.failed++;
      ctx.warn(`${line.error.subject ?? file.path}: ${line.error.message}`);
      continue;
    }
    const article = line.article!;
    if (!article.canonicalUrl && !article.url) {
      // A record the store cannot key (a stray .txt that is not a dump, a JSON line without a URL): reported by name, skipped.
      ctx.progress.failed++;
      ctx.warn(file.format === 'text'
        ? `${file.path}: not a text dump of a page (no URL line); skipped`
        : `${file.path}:${line.line}: the record has no url or canonicalUrl; skipped`);
      continue;
    }
    if (!keepAfterExtraction(article, null, ctx.filters) || (ctx.filters.hosts?.length && !hostOk(article, ctx.filters.hosts))) {
      ctx.progress.skipped.filter++;
      continue;
    }
    await ctx.save(article, now);
    articles++;
  }
  return { records, articles };
}

function hostOk(article: Article, hosts: string[]): boolean {
  try {
    return hostMatches(new URL(article.canonicalUrl ?? article.url ?? '').hostname, hosts);
  } catch {
    return false;
  }
}
