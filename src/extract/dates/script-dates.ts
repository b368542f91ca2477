/**
 * Dates that inline scripts carry as JSON or JavaScript object keys: data layers
 * ({"first-publication":"2020-01-28 15:28"}), app state ("published_at":"…"), JSON that is
 * not JSON-LD or JSON-LD that does not parse. One bounded regex pass per script finds
 * string values that start with a digit; the key, split into words, says whether the value
 * is a publication or a modification date. Only the first few of each kind are kept: later
 * ones in app state usually belong to other articles.
 */
import type { Element } from 'domhandler';
import { scriptText } from '../structured/scan.js';
import { parseDate, type ParseDateOptions, type ParsedDate } from './parse-date.js';
import { classWords } from './class-words.js';

export interface ScriptDate {
  kind: 'published' | 'modified';
  date: ParsedDate;
  key: string;
  raw: string;
  /** 0 for the first of its kind, 1 for the next... */
  rank: number;
  /** A bare "date" key: weaker than a key that names publication. */
  generic: boolean;
}

/** "key": "value" (also 'key': 'value', escaped \"key\":\"value\" inside JSON strings) with a value starting with a digit. */
const KEY_VALUE = /\\?["']([A-Za-z][\w\- ]{1,40})\\?["']\s*:\s*\\?["'](\d[^"'\\\n]{7,38})\\?["']/g;
const PUBLISHED_WORDS = new Set(['published', 'publish', 'publication', 'pub', 'pubdate', 'datepublished', 'posted', 'created', 'create', 'creation', 'datecreated', 'uploaded', 'upload', 'uploaddate', 'released', 'release', 'issued', 'first', 'original', 'originally', 'publishedfirst', 'veroeffentlicht', 'erstellt', 'deploy', 'deployed']);
const MODIFIED_WORDS = new Set(['modified', 'updated', 'update', 'changed', 'lastmod', 'edited', 'revised', 'last', 'datemodified', 'publishedlast']);
const DATE_WORDS = new Set(['date', 'time', 'at', 'on', 'datetime', 'timestamp', 'day', 'first', 'last', 'hour', 'dt', 'ts']);
const PER_KIND = 3;
/** Script characters read at most per page (by default). */
const BUDGET = 400_000;

function classify(key: string): { kind: 'published' | 'modified'; generic: boolean } | null {
  const words = classWords(key);
  if (words.length === 0 || words.length > 5) return null;
  // "reDeployDt", "re_published": published again, i.e. modified.
  if (words.some((w) => MODIFIED_WORDS.has(w)) || (words[0] === 're' && words.some((w) => PUBLISHED_WORDS.has(w)))) return { kind: 'modified', generic: false };
  if (words.some((w) => PUBLISHED_WORDS.has(w))) return words.some((w) => DATE_WORDS.has(w) || PUBLISHED_WORDS.has(w)) ? { kind: 'published', generic: false } : null;
  if (words.length === 1 && words[0] === 'date') return { kind: 'published', generic: true };
  return null;
}

export function readScriptDates(scripts: Element[], options: ParseDateOptions, budget = BUDGET): ScriptDate[] {
  const out: ScriptDate[] = [];
  const counts = { published: 0, modified: 0 };
  for (const el of scripts) {
    if (budget <= 0) break;
    const script = scriptText(el).slice(0, budget);
    budget -= script.length;
    for (const m of script.matchAll(KEY_VALUE)) {
      const kind = classify(m[1]!);
      if (!kind || counts[kind.kind] >= PER_KIND) continue;
      const date = parseDate(m[2]!.trim(), options);
      if (!date || date.day === undefined) continue;
      out.push({ ...kind, date, key: m[1]!, raw: `${m[1]}: ${m[2]}`, rank: counts[kind.kind]++ });
      if (counts.published >= PER_KIND && counts.modified >= PER_KIND) return out;
    }
  }
  return out;
}
