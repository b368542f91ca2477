/**
 * The plain-text format of the seed dump, done properly: a header line
 * `date YYYY-MM-DD URL`, the title, then each paragraph once, separated by blank lines.
 * A page with no published date gets `date unknown URL`.
 */
import type { Article } from '../extract/types.js';
import { publishedDay, uniqueBlocks } from './render-shared.js';

export function renderText(article: Article): string {
  const url = article.url ?? article.canonicalUrl ?? '';
  const header = `date ${publishedDay(article.published) ?? 'unknown'} ${url}`.trimEnd();
  const parts = [header + (article.title ? `\n${oneLine(article.title)}` : '')];
  for (const block of uniqueBlocks(article)) parts.push(block.text);
  return parts.join('\n\n') + '\n';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
