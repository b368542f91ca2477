/**
 * `marsad crawl --db postgres://…` killed with SIGKILL mid-crawl, then run again: every article
 * of the loopback site stored exactly once, one version each, nothing left leased — what a
 * PostgreSQL transaction cut off by a dead client leaves is nothing at all.
 */
import { spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, runCli } from '../cli/cli-helpers.js';
import { startTestSite, type TestSite } from '../site/server.mjs';
import { dropSchema, freshSchema, PG_URL, postgresUnavailable, schemaUrl } from './postgres-server.js';

describe.skipIf(postgresUnavailable !== null)('a crawl into PostgreSQL killed with SIGKILL', () => {
  let site: TestSite;
  const schema = freshSchema();
  const client = new pg.Client({ connectionString: PG_URL });
  beforeAll(async () => {
    ensureBuilt();
    site = await startTestSite({ crawlDelaySec: 0, articlesPerHost: 30 });
    await client.connect();
  });
  afterAll(async () => {
    await site?.close();
    await client.end();
    await dropSchema(schema);
  });

  /** Articles stored so far (0 while the schema is not there yet). */
  async function stored(): Promise<number> {
    try {
      return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.articles`)).rows[0]!.n;
    } catch {
      return 0;
    }
  }

  it('resumes with no article lost and none stored twice', async () => {
    const url = schemaUrl(schema);
    const args = ['crawl', ...site.origins, '--db', url, '--delay-ms', '20', '--log-format', 'json'];
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' });
    const total = site.articles().length;
    const deadline = Date.now() + 60_000;
    while ((await stored()) < Math.floor(total / 3) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    const afterKill = await stored();
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(total);

    const again = await runCli([...args, '--json'], { timeoutMs: 120_000 });
    expect(again.code, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout) as { stoppedBy: string; frontier: Record<string, number> };
    expect(summary).toMatchObject({ stoppedBy: 'done', frontier: { queued: 0, fetching: 0 } });

    const rows = (await client.query<{ canonical_url: string; version: number }>(`SELECT canonical_url, version FROM ${schema}.articles`)).rows;
    const versions = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.article_versions`)).rows[0]!.n;
    const paths = rows.map((r) => decodeURIComponent(new URL(r.canonical_url).pathname)).sort();
    expect(paths).toEqual(site.articles().map((a) => a.path).sort());
    expect(versions).toBe(total);
    expect(rows.every((r) => r.version === 1)).toBe(true);
    // every stored article is searchable: its search row was written in the transaction that saved it
    expect((await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.search_docs`)).rows[0]!.n).toBe(total);
  });
});
