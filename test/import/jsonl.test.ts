/** JSONL import on bad input: each bad line is reported, the good ones are stored. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/import-files.js';
import { readJsonlFile, toArticle } from '../../src/import/jsonl.js';
import { SqliteStore } from '../../src/store/index.js';
import { makeArticle } from '../search/make-article.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-jsonl-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('JSONL import', () => {
  it('stores the good lines and reports each bad one with its line number', async () => {
    const good = makeArticle({ url: 'https://a.example/1', title: 'خبر', text: 'نص الخبر.' });
    const lines = [
      JSON.stringify({ file: 'pages/a.html', ...good }),
      '{"truncated": ',
      JSON.stringify({ file: 'pages/b.html', error: { code: 'NOT_HTML', message: 'binary' } }),
      JSON.stringify({ url: 42 }),
      '',
      JSON.stringify([1, 2]),
      JSON.stringify({ url: 'https://b.example/2', title: 'minimal', text: 'only a few fields' }),
    ];
    const path = join(dir, 'mixed.jsonl.gz');
    writeFileSync(path, gzipSync(lines.join('\n')));
    const warnings: string[] = [];
    const store = new SqliteStore({ path: join(dir, 'a.db') });
    const result = await importFiles(store, [path], { onWarning: (m) => warnings.push(m) });
    expect(result.saved.new).toBe(2);
    expect(result.failed).toBe(4);
    expect(warnings.join('\n')).toMatch(/:2: not valid JSON/);
    expect(warnings.join('\n')).toMatch(/:3: an error record/);
    expect((await store.getArticleByUrl('https://a.example/1'))?.record.title).toBe('خبر');
    expect((await store.getArticleByUrl('https://b.example/2'))?.record.authors).toEqual([]);
    await store.close();
  });

  it('keeps a record exactly as written, dropping only the directory-run `file` key', () => {
    const a = makeArticle({ url: 'https://a.example/1', title: 't', text: 'x', tags: ['a'] });
    expect(toArticle(JSON.parse(JSON.stringify({ file: 'x.html', ...a })))).toEqual(a);
  });

  it('streams line by line', async () => {
    const path = join(dir, 'many.jsonl');
    writeFileSync(path, Array.from({ length: 500 }, (_, i) => JSON.stringify(makeArticle({ url: `https://a.example/${i}`, text: 'x' }))).join('\n'));
    let n = 0;
    for await (const line of readJsonlFile(path)) if (line.article) n++;
    expect(n).toBe(500);
  });
});
