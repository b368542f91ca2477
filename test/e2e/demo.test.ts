/**
 * `npm start`'s demo as a user meets it: Ctrl-C stops the crawl first (its summary prints before
 * the demo exits), and the next run resumes into the same corpus — the demo hosts are the same
 * sites each run, so nothing is stored twice — and ends serving it: the web UI and the API answer
 * at the address it prints until Ctrl-C. A run over a finished demo crawl serves at once.
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

interface DemoRun {
  code: number | null;
  out: string;
  /** What the served API said about the corpus, when the run got to serving. */
  health: { articles: number } | null;
  /** Whether the web UI's page came back from the printed address. */
  ui: boolean;
}

/** Runs the demo; when it prints the address it serves at, asks the API and the UI, then sends Ctrl-C. */
function demo(db: string, interruptAfterMs?: number): Promise<DemoRun> {
  return new Promise((done) => {
    // its own process group, as a terminal's Ctrl-C reaches the demo and its crawl together
    const child = spawn(process.execPath, [DEMO], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MARSAD_DB: db, DEMO_PORT: '47331', MARSAD_PORT: '0', MARSAD_LOG_FORMAT: 'json' } });
    let out = '';
    let health: DemoRun['health'] = null;
    let ui = false;
    let asked = false;
    const interrupt = () => process.kill(-child.pid!, 'SIGINT');
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const serving = /marsad serving \S+ at (http:\/\/\S+?)\//.exec(out);
      if (serving && !asked) {
        asked = true;
        void (async () => {
          try {
            health = (await (await fetch(`${serving[1]}/api/v1/health`)).json()) as { articles: number };
            const page = await fetch(`${serving[1]}/`);
            ui = page.ok && (await page.text()).includes('<script type="module"');
          } finally {
            interrupt();
          }
        })();
      }
    });
    child.stderr.on('data', () => {});
    const timer = interruptAfterMs === undefined ? null : setTimeout(interrupt, interruptAfterMs);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      done({ code, out, health, ui });
    });
  });
}

describe('npm start (the demo)', () => {
  it('stops cleanly on Ctrl-C, resumes into one corpus on the same sites, and serves it', async () => {
    const db = join(temp.dir, 'demo.db');
    const first = await demo(db, 6000);
    expect(first.code).toBe(130);
    const summary = first.out.indexOf('crawl interrupted');
    expect(summary, first.out.slice(-1500)).toBeGreaterThan(0);
    expect(first.out.indexOf('stopped; run npm start again')).toBeGreaterThan(summary);
    expect(first.health).toBeNull(); // an interrupted crawl is not served
    const hosts = (out: string) => [...out.matchAll(/^\s+(ar|en|mixed)\s+(http:\/\/\S+)/gm)].map((m) => m[2]);
    const second = await demo(db);
    expect(second.code, second.out.slice(-1500)).toBe(0);
    expect(hosts(second.out)).toEqual(hosts(first.out));
    expect(second.out).toMatch(/search وزير/);
    const stats = JSON.parse((await runCli(['stats', '--json', '--db', db])).stdout) as { articles: number; versions: number; sources: number };
    expect(stats.sources).toBe(3);
    expect(stats.versions).toBe(stats.articles);
    // the finished crawl is served: the API counts the same articles, the UI's page loads
    expect(second.health?.articles).toBe(stats.articles);
    expect(second.ui).toBe(true);
    // a third run does not crawl again: it serves what is there
    const third = await demo(db);
    expect(third.code, third.out.slice(-1500)).toBe(0);
    expect(third.out).toMatch(new RegExp(`already holds ${stats.articles} articles`));
    expect(third.out).not.toMatch(/marsad crawl /);
    expect(third.health?.articles).toBe(stats.articles);
  }, 300_000);
});
