import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseQuery, toMatchExpression } from '../../src/search/query.js';
import { buildSnippet } from '../../src/search/snippet.js';
import { stemToken } from '../../src/search/stem.js';

const stem = (w: string): string => stemToken(w).stem;

describe('parseQuery', () => {
  it('reads filters, phrases, exclusions and bare words', () => {
    const q = parseQuery('site:www.bbc.com lang:ar author:"أحمد علي" after:2025-01 before:2025-02-15 "وزير الخارجية" -رياضة نفط');
    expect(q.filters.sites).toEqual(['bbc.com']);
    expect(q.filters.languages).toEqual(['ar']);
    expect(q.filters.authors).toEqual(['احمد علي']);
    expect(q.filters.after).toBe('2025-01-01T00:00:00.000Z');
    expect(q.filters.before).toBe('2025-02-15T00:00:00.000Z');
    expect(q.include.map((c) => c.stems)).toEqual([[stem('وزير'), stem('الخارجيه')], [stem('نفط')]]);
    expect(q.exclude.map((c) => c.stems)).toEqual([[stem('رياضه')]]);
    expect(q.notice).toBeNull();
  });

  it('drops stop-words from bare words but keeps them in phrases', () => {
    const q = parseQuery('في مصر "في"');
    expect(q.include.map((c) => c.stems)).toEqual([[stem('مصر')], ['في']]);
    expect(q.stopWords).toEqual(['في']);
  });

  it.each([
    ['في من على', /only common words/],
    ['the of and', /only common words/],
    ['!!! ... ***', /no letters or digits/],
    ['"', /no letters or digits/],
  ])('explains a query that has nothing to search: %s', (input, message) => {
    const q = parseQuery(input);
    expect(q.include).toEqual([]);
    expect(q.notice).toMatch(message);
  });

  it('treats unknown keys and stray syntax as text', () => {
    const q = parseQuery('http://x.com NEAR(a b) col:word');
    expect(q.include.map((c) => c.text)).toEqual(["http://x.com", "NEAR(a", "b)", "col:word"]);
    expect(q.filters.sites).toEqual([]);
  });

  it('rejects an unreadable date with a usage error', () => {
    expect(() => parseQuery('after:yesterday')).toThrow(UsageError);
  });

  it('never produces an FTS5 syntax error, whatever is typed', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(title, body, meta, alt, tokenize='ascii')`);
    db.prepare('INSERT INTO t VALUES (?, ?, ?, ?)').run('a', 'b c', '', '');
    const run = db.prepare('SELECT count(*) FROM t WHERE t MATCH ?');
    const hostile = ['"', '*', ':', '-', '(', ')', '^', '+', 'NOT', 'AND', 'OR', 'NEAR', '{', '}', 'a"b', 'title:x', '-"', '"-', '-(', 'x*'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...hostile), fc.string()), { maxLength: 8 }), (parts) => {
        let q;
        try {
          q = parseQuery(parts.join(' '));
        } catch (error) {
          if (error instanceof UsageError) return;
          throw error;
        }
        const expr = toMatchExpression(q);
        if (expr !== null) run.get(expr);
      }),
      { numRuns: 500 },
    );
  });
});

describe('buildSnippet', () => {
  it('highlights the original spelling of a normalized, stemmed match', () => {
    const text = 'قالت مصادر إن وزيرُ الخارجيّة وصل إلى بيروت صباح اليوم، والتقى بالمسؤولين في الحكومة اللبنانية.';
    const wanted = new Set([stem('وزير'), stem('حكومه')]);
    const s = buildSnippet(text, wanted);
    expect(s).toContain('**وزيرُ**');
    expect(s).toContain('**الحكومة**');
  });

  it('cuts a window around the matches with ellipses', () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`);
    words[150] = 'election';
    const s = buildSnippet(words.join(' '), new Set([stem('elections')]), { maxWords: 10 });
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('**election**');
  });
});
