/**
 * Reads and repairs naive text dumps of news pages (the seed file's shape): a header line
 * `date YYYY-MM-DD URL`, the headline repeated, the site name, the description, raw ISO
 * timestamps, an image URL, the body once glued into one line and once line by line (a
 * sentence sometimes broken across two lines), related links and a visible date line.
 *
 * Rules (general, no site is named):
 * - The headline is the line repeated most often among short lines; the site name is a short
 *   line in the header block (before the timestamps, or after a headline repeated at the top); the
 *   description is the header block's first long line.
 * - ISO timestamp lines give published (earliest) and modified (latest, when later); a
 *   visible date line ("… (تم التحديث: …)") confirms them or stands in when there are none.
 * - URL lines are the image (an image file or image path) or related links.
 * - Body lines are split where a paragraph end touches the next paragraph's first letter
 *   (`…هائلة".وتابع`), joined where a sentence was broken (the next line starts with a comma
 *   or lower-case letter, or the joined text occurs in the other copy), and the copies are
 *   merged in page order, each paragraph once, the whole version kept.
 */
import type { Article, Block, DateEvidence, TraceEntry } from '../extract/types.js';
import { articleId, simhash } from '../extract/content-hash.js';
import { countWords } from '../extract/extract-article.js';
import { parseDate, formatDate, dateToMillis, type ParsedDate } from '../extract/dates/parse-date.js';
import { readDateLine } from '../extract/dates/date-lines.js';
import { foldForDates } from '../extract/dates/normalize.js';
import { GREGORIAN_MONTH_RE } from '../extract/dates/months.js';
import { detectLanguage } from '../extract/fields/language.js';
import { compareKey } from '../extract/fields/title.js';

export interface RepairOptions {
  /** When the dump was made (ISO 8601): resolves relative dates in its date line. */
  fetchedAt?: string;
}

