/**
 * The demo corpus the API and UI tests serve: the loopback test site (Arabic, English and the
 * hostile bilingual host) crawled into a real SQLite file with the real CLI, one Arabic article
 * revised and recrawled (so it has two versions to diff), and one hostile record imported whose
 * title and body carry `<script>`, `<img onerror>` and `javascript:` links as text.
 *
 * Built once per `vitest run` in the run's folder (a mkdir lock: the first file builds, the
 * others wait), then only read; a test that writes copies it first (copyDemoCorpus).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { startTestSite } from '../site/server.mjs';
import { ensureBuilt, runCli } from '../cli/cli-helpers.js';

export interface DemoCorpus {
  /** The SQLite file. */
  db: string;
  /** Id of the Arabic article that has two versions. */
  revisedId: string;
  /** Words added in its second version. */
  revisedWords: string;
  /** Id of the hostile record. */
  hostileId: string;
  /** Articles in the store. */
  articles: number;
}

export const HOSTILE_TITLE = 'Hostile <script>alert("title")</script> headline <img src=x onerror=alert(1)>';
export const HOSTILE_TEXT = 'Body with <script>alert("body")</script> and <img src=x onerror=alert(2)> and a <a href="javascript:alert(3)">link</a>.';
const REVISED_WORDS = 'وأضاف المحررون فقرة ختامية جديدة عن الاتفاق';

async function build(dir: string): Promise<DemoCorpus> {
  ensureBuilt();
  const db = join(dir, 'demo.db');
  const site = await startTestSite({ crawlDelaySec: 0 });
  try {
    const crawl = await runCli(['crawl', ...site.origins, '--db', db, '--delay-ms', '0', '--json'], { timeoutMs: 240_000 });
    if (crawl.code !== 0) throw new Error(`demo crawl failed: ${crawl.stderr}`);
    const target = site.articles().find((a: { host: string }) => a.host === 'ar')!;
    site.updateArticle(target.path, [...target.paragraphs, REVISED_WORDS], { title: `${target.title}: تحديث` });
    const re = await runCli(['recrawl', '--all', '--db', db, '--delay-ms', '0', '--json'], { timeoutMs: 240_000 });
    if (re.code !== 0) throw new Error(`demo recrawl failed: ${re.stderr}`);
    const shown = await runCli(['show', target.url.split('?')[0]!, '--db', db, '--format', 'json']);
    if (shown.code !== 0) throw new Error(`show failed: ${shown.stderr}`);
    const revisedId = (JSON.parse(shown.stdout) as { id: string }).id;

    // The hostile record: an exported record with markup in its title, body and links.
    const exported = await runCli(['export', '--db', db, '--format', 'jsonl', '--lang', 'en']);
    const first = JSON.parse(exported.stdout.split('\n')[0]!) as Record<string, unknown>;
    const url = `${String(first.url).replace(/\/[^/]*$/, '')}/hostile-markup`;
    const hostile = { ...first, id: undefined, url, canonicalUrl: url, title: HOSTILE_TITLE, text: HOSTILE_TEXT, blocks: [{ type: 'paragraph', text: HOSTILE_TEXT }], links: { inBody: ['javascript:alert(4)'], related: ['javascript:alert(5)'] } };
    const file = join(dir, 'hostile.jsonl');
    writeFileSync(file, `${JSON.stringify(hostile)}\n`);
    const imported = await runCli(['import', file, '--db', db]);
    if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`);
    const found = await runCli(['show', url, '--db', db, '--format', 'json']);
    if (found.code !== 0) throw new Error(`hostile record not stored: ${found.stderr}`);
    const hostileId = (JSON.parse(found.stdout) as { id: string }).id;
    const stats = JSON.parse((await runCli(['stats', '--db', db, '--json'])).stdout) as { articles: number };
    return { db, revisedId, revisedWords: REVISED_WORDS, hostileId, articles: stats.articles };
  } finally {
    await site.close();
  }
}

async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** The demo corpus of this run, built by whichever test file asks first. */
export async function demoCorpus(): Promise<DemoCorpus> {
  const dir = join(inject('runDir'), 'demo-corpus');
  const ready = join(dir, 'ready.json');
  try {
    mkdirSync(dir); // the lock: only one file gets to build
  } catch {
    for (let waited = 0; !existsSync(ready); waited += 200) {
      if (existsSync(join(dir, 'failed'))) throw new Error(`building the demo corpus failed: ${readFileSync(join(dir, 'failed'), 'utf8')}`);
      if (waited > 300_000) throw new Error('timed out waiting for the demo corpus');
      await sleep(200);
    }
    return JSON.parse(readFileSync(ready, 'utf8')) as DemoCorpus;
  }
  try {
    const corpus = await build(dir);
    writeFileSync(ready, JSON.stringify(corpus));
    return corpus;
  } catch (error) {
    writeFileSync(join(dir, 'failed'), String((error as Error).stack ?? error));
    throw error;
  }
}

/** A private copy of the demo corpus for a test that writes to it. */
export async function copyDemoCorpus(to: string): Promise<DemoCorpus> {
  const corpus = await demoCorpus();
  const db = join(to, 'demo.db');
  copyFileSync(corpus.db, db);
  return { ...corpus, db };
}
