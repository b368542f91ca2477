/** `marsad search Central -rates`: a word after a dash is an exclusion, as the user meant, not an unknown option. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeTempDir, runCli } from './cli-helpers.js';
import { SqliteStore } from '../../src/store/index.js';
import { sampleArticle } from '../store/sample-article.js';
import { exclusionsAsWords } from '../../src/cli/exclusion-args.js';

let temp: { dir: string; cleanup: () => void };
let db: string;

beforeAll(async () => {
  ensureBuilt();
  temp = makeTempDir();
  db = join(temp.dir, 'x.db');
  const store = new SqliteStore({ path: db });
  const now = Date.now();
  const save = (url: string, title: string, text: string) => store.saveArticle({ article: sampleArticle(url, { title, text }), sourceId: null, fetchedAt: now, nextRecrawlAt: now });
  await save('http://a.test/bank', 'Central bank holds rates', 'The central bank kept interest rates unchanged on Thursday. '.repeat(10));
  await save('http://a.test/station', 'Central station reopens', 'The central station reopened after repairs to the roof. '.repeat(10));
  await save('http://a.test/news', 'Central market news', 'News from the central market: prices of fruit fell this week. '.repeat(10));
  await save('http://a.test/ar', 'وزير الخارجية يزور القاهرة', 'زار وزير الخارجية القاهرة اليوم لبحث التعاون. '.repeat(10));
  await save('http://a.test/ar2', 'وزير الاقتصاد يلتقي المستثمرين', 'التقى وزير الاقتصاد المستثمرين في الرباط. '.repeat(10));
  await store.close();
});
afterAll(() => temp.cleanup());

async function titles(args: string[]): Promise<string[]> {
  const run = await runCli(['search', ...args, '--format', 'jsonl', '--db', db]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout.trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { title: string }).title).sort();
}

describe('exclusions on the command line', () => {
  it('drops the articles with the excluded word, in any script, next to real options', async () => {
    expect(await titles(['Central', '-rates'])).toEqual(['Central market news', 'Central station reopens']);
    expect(await titles(['Central', '-news', '-n', '5'])).toEqual(['Central bank holds rates', 'Central station reopens']);
    expect(await titles(['وزير', '-الخارجية'])).toEqual(['وزير الاقتصاد يلتقي المستثمرين']);
  });
  it('shows Arabic URLs decoded in the table and says when a page is past the end', async () => {
    const store = new SqliteStore({ path: db });
    const now = Date.now();
    await store.saveArticle({ article: sampleArticle('http://a.test/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D9%88%D8%B2%D9%8A%D8%B1', { title: 'وزير الطاقة', text: 'قال وزير الطاقة إن الإنتاج ارتفع. '.repeat(10) }), sourceId: null, fetchedAt: now, nextRecrawlAt: now });
    await store.close();
    const table = await runCli(['search', 'الطاقة', '--db', db]);
    expect(table.stdout).toContain('http://a.test/أخبار/وزير');
    const past = await runCli(['search', 'Central', '--page', '9', '--db', db]);
    expect(past.code).toBe(0);
    expect(past.stdout).toMatch(/page 9 is past the end: 3 matches, 1 page of 20/);
  });
  it('still refuses a mistyped long option', async () => {
    const run = await runCli(['search', 'Central', '--limt', '3', '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option '--limt'/);
  });
  it('leaves options and their values alone', () => {
    const argv = ['node', 'marsad', 'search', 'a', '-n', '5', '-n5', '--site', 'x.com', '-rates', '--', '-b'];
    expect(exclusionsAsWords(argv)).toEqual(['node', 'marsad', 'search', 'a', '-n', '5', '-n5', '--site', 'x.com', '\u2212rates', '--', '-b']);
    expect(exclusionsAsWords(['node', 'marsad', 'extract', '-rates'])).toEqual(['node', 'marsad', 'extract', '-rates']);
  });
});
