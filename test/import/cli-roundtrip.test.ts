/**
 * The three verbs end to end, as a user runs them: a WARC written by the crawler's writer is
 * imported (on worker threads), searched, exported to JSONL and WARC, and re-imported.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchResult } from '../../src/fetch/types.js';
import { WarcWriter } from '../../src/warc/warc-writer.js';
import { ROOT, SAMPLES, makeTempDir, parseJsonLines, runCli } from '../cli/cli-helpers.js';

let tmp: ReturnType<typeof makeTempDir>;
const pages = readdirSync(SAMPLES).filter((f) => /\.html?$/.test(f));

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cli/import.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  tmp = makeTempDir();
  const writer = new WarcWriter({ dir: join(tmp.dir, 'warc') });
  for (const name of pages) {
    const bytes = readFileSync(join(SAMPLES, name));
    const url = `https://samples.example/${name}`;
    await writer.write({
      url, finalUrl: url, status: 200, headers: { 'content-type': 'text/html' }, contentType: 'text/html', bytes, text: null,
      encoding: null, notModified: false, bodySkipped: false, fetchedAt: '2025-11-01T10:00:00.000Z', elapsedMs: 1, redirects: [], attempts: 1,
    } as unknown as FetchResult);
  }
  await writer.close();
});

afterAll(() => tmp.cleanup());

describe('marsad import / search / export', () => {
  it('reads back a WARC written by the crawler, and round-trips through JSONL and WARC exports', async () => {
    const db = join(tmp.dir, 'a.db');
    const imported = await runCli(['import', join(tmp.dir, 'warc'), '--db', db, '--jobs', '2', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect((JSON.parse(imported.stdout) as { saved: { new: number } }).saved.new).toBe(pages.length);

    const found = await runCli(['search', 'الصحه', '--db', db, '--format', 'json']);
    expect(found.code, found.stderr).toBe(0);
    const result = JSON.parse(found.stdout) as { total: number; hits: { snippet: string; url: string }[] };
    expect(result.total).toBe(1);
    expect(result.hits[0]!.snippet).toContain('**الصحة**');

    const jsonl = join(tmp.dir, 'all.jsonl');
    expect((await runCli(['export', '--db', db, '-o', jsonl])).code).toBe(0);
    const db2 = join(tmp.dir, 'b.db');
    expect((await runCli(['import', jsonl, '--db', db2])).code).toBe(0);
    const again = await runCli(['export', '--db', db2]);
    // The article records come back as they went out; `crawled` is the importing store's own provenance.
    const record = ({ crawled: _crawled, ...rest }: Record<string, unknown>) => rest;
    const written = parseJsonLines(readFileSync(jsonl, 'utf8'));
    expect(written.every((r) => typeof (r.crawled as { firstSeen?: unknown } | undefined)?.firstSeen === 'string')).toBe(true);
    expect(parseJsonLines(again.stdout).map(record)).toEqual(written.map(record));

    mkdirSync(join(tmp.dir, 'out')); // export writes into an existing folder (a missing one is a usage error)
    const warc = join(tmp.dir, 'out', 'ar.warc.gz');
    const exported = await runCli(['export', 'lang:ar', '-f', 'warc', '--warc-dir', join(tmp.dir, 'warc'), '--db', db, '-o', warc]);
    expect(exported.code, exported.stderr).toBe(0);
    const db3 = join(tmp.dir, 'c.db');
    const reimported = await runCli(['import', warc, '--db', db3, '--json']);
    const ar = parseJsonLines((await runCli(['search', 'lang:ar', '--db', db, '--format', 'jsonl'])).stdout);
    expect((JSON.parse(reimported.stdout) as { saved: { new: number } }).saved.new).toBe(ar.length);
  });

  it('explains a query with nothing to search, and survives FTS syntax', async () => {
    const db = join(tmp.dir, 'a.db');
    const stop = await runCli(['search', 'في', 'من', '--db', db]);
    expect(stop.code).toBe(2);
    expect(stop.stderr).toMatch(/only common words/);
    for (const q of ['"', '*', 'a:b', '-', '(', 'NEAR(x']) {
      const r = await runCli(['search', q, '--db', db, '--format', 'jsonl']);
      expect([0, 2], `${q}: ${r.stderr}`).toContain(r.code);
      expect(r.stderr).not.toMatch(/unexpected error|fts5/i);
    }
  });
});
