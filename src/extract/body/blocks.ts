/**
 * Turns the chosen container into ordered text blocks. Inline elements are joined exactly
 * as the source joins them (no space added or lost); block elements and <br> end a block.
 * Boxes that are boilerplate by name, tag or link density are skipped as whole subtrees.
 */
import { ElementType } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import type { Block, BlockType, Favor, TraceEntry } from '../types.js';
import { collapseSpace } from '../dom/query.js';
import { BLOCK_TAGS, holdsProse, linkDensity, type ElementStats } from './stats.js';
import { nameSignals } from './names.js';
import { absoluteUrl } from '../fields/links.js';

export interface RawBlock extends Block {
  /** Characters of the block's text inside links. */
  linkLength: number;
  /** The element the block came from (its nearest block ancestor). */
  source: Element | null;
  links: string[];
}

// Figures (images with their captions and credits) are not running text: the lead image
// and its caption live in `image`; the benchmark's and readers' notion of the body excludes them.
const SKIP_TAGS = new Set(['nav', 'aside', 'footer', 'menu', 'img', 'picture', 'hr', 'figure', 'figcaption']);

const TABLE_PARTS = new Set(['tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'caption', 'colgroup']);

function blockTypeOf(name: string): BlockType | null {
  switch (name) {
    case 'p': case 'div': case 'section': case 'article': case 'main': case 'dd': case 'dt': case 'pre': case 'address': case 'center':
      return 'paragraph';
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
      return 'heading';
    case 'li':
      return 'list-item';
    case 'blockquote':
      return 'quote';
    case 'figcaption': case 'caption':
      return 'caption';
    case 'tr': case 'td': case 'th':
      return 'table';
    default:
      return null;
  }
}

export interface CollectOptions {
  stats: Map<Element, ElementStats>;
  /** Text length of the whole container: a box holding most of it is never skipped. */
  containerLength: number;
  trace: TraceEntry[];
  baseUrl?: string;
  /** Weak-named boxes (widget, header, print…): 'precision' drops them, 'recall' keeps them, 'balanced' keeps those holding prose. */
  favor?: Favor;
}

/** Whether a box named only with weak words is kept, by what it holds and what the caller favours. */
function keepsWeakBox(s: ElementStats | undefined, favor: Favor | undefined): boolean {
  if (favor === 'precision') return false;
  if (favor === 'recall') return true;
  return holdsProse(s);
}

/** Why a subtree is skipped, or null when it is kept. */
export function skipReason(el: Element, options: CollectOptions): string | null {
  if (SKIP_TAGS.has(el.name)) return `tag <${el.name}>`;
  const s = options.stats.get(el);
  const length = s?.textLength ?? 0;
  // A box with most of the container's text is the body, whatever its name says.
  const major = length > options.containerLength * 0.5 && length > 200;
  // Table parts carry row styling names ("player-12", "oddrow"), not roles: judge the table.
  if (!major && !TABLE_PARTS.has(el.name)) {
    const names = nameSignals(el);
    if (names.strong || (names.weak && !keepsWeakBox(s, options.favor))) return `boilerplate name "${`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.trim().slice(0, 60)}"`;
  }
  if (el.name === 'header' && !major) return 'tag <header>';
  // Sign-up and comment forms go; a form holding most of the text wraps the page (ASP.NET).
  if (el.name === 'form' && !major) return 'tag <form>';
  if (el.name === 'figure' || el.name === 'table' || el.name === 'ul' || el.name === 'ol' || el.name === 'div' || el.name === 'section') {
    if (s && !major && s.textLength > 0 && linkDensity(s) > 0.5) return `link density ${linkDensity(s).toFixed(2)}`;
  }
  return null;
}

export function collectBlocks(roots: Element[], options: CollectOptions): RawBlock[] {
  const blocks: RawBlock[] = [];
  let buffer = '';
  let linkChars = 0;
  let links: string[] = [];
  const typeStack: { type: BlockType; el: Element }[] = [];

  const flush = (): void => {
    const text = collapseSpace(buffer);
    if (text) {
      const current = typeStack[typeStack.length - 1];
      blocks.push({ type: current?.type ?? 'paragraph', text, linkLength: Math.min(linkChars, text.length), source: current?.el ?? null, links });
    }
    buffer = '';
    linkChars = 0;
    links = [];
  };

  for (const root of roots) {
    type Frame = { node: AnyNode; exit: boolean; inLink: boolean };
    const stack: Frame[] = [{ node: root, exit: false, inLink: false }];
    while (stack.length > 0) {
      const frame = stack.pop()!;
      const node = frame.node;
      if (node.type === ElementType.Text) {
        buffer += node.data;
        if (frame.inLink) linkChars += node.data.trim().length;
        continue;
      }
      if (node.type !== ElementType.Tag) continue;
      // A table row is one block; its cells are separated, not split.
      const isCell = node.name === 'td' || node.name === 'th';
      const isBlock = BLOCK_TAGS.has(node.name) && !isCell;
      const type = blockTypeOf(node.name);
      if (frame.exit) {
        if (isBlock) flush();
        if (type) typeStack.pop();
        continue;
      }
      if (node !== root) {
        const reason = skipReason(node, options);
        if (reason) {
          if (isBlock) flush();
          const s = options.stats.get(node);
          if (s && s.textLength > 0) options.trace.push({ step: 'clean.skip', reason, where: node.name, text: sample(node) });
          continue;
        }
      }
      if (node.name === 'br') {
        flush();
        continue;
      }
      if (isBlock) flush();
      if (isCell && buffer.trim()) buffer += ' | ';
      if (type) typeStack.push({ type, el: node });
      const inLink = frame.inLink || node.name === 'a';
      if (node.name === 'a' && node.attribs.href) {
        const abs = absoluteUrl(node.attribs.href, options.baseUrl);
        if (abs) links.push(abs);
      }
      stack.push({ node, exit: true, inLink });
      const kids = node.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, exit: false, inLink });
    }
    flush();
  }
  return blocks;
}

function sample(el: Element): string {
  let out = '';
  const stack: AnyNode[] = [el];
  while (stack.length > 0 && out.length < 80) {
    const n = stack.pop()!;
    if (n.type === ElementType.Text) out += n.data;
    else if (n.type === ElementType.Tag) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return collapseSpace(out).slice(0, 80);
}
