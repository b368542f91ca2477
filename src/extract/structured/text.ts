/** Bounded text reading for metadata: small elements only, never a whole page container. */
import type { AnyNode, Element } from 'domhandler';
import { collapseSpace } from '../dom/query.js';

const BLOCKISH = /^(p|div|li|h\d)$/;

/**
 * The element's text with whitespace collapsed, or null when it is longer than `maxChars`
 * (a container, not a label). Iterative; script and style are skipped; <br> is a space.
 * `joinInline` keeps inline tags joined as written (headlines, where a tag may split a word);
 * otherwise every tag boundary is a space (labels and date lines made of separate boxes).
 */
function readText(root: Element, maxChars: number, joinInline: boolean, skip?: (el: Element) => boolean): string | null {
  let out = '';
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      out += node.data;
      if (out.length > maxChars * 2 + 200) return null;
    } else if (node.type === 'tag') {
      if (skip?.(node)) continue;
      if (node.name === 'br' || !joinInline || BLOCKISH.test(node.name)) out += ' ';
      const kids = node.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  const text = collapseSpace(out);
  return text.length > maxChars ? null : text;
}

/** Text with a space at every tag boundary, or null over `maxChars`. */
export function boundedText(root: Element, maxChars: number): string | null {
  return readText(root, maxChars, false);
}

/** As boundedText, leaving out the elements `skip` says no to (and what they hold). */
export function boundedTextSkipping(root: Element, maxChars: number, skip: (el: Element) => boolean): string | null {
  return readText(root, maxChars, false, skip);
}

/** Inline joins without the block spaces: for headlines, where tags may split a word. */
export function inlineText(root: Element, maxChars: number): string | null {
  return readText(root, maxChars, true);
}
