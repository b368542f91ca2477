/**
 * Differences between two versions of an article, by paragraph and, inside a changed
 * paragraph, by word (jsdiff). Paragraphs are the record's text split on blank lines.
 * A run of removed paragraphs directly followed by added ones is paired up in order as
 * "changed" paragraphs, so an edited sentence shows as word changes, not a swap.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { Article } from '../../extract/types.js';

export interface WordChange {
  op: 'same' | 'added' | 'removed';
  text: string;
}

export type ParagraphChange =
  | { op: 'same' | 'added' | 'removed'; text: string }
  | { op: 'changed'; from: string; to: string; words: WordChange[] };

export interface VersionDiff {
  title: { from: string | null; to: string | null } | null;
  paragraphs: ParagraphChange[];
  /** Counts of paragraphs by change kind. */
  counts: { same: number; added: number; removed: number; changed: number };
}

function paragraphs(article: Article): string[] {
  return article.text.split(/\n{2,}/).map((p) => p.trim()).filter((p) => p !== '');
}

function wordDiff(from: string, to: string): WordChange[] {
  return diffWordsWithSpace(from, to).map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

export function diffVersions(from: Article, to: Article): VersionDiff {
  const out: ParagraphChange[] = [];
  const changes = diffArrays(paragraphs(from), paragraphs(to));
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    const next = changes[i + 1];
    if (change.removed && next?.added) {
      const pairs = Math.min(change.value.length, next.value.length);
      for (let k = 0; k < pairs; k++) out.push({ op: 'changed', from: change.value[k]!, to: next.value[k]!, words: wordDiff(change.value[k]!, next.value[k]!) });
      for (const text of change.value.slice(pairs)) out.push({ op: 'removed', text });
      for (const text of next.value.slice(pairs)) out.push({ op: 'added', text });
      i++;
      continue;
    }
    const op = change.added ? 'added' : change.removed ? 'removed' : 'same';
    for (const text of change.value) out.push({ op, text });
  }
  const counts = { same: 0, added: 0, removed: 0, changed: 0 };
  for (const p of out) counts[p.op]++;
  return { title: from.title === to.title ? null : { from: from.title, to: to.title }, paragraphs: out, counts };
}
