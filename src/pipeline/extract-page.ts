/**
 * One page, start to finish, as run inside a worker: read (or take the bytes), decode,
 * extract, render. Every failure becomes a result with a code and a message, so the
 * caller sees failed pages as data and can go on with the next one.
 */
import type { Article, Favor } from '../extract/types.js';
import { extractArticle } from '../extract/extract-article.js';
import { MarsadError } from '../errors.js';
import { pageBytesToHtml, readPageFile } from './read-page.js';
import { articleRecord, renderJson, renderJsonLine } from '../export/render-json.js';
import { renderMarkdown } from '../export/render-markdown.js';
import { renderText } from '../export/render-text.js';
import { renderHtml } from '../export/render-html.js';

import type { OutputFormat } from './extract-options.js';

export interface PageTask {
  /** A file to read, or the page's bytes (stdin). */
  path?: string;
  bytes?: Uint8Array;
  /** The name recorded in the output (`file` key); omitted for a single page. */
  file?: string;
  url?: string;
  format: OutputFormat;
  timeBudgetMs: number;
  maxBytes: number;
  favor?: Favor;
}

export interface PageError {
  code: string;
  message: string;
  /** The stack of an unexpected error (a bug in marsad, worth a report). */
  stack?: string;
}

export type PageResult =
  | { ok: true; output: string; emptyReason?: string }
  | { ok: false; error: PageError };

/** Renders an article in one of the output formats; `file` goes first in JSON records. */
export function renderArticle(article: Article, format: OutputFormat, file?: string): string {
  switch (format) {
    case 'json':
      return renderJson(articleRecord(article, file));
    case 'jsonl':
      return renderJsonLine(articleRecord(article, file));
    case 'markdown':
      return renderMarkdown(article);
    case 'text':
      return renderText(article);
    case 'html':
      return renderHtml(article);
  }
}

/** A typed error keeps its code; anything else is unexpected and keeps its stack for the report. */
export function toPageError(error: unknown): PageError {
  if (error instanceof MarsadError) return { code: error.code, message: error.message };
  const err = error instanceof Error ? error : new Error(String(error));
  return { code: 'INTERNAL', message: `${err.name}: ${err.message}`, ...(err.stack ? { stack: err.stack } : {}) };
}

export async function runPageTask(task: PageTask): Promise<PageResult> {
  try {
    const subject = task.file ?? task.path ?? 'stdin';
    const decoded = task.path !== undefined
      ? await readPageFile(task.path, { maxBytes: task.maxBytes, subject })
      : pageBytesToHtml(task.bytes ?? new Uint8Array(0), { maxBytes: task.maxBytes, subject });
    const article = extractArticle(decoded.text, { url: task.url, timeBudgetMs: task.timeBudgetMs, favor: task.favor });
    const output = renderArticle(article, task.format, task.file);
    const emptyReason = article.extraction.emptyReason;
    return emptyReason ? { ok: true, output, emptyReason } : { ok: true, output };
  } catch (error) {
    return { ok: false, error: toPageError(error) };
  }
}
