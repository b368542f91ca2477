/**
 * Snippets in the original spelling: the text is re-tokenized, tokens whose stems the query
 * asked for are located, and the best window is cut from the original characters.
 */
import { tokenize, type Token } from './tokenize.js';

export interface HighlightOptions {
  /** Marker before a matched word (default "**"). */
  open?: string;
  /** Marker after a matched word (default "**"). */
  close?: string;
  /** Words in the snippet window (default 32). */
  maxWords?: number;
  /** Shown where the window cuts the text (default "…"). */
  ellipsis?: string;
}

function isMatch(t: Token, wanted: ReadonlySet<string>): boolean {
  return wanted.has(t.stem) || t.alts.some((a) => wanted.has(a));
}

/*
 * Window choice: the window of maxWords tokens with the most distinct query stems wins; ties go
 * to more matches in total, then to the earliest window (leads summarize news best).
 */
function bestWindow(tokens: Token[], wanted: ReadonlySet<string>, size: number): number {
  const keyOf = (t: Token): string | null => (wanted.has(t.stem) ? t.stem : t.alts.find((a) => wanted.has(a)) ?? null);
  const counts = new Map<string, number>();
  let total = 0;
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < tokens.length; i++) {
    const k = keyOf(tokens[i]!);
    if (k !== null) {
      counts.set(k, (counts.get(k) ?? 0) + 1);
      total++;
    }
    const out = i - size;
    if (out >= 0) {
      const ko = keyOf(tokens[out]!);
      if (ko !== null) {
        const c = (counts.get(ko) ?? 1) - 1;
        if (c === 0) counts.delete(ko);
        else counts.set(ko, c);
        total--;
      }
    }
    if (i >= Math.min(size, tokens.length) - 1) {
      const score = counts.size * 10_000 + total;
      if (score > bestScore) {
        bestScore = score;
        best = Math.max(0, i - size + 1);
      }
    }
  }
  return best;
}

const clean = (s: string): string => s.replace(/\s+/g, ' ');

/** Cuts a snippet of `text` around the words whose stems are in `wanted`, with highlights. */
export function buildSnippet(text: string, wanted: ReadonlySet<string>, options: HighlightOptions = {}): string {
  const open = options.open ?? '**';
  const close = options.close ?? '**';
  const size = Math.max(1, options.maxWords ?? 32);
  const ellipsis = options.ellipsis ?? '…';
  const tokens = tokenize(text);
  if (tokens.length === 0) return clean(text.slice(0, 200)).trim();
  const first = bestWindow(tokens, wanted, size);
  const last = Math.min(tokens.length, first + size) - 1;
  let out = first > 0 ? ellipsis : '';
  let cursor = tokens[first]!.start;
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!;
    if (t.start < cursor) continue; // pieces of one run share its span
    out += clean(text.slice(cursor, t.start));
    const word = text.slice(t.start, t.end);
    // a run split into several pieces is highlighted when any piece matches
    let hit = false;
    for (let j = i; j <= last && tokens[j]!.start === t.start; j++) hit ||= isMatch(tokens[j]!, wanted);
    out += hit ? open + word + close : word;
    cursor = t.end;
  }
  if (last < tokens.length - 1) out += ellipsis;
  return out.trim();
}

/** True when any word of the text matches one of the stems. */
export function textMatches(text: string, wanted: ReadonlySet<string>): boolean {
  return tokenize(text).some((t) => isMatch(t, wanted));
}
