/**
 * Aggregates over the set of articles a query matches, in SQL: the rows are grouped and counted
 * by SQLite, never brought into JavaScript one by one. Shared by the facet counts, the timeline
 * and the top terms, which all need "the matches of this plan" as a subquery of rowids.
 */
import type Database from 'better-sqlite3';
import { partSql, whereSql, type MatchPlan } from './search.js';
import type { FtsPart } from './fts-parts.js';

/**
 * The matching search_docs rowids of one part (or, for a query without words, of the filter
 * table), newest first, at most `limit` of them (null: all), as a subquery with its parameters.
 */
export function matchesSubquery(plan: MatchPlan, part: FtsPart | null, limit: number | null): { sql: string; params: (string | number)[] } {
  const tail = limit === null ? '' : ` ORDER BY 1 DESC LIMIT ${Math.max(0, Math.floor(limit))}`;
  if (!plan.scored || part === null) {
    const { sql, params } = whereSql(plan.residual);
    return { sql: `SELECT d.rowid AS rowid FROM search_docs d ${sql}${tail}`, params };
  }
  const { from, sql, params } = partSql(plan, part);
  return { sql: `SELECT f.rowid AS rowid FROM ${from} ${sql}${tail}`, params };
}

/**
 * Runs `SELECT <select> FROM matches JOIN search_docs s … GROUP BY <groupBy>` over every part,
 * newest part first, and returns all the groups (a group may come once per part: callers add
 * them up). With `maxMatches`, only that many of the newest matches are counted (the same
 * window search() ranks and counts); `select` must then include `count(*) AS n`.
 */
export function groupMatches<R extends { n: number }>(db: Database.Database, plan: MatchPlan, select: string, groupBy: string, maxMatches: number | null): R[] {
  const out: R[] = [];
  const parts: (FtsPart | null)[] = plan.scored ? plan.parts : [null];
  let remaining = maxMatches;
  for (const part of parts) {
    if (remaining !== null && remaining <= 0) break;
    const sql = part === null ? filteredDocsSql(plan, remaining) : (() => {
      const m = matchesSubquery(plan, part, remaining);
      return { sql: `(${m.sql}) m JOIN search_docs s ON s.rowid = m.rowid`, params: m.params };
    })();
    const rows = db.prepare(`SELECT ${select} FROM ${sql.sql} GROUP BY ${groupBy}`).all(...sql.params) as R[];
    for (const row of rows) {
      out.push(row);
      if (remaining !== null) remaining -= row.n;
    }
  }
  return out;
}

/**
 * The filter table's matching rows aliased `s`, for a query without words: read in one pass,
 * without looking each row up a second time by rowid (a full corpus is 100,000 rows and more).
 */
function filteredDocsSql(plan: MatchPlan, limit: number | null): { sql: string; params: (string | number)[] } {
  const { sql, params } = whereSql(plan.residual);
  const tail = limit === null ? '' : ` ORDER BY d.rowid DESC LIMIT ${Math.max(0, Math.floor(limit))}`;
  return { sql: `(SELECT d.rowid AS rowid, d.site_rev AS site_rev, d.language AS language, d.section AS section, d.published AS published FROM search_docs d ${sql}${tail}) s`, params };
}

/** The newest `limit` matching rowids, newest first (newest by indexing order, which follows crawl order). */
export function newestMatches(db: Database.Database, plan: MatchPlan, limit: number): number[] {
  const out: number[] = [];
  const parts: (FtsPart | null)[] = plan.scored ? plan.parts : [null];
  for (const part of parts) {
    if (out.length >= limit) break;
    const m = matchesSubquery(plan, part, limit - out.length);
    out.push(...(db.prepare(m.sql).pluck().all(...m.params) as number[]));
  }
  return out;
}

/** How many articles match, counting at most `max` (search()'s total counts the same way). */
export function countMatches(db: Database.Database, plan: MatchPlan, max: number): number {
  let n = 0;
  const parts: (FtsPart | null)[] = plan.scored ? plan.parts : [null];
  for (const part of parts) {
    if (n >= max) break;
    const m = matchesSubquery(plan, part, max - n);
    n += (db.prepare(`SELECT count(*) FROM (${m.sql})`).pluck().get(...m.params) as number);
  }
  return n;
}
