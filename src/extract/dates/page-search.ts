/**
 * The page-wide date search, used only when the precise sources (structured data, meta,
 * <time>, labelled date boxes, the URL) give no day — htmldate's "extensive" idea in
 * marsad's terms. It reads every short text node of the page, wherever it sits (a
 * `<small>` under the headline, a `datum` box, a footer line "Published on …", a date box
 * outside marsad's class vocabulary):
 *  1. the first full date after the headline (or just before it: the kicker line), since
 *     a post's own date line comes before its comments and the blocks below it;
 *  2. otherwise the day that short texts state most often (ties: the earliest on the page).
 * Clocks ("current time: …") are not publication dates; texts inside offside regions
 * (sidebars, comments) count only when nothing else is found.
 */
import type { Element } from 'domhandler';
import { isHidden, type ShortText } from '../structured/scan.js';
import type { ParseDateOptions, ParsedDate } from './parse-date.js';
import { CLOCK_LINE, readDateLine } from './date-lines.js';
import { foldForDates } from './normalize.js';

export interface PageTextDate {
  kind: 'published' | 'modified';
  date: ParsedDate;
  raw: string;
  where: string;
  confidence: number;
}

export interface PageSearchOptions extends ParseDateOptions {
  /** Document position of the headline (0 when none was found). */
  anchorOrder: number;
  /** Is a text in this offside region forgiven (the region holds the headline)? */
  excused: (root: Element | null, order?: number) => boolean;
}

/** Texts longer than a date line are prose: the dates they mention are events, not the post. */
const MAX_LINE = 160;
/** How far before the headline a date line may sit (a kicker or dateline above the h1). */
const BEFORE_HEADLINE = 15;
const EARLIEST_YEAR = 1995;
/** Cheap test before parsing: a four-digit year, a numeric date with a short year, or Eastern digits. */
const YEARISH = /[12]\d{3}|\d[./-]\d{1,2}[./-]\d\d|[٠-٩۰-۹]/;

/** Words that label a publication line, folded ("Veröffentlicht am", "Publié le", "Posted on"). */
const LABEL = /veroffentlicht|publiziert|erschienen|erstellt|geschrieben|gepostet|eingestellt|published|posted|written|submitted|publie|publicado|pubblicato|publicat|gepubliceerd|opublikowano|publikovano|julkaistu|publisert|publicerad|yayinlan|опубликовано|datum|fecha|date|data|stand|نشر|بتاريخ|تاريخ|发布|發布|公開|게시|입력/;
/** Few words besides the date: a date line rather than a sentence that mentions a day. */
const FEW_WORDS = 10;

interface Found {
  kind: 'published' | 'modified';
  date: ParsedDate;
  order: number;
  offside: boolean;
  /** Labelled or short: looks like a date line, not a sentence. */
  line: boolean;
  raw: string;
  where: string;
}

function readTexts(texts: ShortText[], options: PageSearchOptions): Found[] {
  const out: Found[] = [];
  for (const t of texts) {
    if (!YEARISH.test(t.text)) continue;
    const text = t.text.replace(/\s+/g, ' ').trim();
    if (text.length < 6 || text.length > MAX_LINE) continue;
    const folded = foldForDates(text);
    if (CLOCK_LINE.test(folded)) continue;
    const line = readDateLine(text, options);
    const hit = line.published ? { kind: 'published' as const, ...line.published } : line.modified ? { kind: 'modified' as const, ...line.modified } : null;
    if (!hit || hit.date.day === undefined || hit.date.calendar !== 'gregorian' || hit.date.year < EARLIEST_YEAR) continue;
    if (isHidden(t.parent)) continue;
    const cls = (t.parent.attribs.class ?? '').trim().split(/\s+/)[0];
    const looksLikeLine = LABEL.test(folded) || (folded.match(/\p{L}{2,}/gu) ?? []).length <= FEW_WORDS;
    out.push({ kind: hit.kind, date: hit.date, order: t.order, offside: t.offside && !options.excused(t.offsideBy, t.order), line: looksLikeLine, raw: text, where: `${t.parent.name}${cls ? '.' + cls : ''}` });
  }
  return out;
}

const dayKey = (d: ParsedDate): string => `${d.year}-${d.month}-${d.day}`;

function mostFrequent(found: Found[]): Found | null {
  const counts = new Map<string, number>();
  for (const f of found) counts.set(dayKey(f.date), (counts.get(dayKey(f.date)) ?? 0) + 1);
  let best: Found | null = null;
  for (const f of found) if (!best || counts.get(dayKey(f.date))! > counts.get(dayKey(best.date))!) best = f;
  return best;
}

/** The page's date from its short texts, or null; the published kind first, an update line only when nothing else says. */
export function searchPageTexts(texts: ShortText[], options: PageSearchOptions): PageTextDate | null {
  const all = readTexts(texts, options);
  for (const kind of ['published', 'modified'] as const) {
    const found = all.filter((f) => f.kind === kind);
    const inside = found.filter((f) => !f.offside);
    const lines = inside.filter((f) => f.line);
    const anchor = options.anchorOrder;
    const after = (list: Found[]): Found | undefined => (anchor > 0 ? list.find((f) => f.order >= anchor - BEFORE_HEADLINE) : undefined);
    const near = after(lines);
    if (near) return { kind, date: near.date, raw: near.raw, where: `date line after the headline (${near.where})`, confidence: 0.3 };
    const mention = after(inside);
    if (mention) return { kind, date: mention.date, raw: mention.raw, where: `page text after the headline (${mention.where})`, confidence: 0.27 };
    const frequentLine = mostFrequent(lines);
    if (frequentLine) return { kind, date: frequentLine.date, raw: frequentLine.raw, where: `most frequent date line (${frequentLine.where})`, confidence: 0.25 };
    const frequent = mostFrequent(inside) ?? mostFrequent(found);
    if (frequent) return { kind, date: frequent.date, raw: frequent.raw, where: `most frequent date in page texts (${frequent.where})`, confidence: 0.25 };
  }
  return null;
}
