/**
 * What an API client needs to show a search hit safely: the snippet as plain-text segments
 * (matched or not) instead of markup, and the direction its text reads in.
 */
import { isArabicScript } from './normalize-arabic.js';

/** Private markers around matched words while the snippet is built; never sent to a client. */
export const MATCH_OPEN = '\u0002';
export const MATCH_CLOSE = '\u0003';

export interface SnippetSegment {
  text: string;
  match: boolean;
}

/**
 * Splits a snippet built with MATCH_OPEN/MATCH_CLOSE into segments; adjacent pieces of the same
 * kind are merged and empty ones dropped. A stray marker (a control character in crawled text)
 * only toggles the flag: it can mark the wrong words, never inject anything.
 */
export function snippetSegments(snippet: string): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  let match = false;
  let text = '';
  const flush = (): void => {
    if (text.length === 0) return;
    const last = out[out.length - 1];
    if (last !== undefined && last.match === match) last.text += text;
    else out.push({ text, match });
    text = '';
  };
  for (const ch of snippet) {
    if (ch === MATCH_OPEN || ch === MATCH_CLOSE) {
      flush();
      match = ch === MATCH_OPEN;
    } else {
      text += ch;
    }
  }
  flush();
  return out;
}

/** Languages written right to left (BCP 47 primary subtags; Kurdish only in Arabic script). */
const RTL_LANGUAGE = /^(ar|fa|ur|he|iw|ps|ckb|yi|dv|sd|ug|syr|ku-arab)(-|$)/i;

/** The direction of an article's text: from its language, else from the script of a sample of it. */
export function directionOf(language: string | null, sample: string | null): 'rtl' | 'ltr' {
  if (language) return RTL_LANGUAGE.test(language) ? 'rtl' : 'ltr';
  return sample !== null && isArabicScript(sample) ? 'rtl' : 'ltr';
}
