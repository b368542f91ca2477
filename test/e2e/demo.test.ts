/**
 * `npm start`'s demo as a user meets it: Ctrl-C stops the crawl first (its summary prints before
 * the demo exits), and the next run resumes into the same corpus — the demo hosts are the same
 * sites each run, so nothing is stored twice.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeTempDir, runCli } from '../cli/cli-helpers.js';

const DEMO = resolve(import.meta.dirname, '../../scripts/demo.mjs');
let temp: { dir: string; cleanup: () => void };
beforeAll(() => {
  ensureBuilt();
  temp = makeTempDir();
});
afterAll(() => temp.cleanup());

function demo(db: string, interruptAfterMs?: number): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    // its own process group, as a terminal's Ctrl-C reaches the demo and its crawl together
    const child = spawn(process.execPath, [DEMO], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MARSAD_DB: db, DEMO_PORT: '47331', MARSAD_LOG_FORMAT: 'json' } });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', () => {});
    const timer = interruptAfterMs === undefined ? null : setTimeout(() => process.kill(-child.pid!, 'SIGINT'), interruptAfterMs);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      done({ code, out });
    });
  });
}

describe('npm start (the demo)', () => {
  it('stops cleanly on Ctrl-C, then resumes into one corpus on the same sites', async () => {
    const db = join(temp.dir, 'demo.db');
    const first = await demo(db, 6000);
    expect(first.code).toBe(130);
    const summary = first.out.indexOf('crawl interrupted');
    expect(summary, first.out.slice(-1500)).toBeGreaterThan(0);
    expect(first.out.indexOf('stopped; run npm start again')).toBeGreaterThan(summary);
    const hosts = (out: string) => [...out.matchAll(/^\s+(ar|en|mixed)\s+(http:\/\/\S+)/gm)].map((m) => m[2]);
    const second = await demo(db);
    expect(second.code, second.out.slice(-1500)).toBe(0);
    expect(hosts(second.out)).toEqual(hosts(first.out));
    expect(second.out).toMatch(/search وزير/);
    const stats = JSON.parse((await runCli(['stats', '--json', '--db', db])).stdout) as { articles: number; versions: number; sources: number };
    expect(stats.sources).toBe(3);
    expect(stats.versions).toBe(stats.articles);
    const third = await demo(db);
    expect(third.out).toMatch(/articles\s+0 new, 0 updated/);
  }, 300_000);
});
