/**
 * JSON and JSON Lines for article records. In a directory run each record carries `file`
 * (its path relative to the directory) as its first key, and a failed file becomes
 * `{file, error: {code, message}}` on the same stream, so nothing is silently dropped.
 */
import type { Article } from '../extract/types.js';

export interface RecordError {
  code: string;
  message: string;
}

/** An article, with the file it came from first when there is one. */
export function articleRecord(article: Article, file?: string): Record<string, unknown> {
  return file === undefined ? { ...article } : { file, ...article };
}

export function errorRecord(file: string, error: RecordError): Record<string, unknown> {
  return { file, error: { code: error.code, message: error.message } };
}

/** One line of JSON Lines (no line break inside: JSON.stringify escapes them). */
export function renderJsonLine(record: Record<string, unknown>): string {
  return JSON.stringify(record) + '\n';
}

export function renderJson(record: Record<string, unknown>): string {
  return JSON.stringify(record, null, 2) + '\n';
}
