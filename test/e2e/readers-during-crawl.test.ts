/**
 * Readers while the crawl writes (issue 10): a crawl of the loopback site runs with four
 * readers in a loop on the same SQLite file (`search`, `stats --json`, `export`, `search
 * --json`), each the built CLI in its own process, as a journalist would run them. The crawl
 * must end with every article stored once, and no reader may fail.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, makeTempDir, runCli, type CliRun } from '../cli/cli-helpers.js';
import { startTestSite, type TestSite } from '../site/server.mjs';

let site: TestSite;
let temp: { dir: string; cleanup: () => void };

beforeAll(async () => {
  ensureBuilt();
  site = await startTestSite({ crawlDelaySec: 0, articlesPerHost: 40 });
  temp = makeTempDir();
});
afterAll(async () => {
  await site.close();
  temp.cleanup();
});

describe('readers during a crawl (SQLite, WAL)', () => {
  it('four readers in a loop never fail and the crawl stores every article exactly once', async () => {
    const db = join(temp.dir, 'busy.db');
    const crawl = spawn(process.execPath, [CLI, 'crawl', ...site.origins, '--db', db, '--delay-ms', '5', '--json', '--log-format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    crawl.stdout.on('data', (c: Buffer) => out.push(c));
    crawl.stderr.on('data', (c: Buffer) => err.push(c));
    const crawlDone = new Promise<number | null>((resolve) => crawl.on('close', resolve));
    let crawling = true;
    void crawlDone.then(() => (crawling = false));
    while (!existsSync(db) && crawling) await new Promise((r) => setTimeout(r, 20));

    const readers: string[][] = [
      ['search', 'minister', '--db', db],
      ['stats', '--json', '--db', db],
      ['export', '--format', 'jsonl', '--db', db],
      ['search', 'وزير', '--format', 'json', '--db', db],
    ];
    const failures: { args: string[]; run: CliRun }[] = [];
    let runs = 0;
    const loop = async (args: string[]): Promise<void> => {
      while (crawling) {
        const run = await runCli(args, { timeoutMs: 60_000 });
        runs++;
        if (run.code !== 0) failures.push({ args, run });
      }
    };
    await Promise.all(readers.map(loop));
    const code = await crawlDone;
    const stderr = Buffer.concat(err).toString('utf8');
    expect(code, stderr.slice(-2000)).toBe(0);
    expect(failures.map((f) => `${f.args[0]}: exit ${f.run.code}: ${f.run.stderr.slice(0, 400)}`)).toEqual([]);
    expect(runs).toBeGreaterThanOrEqual(4);
    expect(stderr).not.toMatch(/database is locked|SQLITE_BUSY/);

    const summary = JSON.parse(Buffer.concat(out).toString('utf8')) as { articlesTotal: number; stoppedBy: string };
    expect(summary.stoppedBy).toBe('done');
    const total = site.articles().length;
    expect(summary.articlesTotal).toBe(total);
    const stats = await runCli(['stats', '--json', '--db', db]);
    expect(JSON.parse(stats.stdout)).toMatchObject({ articles: total, versions: total });
  });

  it('two writers on one store (a crawl and an import) work together: both finish, nothing lost or doubled', async () => {
    const db = join(temp.dir, 'two-writers.db');
    const jsonl = join(temp.dir, 'wire.jsonl');
    const records = Array.from({ length: 400 }, (_, i) => JSON.stringify({
      url: `https://wire.example/2025/10/28/story-${i}`, title: `Wire story ${i}`, text: `Story number ${i} from the wire desk. `.repeat(20),
      published: '2025-10-28T10:00:00+00:00', language: 'en',
    }));
    writeFileSync(jsonl, `${records.join('\n')}\n`);
    const [crawl, imported] = await Promise.all([
      runCli(['crawl', ...site.origins, '--db', db, '--delay-ms', '5', '--json', '--log-format', 'json'], { timeoutMs: 240_000 }),
      (async () => {
        await new Promise((r) => setTimeout(r, 300));
        return runCli(['import', jsonl, '--db', db], { timeoutMs: 240_000 });
      })(),
    ]);
    expect(crawl.code, crawl.stderr.slice(-1500)).toBe(0);
    expect(imported.code, imported.stderr.slice(-1500)).toBe(0);
    const stats = JSON.parse((await runCli(['stats', '--json', '--db', db])).stdout) as { articles: number; versions: number };
    const total = site.articles().length + 400;
    expect(stats).toMatchObject({ articles: total, versions: total });
  });
});
