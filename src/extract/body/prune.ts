/**
 * First cleaning pass over the parsed page: removes what a reader never sees or never
 * reads as text (scripts, styles, hidden nodes, form controls, embedded media), so the
 * later steps only weigh visible text. Mutates the tree; metadata is read before this.
 */
import { ElementType } from 'htmlparser2';
import { Element as DomElement, type AnyNode, type Element, type ParentNode } from 'domhandler';
import { removeElement, replaceElement } from 'domutils';
import type { TraceEntry } from '../types.js';
import { StreamedParts } from './streamed.js';

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

/** What the pruning set aside instead of dropping outright. */
export interface PruneFindings {
  /**
   * <noscript> boxes that hold markup, each replaced by an empty placeholder: the content a page
   * shows without scripts, restored when the page is otherwise empty of prose (noscript.ts).
   */
  noscripts: { box: Element; placeholder: Element }[];
}

/** Removes invisible and non-text nodes under `root`. Returns how many subtrees went. */
export function pruneInvisible(root: ParentNode, trace: TraceEntry[], findings?: PruneFindings): number {
  const doomed: AnyNode[] = [];
  const streamed = new StreamedParts();
  const counts = { hidden: 0, revealed: 0 };
  let walkFrom: ParentNode[] = [root];
  // Parts of a streamed page may hold further parts: walk what each reveal brings in.
  while (walkFrom.length > 0) {
    for (const start of walkFrom) collectDoomed(start, doomed, streamed, counts, findings);
    walkFrom = streamed.reveal();
    counts.revealed += walkFrom.length;
  }
  doomed.push(...streamed.stillHidden());
  for (const node of doomed) removeElement(node);
  if (counts.hidden > 0) trace.push({ step: 'prune.hidden', reason: `removed ${counts.hidden - counts.revealed} hidden elements` });
  if (counts.revealed > 0) trace.push({ step: 'prune.streamed', reason: `revealed ${counts.revealed} hidden part(s) that the page's script moves into place` });
  return doomed.length;
}

function collectDoomed(root: ParentNode, doomed: AnyNode[], streamed: StreamedParts, counts: { hidden: number }, findings?: PruneFindings): void {
  const stack: AnyNode[] = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === ElementType.Comment || node.type === ElementType.Directive || node.type === ElementType.CDATA) {
      doomed.push(node);
      continue;
    }
    if (node.type === ElementType.Script || node.type === ElementType.Style) {
      if (node.type === ElementType.Script) streamed.noteScript(node);
      doomed.push(node);
      continue;
    }
    if (node.type !== ElementType.Tag) continue;
    if (DROP_TAGS.has(node.name)) {
      if (node.name === 'template') streamed.noteTemplate(node);
      if (node.name === 'noscript' && findings && node.children.some((c) => c.type === ElementType.Tag)) setAside(node, findings);
      else doomed.push(node);
      continue;
    }
    if (isHiddenElement(node)) {
      // aria-hidden icons are many and dull; trace only hidden boxes that carried text.
      counts.hidden++;
      if (!streamed.defer(node)) doomed.push(node);
      continue;
    }
    for (const child of node.children) stack.push(child);
  }
}

/** Takes a <noscript> box out of the page, leaving an empty placeholder where it was. */
function setAside(box: Element, findings: PruneFindings): void {
  const placeholder = new DomElement('noscript', {});
  replaceElement(box, placeholder);
  findings.noscripts.push({ box, placeholder });
}
