/**
 * Guards the parser against absurd nesting. htmlparser2 keeps its open-element stack with
 * Array#unshift, so each open tag costs time proportional to the depth: 100,000 nested tags
 * take tens of seconds. Real pages stay far below a few hundred levels, so one cheap scan
 * measures the depth of unclosed tags, and only when it exceeds the limit are the tags
 * deeper than the limit dropped (their text is kept), paragraph-like tags excepted.
 */

/** Deeper than any real page; shallow enough that parsing stays linear in practice. */
export const MAX_DEPTH = 1000;

const TAG = /<(\/?)([a-zA-Z][^\s/>]*)[^>]*>|<!--[\s\S]*?-->|<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\3\s*>/gi;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command', 'basefont', 'frame', 'isindex']);

/**
 * Paragraph-like tags are kept even beyond the limit: they carry the text's structure, and
 * the parser closes an open one when the next begins, so they never pile up on its stack.
 */
const SELF_CLOSING_BLOCKS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'option']);

/** The deepest level of open tags, counted as opens minus closes (an upper bound of the parser's). */
function maxDepth(html: string): number {
  let depth = 0;
  let max = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2];
    if (!name) continue;
    if (m[1]) {
      if (depth > 0) depth--;
    } else if (!VOID.has(name.toLowerCase()) && !m[0].endsWith('/>')) {
      depth++;
      if (depth > max) max = depth;
    }
  }
  return max;
}

/** Returns the HTML unchanged, or with tags beyond `limit` levels removed. */
export function limitDepth(html: string, limit = MAX_DEPTH): { html: string; dropped: number } {
  if (maxDepth(html) <= limit) return { html, dropped: 0 };
  let depth = 0;
  let dropped = 0;
  const droppedOpen = new Map<string, number>();
  TAG.lastIndex = 0;
  const out = html.replace(TAG, (tag: string, close: string, rawName: string | undefined) => {
    if (!rawName) return tag;
    const name = rawName.toLowerCase();
    if (close) {
      const pending = droppedOpen.get(name) ?? 0;
      if (pending > 0) {
        droppedOpen.set(name, pending - 1);
        return '';
      }
      if (depth > 0) depth--;
      return tag;
    }
    if (VOID.has(name) || tag.endsWith('/>')) return tag;
    if (depth >= limit && !SELF_CLOSING_BLOCKS.has(name)) {
      droppedOpen.set(name, (droppedOpen.get(name) ?? 0) + 1);
      dropped++;
      return '';
    }
    depth++;
    return tag;
  });
  return { html: out, dropped };
}
