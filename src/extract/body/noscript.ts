/**
 * <noscript> holds what a page shows when scripts do not run. Most of it is tracking pixels
 * and "please enable JavaScript"; but a page that renders its text with scripts sometimes
 * puts the whole article there for readers without them. So the pruning sets these boxes
 * aside, and they come back only when the visible page is otherwise empty of prose.
 */
import { replaceElement } from 'domutils';
import type { TraceEntry } from '../types.js';
import { pruneInvisible, type PruneFindings } from './prune.js';

/** Puts the set-aside <noscript> boxes back where they were, pruned like the rest of the page. */
export function restoreNoscripts(findings: PruneFindings, trace: TraceEntry[]): boolean {
  const boxes = findings.noscripts.splice(0);
  for (const { box, placeholder } of boxes) {
    replaceElement(placeholder, box);
    pruneInvisible(box, []);
  }
  if (boxes.length > 0) trace.push({ step: 'body.noscript', reason: `the page shows too little text with scripts: read its ${boxes.length} <noscript> box(es)` });
  return boxes.length > 0;
}
