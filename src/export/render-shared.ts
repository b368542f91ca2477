/** Helpers shared by the article renderers: block grouping and "each text once". */
import type { Article, Block, BlockType } from '../extract/types.js';

/** A run of consecutive blocks of one type (list items become one list, table cells one table). */
export interface BlockRun {
  type: BlockType;
  texts: string[];
}

const GROUPED: ReadonlySet<BlockType> = new Set<BlockType>(['list-item', 'table']);

/** Comparison key: the same words with different spacing are the same text. */
function textKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The blocks to render, each text once and never repeating the title. The extractor already
 * promises this; renderers check again because they may be fed records from elsewhere
 * (an import, an older version of marsad).
 */
export function uniqueBlocks(article: Pick<Article, 'title' | 'blocks'>): Block[] {
  const seen = new Set<string>();
  if (article.title) seen.add(textKey(article.title));
  const out: Block[] = [];
  for (const block of article.blocks) {
    const key = textKey(block.text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ type: block.type, text: key });
  }
  return out;
}

/** Groups consecutive list items and table cells so they render as one list or table. */
export function groupBlocks(blocks: Block[]): BlockRun[] {
  const runs: BlockRun[] = [];
  for (const block of blocks) {
    const last = runs[runs.length - 1];
    if (last && last.type === block.type && GROUPED.has(block.type)) last.texts.push(block.text);
    else runs.push({ type: block.type, texts: [block.text] });
  }
  return runs;
}

/** The cells of a table-row block: the extractor joins a row's cells with " | ". */
export function tableCells(rowText: string): string[] {
  return rowText.split(' | ').map((cell) => cell.trim());
}

/** The day of a published date as the page states it (its own offset, not converted to UTC). */
export function publishedDay(published: string | null): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(published ?? '');
  return match?.[1] ?? null;
}
