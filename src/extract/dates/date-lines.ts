/**
 * Visible date lines ("16:32 GMT 28.10.2025 (تم التحديث: 16:46 GMT 28.10.2025)",
 * "Published 3 May 2024, updated 4 May", "منذ ساعتين"). A line is split at its "updated"
 * marker: dates before it are the publication, dates after it the modification. Without
 * a marker the first date is the publication only if nothing marks it as an update.
 */
import { foldForDates } from './normalize.js';
import { findDatesFolded, type ParseDateOptions, type ParsedDate } from './parse-date.js';
import { parseRelativeDate } from './relative.js';

/** Words that introduce a modification date (folded forms). */
export const UPDATED_MARKER =
  /(تم التحديث|اخر تحديث|تاريخ التحديث|محدث|حدث في|تحديث|last updated|updated|update|modified|mis a jour|maj le|actualise|aktualisiert|zuletzt|actualizado|atualizado|guncellenme|guncelleme|güncellenme|güncelleme|обновлено|обновлен|изменено)/u;

/** "Current time: …", "today is …" (folded): a clock on the page, never the article's date. */
export const CLOCK_LINE = /aktuelle?s?\s+(zeit|datum)|current\s+(time|date)|heute\s+ist|today\s+is|date\s+du\s+jour|fecha\s+actual|الوقت الحالي|تاريخ اليوم/;

export interface DateLine {
  published: { date: ParsedDate; raw: string } | null;
  modified: { date: ParsedDate; raw: string } | null;
}

export interface DateLineOptions extends ParseDateOptions {
  fetchedAt?: string;
}

export function readDateLine(raw: string, options: DateLineOptions): DateLine {
  const folded = foldForDates(raw);
  const text = raw.replace(/\s+/g, ' ').trim().slice(0, 160);
  const marker = UPDATED_MARKER.exec(folded);
  const found = findDatesFolded(folded, options);
  const gregorianFirst = (list: typeof found) => list.find((f) => f.date.calendar === 'gregorian') ?? list[0];
  const line: DateLine = { published: null, modified: null };
  if (marker) {
    const before = found.filter((f) => f.start < marker.index);
    const after = found.filter((f) => f.start >= marker.index);
    const pub = gregorianFirst(before);
    const mod = gregorianFirst(after);
    if (pub) line.published = { date: pub.date, raw: text };
    if (mod) line.modified = { date: mod.date, raw: text };
    if (!mod) {
      const rel = parseRelativeDate(folded.slice(marker.index), options.fetchedAt);
      if (rel) line.modified = { date: rel, raw: text };
    }
    return line;
  }
  const first = gregorianFirst(found);
  if (first) {
    line.published = { date: first.date, raw: text };
    return line;
  }
  const rel = parseRelativeDate(folded, options.fetchedAt);
  if (rel) line.published = { date: rel, raw: text };
  return line;
}
