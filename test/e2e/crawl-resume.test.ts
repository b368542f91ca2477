/**
 * The `marsad crawl` command as a user runs it (the built CLI in a child process) against
 * the loopback test site: killed with SIGKILL mid-crawl, then run again, it finishes with
 * every article stored exactly once. Also `stats --json`, `recrawl` and `diff`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, makeTempDir, runCli } from '../cli/cli-helpers.js';
import { startTestSite, type TestSite } from '../site/server.mjs';

let site: TestSite;
let temp: { dir: string; cleanup: () => void };

beforeAll(async () => {
  ensureBuilt();
  site = await startTestSite({ crawlDelaySec: 0, articlesPerHost: 30 });
  temp = makeTempDir();
});
afterAll(async () => {
  await site.close();
  temp.cleanup();
});

function countArticles(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not created or migrated yet
  }
}

describe('marsad crawl (CLI)', () => {
  it('resumes after kill -9 with no article lost and none stored twice', async () => {
    const db = join(temp.dir, 'resume.db');
    const args = ['crawl', ...site.origins, '--db', db, '--delay-ms', '20', '--log-format', 'json'];
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' });
    const total = site.articles().length;
    // Kill once a good part, but not all, of the site is stored.
    const deadline = Date.now() + 60_000;
    while (countArticles(db) < Math.floor(total / 3) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    const afterKill = countArticles(db);
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(total);

    const again = await runCli([...args.slice(0, -2), '--log-format', 'json', '--json'], { timeoutMs: 120_000 });
    expect(again.code, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout) as { articlesTotal: number; stoppedBy: string; frontier: Record<string, number> };
    expect(summary.stoppedBy).toBe('done');
    expect(summary.frontier.queued).toBe(0);
    expect(summary.frontier.fetching).toBe(0);

    const conn = new Database(db, { readonly: true });
    const rows = conn.prepare('SELECT canonical_url, version FROM articles').all() as { canonical_url: string; version: number }[];
    const versions = (conn.prepare('SELECT count(*) AS n FROM article_versions').get() as { n: number }).n;
    conn.close();
    const paths = rows.map((r) => decodeURIComponent(new URL(r.canonical_url).pathname)).sort();
    expect(paths).toEqual(site.articles().map((a) => a.path).sort());
    expect(new Set(paths).size).toBe(total);
    expect(versions).toBe(total); // nothing stored twice, not even as a spurious version
    expect(rows.every((r) => r.version === 1)).toBe(true);

    const stats = await runCli(['stats', '--db', db, '--json']);
    expect(stats.code).toBe(0);
    const parsed = JSON.parse(stats.stdout) as { articles: number; versions: number; frontier: Record<string, number>; hosts: unknown[] };
    expect(parsed).toMatchObject({ articles: total, versions: total });
    expect(parsed.hosts).toHaveLength(3);
  });

  it('recrawl makes a version of a changed article and diff shows it; usage errors exit 2', async () => {
    const db = join(temp.dir, 'diff.db');
    const crawled = await runCli(['crawl', site.hosts.en, '--db', db, '--delay-ms', '0', '--json'], { timeoutMs: 120_000 });
    expect(crawled.code, crawled.stderr).toBe(0);
    const target = site.articles().find((a) => a.host === 'en')!;
    site.updateArticle(target.path, [...target.paragraphs, 'A new closing paragraph was added by the editors.'], { title: `${target.title}: update` });
    const re = await runCli(['recrawl', '--all', '--db', db, '--delay-ms', '0', '--json'], { timeoutMs: 120_000 });
    expect(re.code, re.stderr).toBe(0);
    expect(JSON.parse(re.stdout)).toMatchObject({ updated: 1 });
    const diff = await runCli(['diff', target.url.split('?')[0]!, '--db', db]);
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain(`+ ${target.title}: update`);
    expect(diff.stdout).toContain('+ A new closing paragraph was added by the editors.');
    const json = await runCli(['diff', target.url.split('?')[0]!, '--db', db, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ from: { version: 1 }, to: { version: 2 } });

    expect((await runCli(['crawl', '--db', db, '--since', 'not-a-date', site.hosts.en])).code).toBe(2);
    expect((await runCli(['stats', '--db', join(temp.dir, 'missing.db')])).code).toBe(2);
  });
});