const HEADER = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+(\S+)\s*$/i;
const URL_LINE = /^https?:\/\/\S+$/i;
const ISO_LINE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/i;
const IMAGE_URL = /\.(?:jpe?g|png|webp|gif|avif|bmp)(?:[?#]|$)|\/(?:img|image|images|media|photos?)\//i;
const TERMINAL = /[.!?؟…"»”’:)]$/u;
const MONTH_WORDS = new RegExp(GREGORIAN_MONTH_RE, 'gu');
const DATE_WORDS = /(?<![\p{L}])(?:gmt|utc|بتوقيت|توقيت|تم|التحديث|تحديث|اخر|نشر|في|updated|published|posted|last|on|at|am|pm|ص|م|الساعه|publie|le|a|am|um|el|de|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![\p{L}])/gu;

/** A line made only of dates, times and their label words. */
function isDateLine(line: string): boolean {
  if (line.length > 160) return false;
  const folded = foldForDates(line);
  if (!/\d/.test(folded) || !parseDate(line)) return false;
  const letters = folded.replace(/[^\p{L}]+/gu, '').length;
  const rest = folded.replace(MONTH_WORDS, ' ').replace(DATE_WORDS, ' ').replace(/[^\p{L}]+/gu, '');
  // What is left is a zone's city or a weekday, never a sentence.
  return rest.length <= Math.max(12, letters * 0.35);
}

const key = (text: string): string => compareKey(text).replace(/\s+/g, '');

/** Splits a glued line where a paragraph's final punctuation touches the next paragraph's first letter. */
export function splitGlued(line: string): string[] {
  const parts: string[] = [];
  let start = 0;
  const re = /([.!?؟…]["»”’)]*|["»”’)]+[.!?؟…])(?=[\p{L}«“])/gu;
  for (const m of line.matchAll(re)) {
    const at = m.index + m[0].length;
    const before = line.slice(Math.max(start, m.index - 3), m.index);
    // Not an abbreviation (U.S.) nor a domain name (example.com): two letters before, a word after.
    if (!/\p{L}{2}$|["»”’)]$/u.test(before) && !/^["»”’)]/u.test(m[0])) continue;
    if (/^[a-z]{2,4}(?:[/\s:]|$)/.test(line.slice(at, at + 6))) continue;
    parts.push(line.slice(start, at).trim());
    start = at;
  }
  parts.push(line.slice(start).trim());
  return parts.filter(Boolean);
}

/** Joins a sentence broken across lines; `elsewhere` is the other copies' text, for evidence. */
export function joinBroken(lines: string[], elsewhere: string): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev !== undefined && !TERMINAL.test(prev)) {
      const continues = /^[،,;؛:)\]}]|^[a-zà-ÿ]/u.test(line);
      const joined = /^[،,;؛:)\]}]/u.test(line) ? `${prev}${line}` : `${prev} ${line}`;
      if (continues || (elsewhere && elsewhere.includes(key(joined).slice(Math.max(0, key(prev).length - 20), key(prev).length + 20)))) {
        out[out.length - 1] = joined;
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

/**
 * Merges copies of one body into page order: the longest copy is the spine; a paragraph
 * missing from it is inserted just before the next paragraph both copies share.
 */
export function mergeCopies(copies: string[][]): string[] {
  const sorted = [...copies].sort((a, b) => b.length - a.length);
  const merged = [...(sorted[0] ?? [])];
  for (const copy of sorted.slice(1)) {
    let pending: string[] = [];
    let cursor = 0;
    for (const para of copy) {
      const k = key(para);
      const at = merged.findIndex((m) => key(m) === k || (k.length > 40 && (key(m).includes(k) || k.includes(key(m)))));
      if (at === -1) {
        pending.push(para);
        continue;
      }
      if (k.length > key(merged[at]!).length) merged[at] = para;
      const insertAt = Math.max(cursor, at);
      merged.splice(insertAt, 0, ...pending);
      cursor = insertAt + pending.length + 1;
      pending = [];
    }
    merged.splice(Math.max(cursor, merged.length), 0, ...pending);
  }
  const seen = new Set<string>();
  return merged.filter((p) => {
    const k = key(p);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function evidenceOf(date: ParsedDate, raw: string, confidence: number): DateEvidence {
  return { value: formatDate(date), raw, source: 'text', confidence };
}

/** Turns one naive dump into an article record. */
export function repairDump(text: string, options: RepairOptions = {}): Article {
  const trace: TraceEntry[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  let url: string | null = null;
  let headerDate: string | null = null;
  const header = lines.length > 0 ? HEADER.exec(lines[0]!) : null;
  if (header) {
    headerDate = header[1]!;
    url = header[2]!;
    lines.shift();
  }
  // The headline: the most repeated short line (first line when nothing repeats).
  const counts = new Map<string, number>();
  for (const l of lines) if (l.length <= 250 && !URL_LINE.test(l)) counts.set(key(l), (counts.get(key(l)) ?? 0) + 1);
  const repeated = lines.find((l) => (counts.get(key(l)) ?? 0) >= 2 && l.length <= 250 && !URL_LINE.test(l) && !ISO_LINE.test(l));
  const title = repeated ?? lines.find((l) => !URL_LINE.test(l) && !ISO_LINE.test(l)) ?? null;
  const titleKey = title ? key(title) : '';
  // The header block runs to the first timestamp; without timestamps, a naive dump still shows
  // itself by repeating the headline at the top, and its header ends at the first URL or date
  // line. A clean "date URL / title / paragraphs" dump has no header block.
  const firstStamp = lines.findIndex((l) => ISO_LINE.test(l));
  const repeatedAtTop = lines.length > 1 && key(lines[0]!) === titleKey && key(lines[1]!) === titleKey;
  const firstMark = lines.findIndex((l) => URL_LINE.test(l) || isDateLine(l));
  const headerEnd = firstStamp !== -1 ? firstStamp : repeatedAtTop ? (firstMark === -1 ? Math.min(lines.length, 4) : firstMark) : 0;
  let siteName: string | null = null;
  let descriptionIndex = -1;
  for (let i = 0; i < headerEnd; i++) {
    const l = lines[i]!;
    if (key(l) === titleKey) continue;
    const words = l.split(' ').length;
    if (siteName === null && words <= 5 && l.length <= 50 && !TERMINAL.test(l)) siteName = l;
    else if (descriptionIndex === -1 && l.length > 40) descriptionIndex = i;
  }
  let description = descriptionIndex >= 0 ? lines[descriptionIndex]! : null;
  if (description && siteName && description.endsWith(siteName)) {
    description = description.slice(0, -siteName.length).replace(/[\s,،|–—-]*(\d{1,4}[./-]\d{1,2}[./-]\d{1,4})?[\s,،|–—-]*$/u, '').trim();
  }
  // Timestamps, date lines, URLs; the rest is body, in segments separated by non-body lines.
  const stamps: Array<{ date: ParsedDate; raw: string }> = [];
  const dateLines: string[] = [];
  let image: string | null = null;
  const related: string[] = [];
  const segments: string[][] = [[]];
  lines.forEach((l, i) => {
    const boundary = (): void => {
      if (segments[segments.length - 1]!.length > 0) segments.push([]);
    };
    if (i < headerEnd && (key(l) === titleKey || l === siteName || i === descriptionIndex)) return;
    if (ISO_LINE.test(l)) {
      const date = parseDate(l);
      if (date) stamps.push({ date, raw: l });
      boundary();
    } else if (URL_LINE.test(l)) {
      if (IMAGE_URL.test(l) && image === null && !related.includes(l)) image = l;
      else if (l !== url && !related.includes(l) && l !== image) related.push(l);
      boundary();
    } else if (key(l) === titleKey || (siteName !== null && l === siteName)) {
      boundary();
    } else if (isDateLine(l)) {
      dateLines.push(l);
      boundary();
    } else {
      segments[segments.length - 1]!.push(l);
    }
  });
  const copies = segments.filter((s) => s.length > 0).map((s) => s.flatMap(splitGlued));
  const allText = copies.map((c) => c.map(key).join('|'));
  const joined = copies.map((c, i) => joinBroken(c, allText.filter((_, j) => j !== i).join('|')));
  const paragraphs = mergeCopies(joined).filter((p) => key(p) !== titleKey);
  trace.push({ step: 'repair.body', reason: `${copies.length} copies merged into ${paragraphs.length} paragraphs` });

  // Dates: timestamps (ordered) first, confirmed or replaced by the visible date line.
  stamps.sort((a, b) => dateToMillis(a.date) - dateToMillis(b.date));
  let published: DateEvidence | null = null;
  let modified: DateEvidence | null = null;
  const line = dateLines.length > 0 ? readDateLine(dateLines[0]!, { fetchedAt: options.fetchedAt }) : null;
  const first = stamps[0];
  const last = stamps[stamps.length - 1];
  if (first) {
    const agrees = line?.published && Math.abs(dateToMillis(line.published.date) - dateToMillis(first.date)) < 60_000;
    published = evidenceOf(first.date, first.raw, agrees ? 0.95 : 0.8);
  } else if (line?.published) {
    published = evidenceOf(line.published.date, line.published.raw, 0.7);
  } else if (headerDate) {
    const d = parseDate(headerDate);
    if (d) published = evidenceOf(d, headerDate, 0.5);
  }
  if (last && first && dateToMillis(last.date) > dateToMillis(first.date)) {
    const agrees = line?.modified && Math.abs(dateToMillis(line.modified.date) - dateToMillis(last.date)) < 60_000;
    modified = evidenceOf(last.date, last.raw, agrees ? 0.95 : 0.8);
  } else if (line?.modified) {
    modified = evidenceOf(line.modified.date, line.modified.raw, 0.7);
  }
  if (published) trace.push({ step: 'date.published', reason: `dump line, confidence ${published.confidence}`, text: published.raw });
  if (modified) trace.push({ step: 'date.modified', reason: `dump line, confidence ${modified.confidence}`, text: modified.raw });

  const blocks: Block[] = paragraphs.map((p) => ({ type: 'paragraph', text: p }));
  const body = paragraphs.join('\n\n');
  const { language, direction } = detectLanguage(null, null, body || [title, description].filter(Boolean).join(' '));
  let domain: string | null = null;
  try {
    domain = url ? new URL(url).hostname.replace(/^www\./, '') : null;
  } catch {
    domain = null;
  }
  return {
    url,
    canonicalUrl: url,
    id: url ? articleId(url) : null,
    site: { name: siteName, domain },
    title,
    description,
    authors: [],
    published: published?.value ?? null,
    modified: modified?.value ?? null,
    language,
    direction,
    image: image ? { url: image, caption: null } : null,
    section: null,
    tags: [],
    blocks,
    text: body,
    links: { inBody: [], related },
    wordCount: countWords(body),
    contentHash: simhash(body),
    extraction: { method: 'repair', confidence: paragraphs.length > 0 ? 0.8 : 0, trace, dates: { published, modified }, ...(paragraphs.length === 0 ? { emptyReason: 'no body lines in the dump' } : {}) },
  };
}
