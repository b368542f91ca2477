/**
 * A site that cannot be reached is reported as that, per host — never as "disallowed by
 * robots.txt" — in the crawl summary, in `stats` and in `marsad errors`; a crawl that could
 * fetch nothing at all exits 1.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeTempDir, runCli } from '../cli/cli-helpers.js';
import { startTestSite } from '../site/server.mjs';

let temp: { dir: string; cleanup: () => void };
let deadOrigin: string;

/** A loopback port that was free a moment ago and has nothing listening now: connections are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  ensureBuilt();
  temp = makeTempDir();
  deadOrigin = `http://127.0.0.1:${await closedPort()}`;
});
afterAll(() => temp.cleanup());

describe('an unreachable site', () => {
  it('is a host error in the summary, stats and errors, and the crawl exits 1', async () => {
    const db = join(temp.dir, 'dead.db');
    const env = { MARSAD_MAX_ATTEMPTS: '1' };
    const crawl = await runCli(['crawl', deadOrigin, '--db', db, '--json', '--log-format', 'json'], { timeoutMs: 120_000, env });
    expect(crawl.code, crawl.stderr.slice(-1000)).toBe(1);
    const summary = JSON.parse(crawl.stdout) as { blocked: number; failed: number; fetched: number; hosts: { host: string; lastError?: { code: string; message: string } }[] };
    expect(summary.blocked).toBe(0);
    expect(summary.fetched).toBe(0);
    expect(summary.failed).toBeGreaterThan(0);
    expect(summary.hosts[0]?.lastError?.code).toBe('HOST_UNREACHABLE');
    expect(summary.hosts[0]?.lastError?.message).toMatch(/ECONNREFUSED/);
    expect(crawl.stdout + crawl.stderr).not.toMatch(/disallowed by robots/i);

    const stats = await runCli(['stats', '--json', '--db', db]);
    const parsed = JSON.parse(stats.stdout) as { hosts: { host: string; lastError?: { code: string } }[]; frontier: Record<string, number> };
    expect(parsed.frontier.blocked).toBe(0);
    expect(parsed.hosts[0]?.lastError?.code).toBe('HOST_UNREACHABLE');

    const host = new URL(deadOrigin).host;
    const errors = await runCli(['errors', '--json', '--host', host, '--db', db]);
    expect(errors.code, errors.stderr).toBe(0);
    const rows = JSON.parse(errors.stdout) as { url: string; code: string; state: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.code === 'HOST_UNREACHABLE' && r.state === 'failed' && r.url.startsWith(deadOrigin))).toBe(true);
    const text = await runCli(['errors', '--db', db]);
    expect(text.stdout).toContain(`${deadOrigin}/`);
    const none = await runCli(['errors', '--json', '--host', 'other.example', '--db', db]);
    expect(JSON.parse(none.stdout)).toEqual([]);
  });

  it('a recrawl of a site that has gone away reports the host and exits 1', async () => {
    const site = await startTestSite({ crawlDelaySec: 0, articlesPerHost: 3 });
    const db = join(temp.dir, 'gone.db');
    const crawl = await runCli(['crawl', site.origins[0]!, '--db', db, '--delay-ms', '0', '--log-format', 'json'], { timeoutMs: 120_000 });
    expect(crawl.code, crawl.stderr.slice(-800)).toBe(0);
    await site.close();
    const recrawl = await runCli(['recrawl', '--all', '--db', db, '--json', '--log-format', 'json'], { timeoutMs: 120_000, env: { MARSAD_MAX_ATTEMPTS: '1' } });
    expect(recrawl.code, recrawl.stderr.slice(-800)).toBe(1);
    const summary = JSON.parse(recrawl.stdout) as { checked: number; failed: number };
    expect(summary.checked).toBeGreaterThan(0);
    expect(summary.failed).toBe(summary.checked);
    expect(recrawl.stderr).not.toMatch(/disallowed by robots/i);
    const errors = JSON.parse((await runCli(['errors', '--json', '--db', db])).stdout) as unknown[];
    const stats = JSON.parse((await runCli(['stats', '--json', '--db', db])).stdout) as { hosts: { lastError?: { code: string } }[] };
    expect(errors).toBeDefined();
    expect(stats.hosts.some((h) => h.lastError?.code === 'HOST_UNREACHABLE')).toBe(true);
  });
});
