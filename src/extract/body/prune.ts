/**
 * First cleaning pass over the parsed page: removes what a reader never sees or never
 * reads as text (scripts, styles, hidden nodes, form controls, embedded media), so the
 * later steps only weigh visible text. Mutates the tree; metadata is read before this.
 */
import { ElementType } from 'htmlparser2';
import type { AnyNode, Element, ParentNode } from 'domhandler';
import { removeElement } from 'domutils';
import type { TraceEntry } from '../types.js';

/** Tags whose content is never article text. */
const DROP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed',
  'video', 'audio', 'source', 'track', 'map', 'input', 'select', 'option', 'textarea', 'button',
  'head', 'link', 'meta', 'dialog', 'label',
]);

const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important)?\s*(;|$)/i;
const HIDDEN_CLASS = /(^|\s)(hidden|hide|d-none|sr-only|visually-hidden|screen-reader-text|screenreader|element-invisible|offscreen|is-hidden|u-hidden)(\s|$)/i;

/** Whether an element is hidden from readers by its own attributes. */
export function isHiddenElement(el: Element): boolean {
  const a = el.attribs;
  if ('hidden' in a) return true;
  if (a['aria-hidden'] === 'true') return true;
  if (a.style && HIDDEN_STYLE.test(a.style)) return true;
  if (a.class && HIDDEN_CLASS.test(a.class)) return true;
  if (a.type === 'hidden') return true;
  return false;
}

/** Removes invisible and non-text nodes under `root`. Returns how many subtrees went. */
export function pruneInvisible(root: ParentNode, trace: TraceEntry[]): number {
  const doomed: AnyNode[] = [];
  let hidden = 0;
  const stack: AnyNode[] = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === ElementType.Comment || node.type === ElementType.Directive || node.type === ElementType.CDATA) {
      doomed.push(node);
      continue;
    }
    if (node.type === ElementType.Script || node.type === ElementType.Style) {
      doomed.push(node);
      continue;
    }
    if (node.type !== ElementType.Tag) continue;
    if (DROP_TAGS.has(node.name)) {
      doomed.push(node);
      continue;
    }
    if (isHiddenElement(node)) {
      // aria-hidden icons are many and dull; trace only hidden boxes that carried text.
      hidden++;
      doomed.push(node);
      continue;
    }
    for (const child of node.children) stack.push(child);
  }
  for (const node of doomed) removeElement(node);
  if (hidden > 0) trace.push({ step: 'prune.hidden', reason: `removed ${hidden} hidden elements` });
  return doomed.length;
}
