/**
 * Small, iterative DOM helpers over domhandler nodes. Iterative (explicit stacks), never
 * recursive, so a 100,000-deep page cannot overflow the call stack.
 */
import { ElementType } from 'htmlparser2';
import type { AnyNode, ChildNode, Element, ParentNode } from 'domhandler';

export function isElement(node: AnyNode): node is Element {
  return node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style;
}

export function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

/** Visits every element under `root` in document order; return false from `visit` to skip an element's subtree. */
export function walkElements(root: ParentNode, visit: (el: Element) => boolean | void): void {
  const stack: ChildNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (visit(node) === false) continue;
    const kids = node.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

/** All elements under `root` whose tag name is in `names`. */
export function elementsByTag(root: ParentNode, ...names: string[]): Element[] {
  const wanted = new Set(names);
  const found: Element[] = [];
  walkElements(root, (el) => {
    if (wanted.has(el.name)) found.push(el);
  });
  return found;
}

/** The raw text under a node (script and style excluded), without whitespace normalisation. */
export function rawText(root: AnyNode): string {
  if (root.type === ElementType.Text) return root.data;
  if (!('children' in root)) return '';
  let out = '';
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === ElementType.Text) {
      out += node.data;
    } else if (node.type === ElementType.Tag) {
      const kids = node.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    } else if (node.type === ElementType.Root) {
      const kids = node.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return out;
}

/** Text with whitespace runs collapsed to one space and trimmed. */
export function normalizedText(root: AnyNode): string {
  return collapseSpace(rawText(root));
}

export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\u2028\u2029\ufeff]+/g, ' ').trim();
}
