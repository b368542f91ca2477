/** Naive text dumps: the seed file repaired on import, and `export -f text` read back. */
import { copyFileSync, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectArticles } from '../../src/export/select.js';
import type { ExportRecord } from '../../src/export/sink.js';
import { exportText } from '../../src/export/text.js';
import { importFiles } from '../../src/import/import-files.js';
import { search } from '../../src/search/search.js';
import { SqliteStore } from '../../src/store/index.js';
import { makeArticle } from '../search/make-article.js';

const SEED = resolve(import.meta.dirname, '../fixtures/seed/000_b2ce593ff39a41d2.txt');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-text-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function all(store: SqliteStore): Promise<ExportRecord[]> {
  const out: ExportRecord[] = [];
  for await (const r of selectArticles(store)) out.push(r);
  return out;
}

describe('text dump import', () => {
  it('repairs the seed file into one searchable article, each paragraph once', async () => {
    const store = new SqliteStore({ path: join(dir, 'seed.db') });
    const copy = join(dir, 'seed.txt');
    copyFileSync(SEED, copy);
    const result = await importFiles(store, [copy]);
    expect(result.saved.new).toBe(1);
    const [article] = await all(store);
    expect(article!.title).toBe('بيلاؤوسوف يلتقي مع وزير الدفاع السوري في موسكو');
    expect(article!.published?.slice(0, 10)).toBe('2025-10-28');
    const texts = article!.blocks.map((b) => b.text);
    expect(new Set(texts).size).toBe(texts.length);
    const hits = (await search(store, 'وزير الدفاع السوري')).hits;
    expect(hits.map((h) => h.id)).toEqual([article!.id]);
    await store.close();
  });

  it('reads back what export -f text wrote: url, day, title and paragraphs', async () => {
    const store = new SqliteStore({ path: join(dir, 'a.db') });
    const originals = [
      makeArticle({ url: 'https://a.example/1', title: 'أسعار النفط ترتفع', text: 'ارتفعت أسعار النفط في الأسواق العالمية اليوم بنسبة ثلاثة في المئة.\n\nوقال محللون إن الارتفاع سيستمر خلال الأسابيع المقبلة.', published: '2025-10-20T07:30:00+03:00' }),
      makeArticle({ url: 'https://b.example/2', title: 'Council approves the budget', text: 'The council voted nine to four for the budget on Tuesday night.\n\nIt adds two bus routes and restores library hours.', published: null }),
    ];
    for (const article of originals) await store.saveArticle({ article, sourceId: null, fetchedAt: 1, nextRecrawlAt: 0 });
    const file = join(dir, 'dump.txt');
    const stream = createWriteStream(file);
    await exportText(selectArticles(store), stream);
    stream.end();
    await once(stream, 'close');
    const other = new SqliteStore({ path: join(dir, 'b.db') });
    expect((await importFiles(other, [file])).saved.new).toBe(2);
    for (const original of originals) {
      const back = await other.getArticleByUrl(original.url!);
      expect(back?.record.title).toBe(original.title);
      expect(back?.record.published?.slice(0, 10) ?? null).toBe(original.published?.slice(0, 10) ?? null);
      // the text format has no place for the description, and the repair reads a first long
      // paragraph as one (the seed file's shape): every paragraph comes back, in order
      const paragraphs = [back?.record.description, ...(back?.record.blocks ?? []).map((b) => b.text)].filter((t) => t);
      expect(paragraphs).toEqual(original.blocks.map((b) => b.text));
    }
    await store.close();
    await other.close();
  });
});
