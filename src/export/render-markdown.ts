/**
 * Markdown for one article: the title as `#`, a line of provenance (authors, date, source),
 * then the blocks. Text is escaped so that a paragraph starting with "1." or "#" stays a
 * paragraph and no markup in the page becomes a link or emphasis.
 */
import type { Article, Block } from '../extract/types.js';
import { groupBlocks, publishedDay, tableCells, uniqueBlocks } from './render-shared.js';

/** Escapes inline Markdown syntax and HTML, then the markers that mean something at a line start. */
export function escapeMarkdown(text: string): string {
  let out = text.replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>|~!]/g, (c) => `\\${c}`);
  // Every block renders as one line, so only its start can read as a heading or a list.
  if (/^(#{1,6}|[-+=])(\s|$)/.test(out)) out = `\\${out}`;
  const ordered = /^(\d+)[.)]/.exec(out);
  if (ordered?.[1]) out = `${ordered[1]}\\${out.slice(ordered[1].length)}`;
  return out;
}

/** A URL safe to put in `<…>`: parsed and re-serialized, so spaces and brackets are encoded. */
function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A pipe table; the first row is the header, as Markdown requires one. */
function renderTable(rows: string[]): string {
  const cells = rows.map((row) => tableCells(row).map(escapeMarkdown));
  const width = Math.max(...cells.map((row) => row.length));
  const line = (row: string[]): string => `| ${[...row, ...Array<string>(width - row.length).fill('')].join(' | ')} |`;
  const [header = [], ...body] = cells;
  return [line(header), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}

/** Whether a lead block says what the description says (same words, any spacing or punctuation). */
function repeatsDescription(blocks: Block[], description: string): boolean {
  const key = wordsKey(description);
  return blocks.some((b) => b.type === 'lead' && wordsKey(b.text) === key);
}

function wordsKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function renderMarkdown(article: Article): string {
  const out: string[] = [];
  if (article.title) out.push(`# ${escapeMarkdown(article.title)}`);
  const about: string[] = [];
  if (article.authors.length > 0) about.push(article.authors.map(escapeMarkdown).join(', '));
  const day = publishedDay(article.published);
  if (day) about.push(day);
  const url = safeUrl(article.url ?? article.canonicalUrl);
  if (url) about.push(`<${url}>`);
  if (about.length > 0) out.push(about.join(' · '));
  const blocks = uniqueBlocks(article);
  // The lead block is the description as the page shows it: quoting both would say it twice.
  if (article.description && !repeatsDescription(blocks, article.description)) out.push(`> ${escapeMarkdown(article.description)}`);
  for (const run of groupBlocks(blocks)) {
    if (run.type === 'table') {
      out.push(renderTable(run.texts));
      continue;
    }
    const texts = run.texts.map(escapeMarkdown);
    switch (run.type) {
      case 'heading':
        out.push(`## ${texts[0]}`);
        break;
      case 'quote':
        out.push(`> ${texts[0]}`);
        break;
      case 'list-item':
        out.push(texts.map((t) => `- ${t}`).join('\n'));
        break;
      case 'lead':
      case 'caption':
        out.push(`*${texts[0]}*`);
        break;
      default:
        out.push(texts[0] ?? '');
    }
  }
  return out.join('\n\n') + '\n';
}
