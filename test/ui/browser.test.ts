/**
 * The web UI in a real browser (Debian's Chromium driven by playwright-core) against the real
 * server over the demo corpus: what a user would check — Arabic search without hamza, the chart's
 * counts, RTL reading, the revision diff, the language switch mirroring the layout, a hostile
 * record that runs no script, the sources table, keyboard use. It also writes screenshots of each
 * screen in Arabic and English to docs/screenshots/ for people to look at.
 *
 * Page code runs in the browser, so it is passed to page.evaluate as strings: the root tsconfig
 * has no DOM types (this file is type-checked with the Node code).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestSite } from '../site/server.mjs';
import { copyDemoCorpus, demoCorpus, HOSTILE_TITLE, type DemoCorpus } from '../serve/demo-corpus.js';
import { serveStore, type TestServer } from '../serve/api-helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const UI_DIR = `${ROOT}dist/ui`;
const SHOTS = `${ROOT}docs/screenshots`;
const CHROMIUM = '/usr/bin/chromium';
/** Typed without hamza: the demo's Arabic titles spell it أسعار (two articles). */
const PLAIN_QUERY = 'اسعار';
const HAMZA_TITLES = ['ارتفاع أسعار النفط', 'البنك المركزي يبقي أسعار الفائدة'];
/** أعلنت ("announced") opens every Arabic body of the demo; typed with a bare alef. */
const HAMZA_WORD = 'أعلنت';
const BARE_ALEF_WORD = 'اعلنت';

let corpus: DemoCorpus;
let server: TestServer;
let browser: Browser;

/** A page with everything a user should never see recorded: dialogs, console errors (CSP violations are reported there), uncaught errors. */
interface WatchedPage {
  page: Page;
  context: BrowserContext;
  dialogs: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

async function openPage(lang: 'ar' | 'en', width = 1280, origin = server.url): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang === 'ar' ? 'ar-EG' : 'en-GB' });
  const page = await context.newPage();
  const watched: WatchedPage = { page, context, dialogs: [], consoleErrors: [], pageErrors: [] };
  page.on('dialog', (dialog) => {
    // The UI's own "remove this source?" confirmation is answered yes; any other dialog is a failure.
    if (dialog.type() === 'confirm') return void dialog.accept();
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    // A publisher's image on the demo's loopback host (gone after the build) may fail to load: that is the network, not the page.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) watched.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watched.pageErrors.push(error.message));
  await page.goto(`${origin}/sources-blank-for-storage`);
  await page.evaluate(`localStorage.setItem('marsad.lang', ${JSON.stringify(lang)})`);
  return watched;
}

async function closePage(w: WatchedPage): Promise<void> {
  expect(w.dialogs).toEqual([]);
  expect(w.consoleErrors).toEqual([]);
  expect(w.pageErrors).toEqual([]);
  await w.context.close();
}

async function api<T>(path: string): Promise<T> {
  const res = await server.get(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/**
 * Polls an expression in the page until it is true. page.waitForFunction compiles its predicate
 * with eval inside the page, which the UI's CSP (rightly) refuses; page.evaluate goes through the
 * DevTools protocol and is not subject to it.
 */
async function waitUntil(page: Page, expression: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until no part of the screen is loading (the previous answer stays shown, aria-busy, while the next loads). */
async function settled(page: Page): Promise<void> {
  await waitUntil(page, '!!document.querySelector("main") && !document.querySelector("[aria-busy=true]") && !document.querySelector(".loading")');
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`the browser tests need Debian's Chromium at ${CHROMIUM} (apt-get install chromium)`);
  // vitest sets NODE_ENV=test, which would make vite bundle lit's development build: build as npm run build does.
  if (!existsSync(`${UI_DIR}/index.html`)) execFileSync('npx', ['vite', 'build', '--config', 'ui/vite.config.ts'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
  mkdirSync(SHOTS, { recursive: true });
  corpus = await demoCorpus();
  server = await serveStore(corpus.db, { uiDir: UI_DIR });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('web UI in Chromium', () => {
  it('finds the Arabic articles for words typed without hamza, with the matched words highlighted in the snippets', async () => {
    const w = await openPage('ar');
    const { page } = w;
    const arabic = await api<{ total: number }>('/api/v1/search?lang=ar&limit=1');
    await page.goto(`${server.url}/`);
    // Every Arabic body of the demo says أعلنت; typed as اعلنت (bare alef).
    await page.locator('#q').fill(BARE_ALEF_WORD);
    await page.locator('#q').press('Enter');
    await page.locator('.hit').first().waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe(BARE_ALEF_WORD);
    expect(Number(await page.locator('.results .count').getAttribute('data-total'))).toBe(arabic.total);
    expect(await page.locator('.hit-title[dir="rtl"]').count()).toBe(await page.locator('.hit').count());
    const marks = await page.locator('.hit .snippet mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set([HAMZA_WORD]));

    // A title word with hamza, typed without it.
    await page.locator('#q').fill(PLAIN_QUERY);
    await page.locator('#q').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === PLAIN_QUERY);
    await settled(page);
    const titles = await page.locator('.hit-title').allTextContents();
    for (const title of HAMZA_TITLES) expect(titles.some((t) => t.includes(title)), title).toBe(true);
    await closePage(w);
  });

  it('draws the chart with the counts the API gives for the same queries', async () => {
    const w = await openPage('en');
    const { page } = w;
    const compare = 'central';
    const qs = new URLSearchParams({ q: PLAIN_QUERY, interval: 'week' });
    qs.append('cmp', compare);
    await page.goto(`${server.url}/search?${qs}`);
    await page.locator('.chart-table tfoot td').first().waitFor({ state: 'attached' });
    await page.locator('.chart-canvas canvas').first().waitFor();

    const timelineQs = new URLSearchParams({ interval: 'week' });
    timelineQs.append('q', PLAIN_QUERY);
    timelineQs.append('q', compare);
    const timeline = await api<{ buckets: string[]; series: { total: number; counts: number[] }[] }>(`/api/v1/timeline?${timelineQs}`);
    const search = await api<{ total: number }>(`/api/v1/search?q=${encodeURIComponent(PLAIN_QUERY)}`);
    expect(timeline.series).toHaveLength(2);

    const totals = (await page.locator('.chart-table tfoot td').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-total'))))) as number[];
    expect(totals).toEqual(timeline.series.map((s) => s.total));
    expect(totals[0]).toBe(search.total);
    const rows = await page.locator('.chart-table tbody tr').count();
    expect(rows).toBe(timeline.buckets.length);
    const cells = (await page.locator('.chart-table tbody td').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-count'))))) as number[];
    const expected = timeline.buckets.flatMap((_b, row) => timeline.series.map((s) => s.counts[row] ?? 0));
    expect(cells).toEqual(expected);
    // The legend shows both series, and the results agree with the chart's first series.
    expect(await page.locator('.legend li').count()).toBe(2);
    expect(Number(await page.locator('.results .count').getAttribute('data-total'))).toBe(search.total);
    await closePage(w);
  });

  it('adds a top term to the query when it is clicked, and links the downloads of the same query', async () => {
    const w = await openPage('en');
    const { page } = w;
    await page.goto(`${server.url}/search?q=${encodeURIComponent(PLAIN_QUERY)}`);
    const term = page.locator('.term').nth(1);
    await term.waitFor();
    const word = (await term.textContent())!.trim();
    await term.click();
    await page.waitForURL((url) => url.searchParams.get('q') === `${PLAIN_QUERY} ${word}`);
    await settled(page);
    expect(await page.locator('#q').inputValue()).toBe(`${PLAIN_QUERY} ${word}`);
    const hrefs = await page.locator('.downloads a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const expected = new URLSearchParams({ q: `${PLAIN_QUERY} ${word}` });
    expect(hrefs).toEqual(['csv', 'jsonl', 'parquet'].map((format) => `/api/v1/export?${expected}&format=${format}`));
    // Each link is a download of the matches.
    for (const href of hrefs as string[]) {
      const res = await server.get(href);
      expect(res.status, href).toBe(200);
      expect(res.headers.get('content-disposition'), href).toMatch(/^attachment/);
      await res.arrayBuffer();
    }
    await closePage(w);
  });

  it('pages through the matches, and back/forward step through the pages the URL holds', async () => {
    const w = await openPage('en');
    const { page } = w;
    const titles = () => page.locator('.hit-title').allTextContents();
    await page.goto(`${server.url}/search?q=${encodeURIComponent(BARE_ALEF_WORD)}&limit=5`);
    await page.locator('.hit').first().waitFor();
    expect(await page.title()).toContain(BARE_ALEF_WORD);
    const total = Number(await page.locator('.results .count').getAttribute('data-total'));
    expect(total).toBeGreaterThan(10);
    expect(await page.locator('.pagination ol a').allTextContents()).toContain(String(Math.ceil(total / 5)));
    expect(await page.locator('.pagination a[aria-current="page"]').textContent()).toBe('1');
    const first = await titles();
    expect(first).toHaveLength(5);

    await page.locator('.pagination a[rel="next"]').click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await page.locator('.pagination a[aria-current="page"]', { hasText: '2' }).waitFor();
    const second = await titles();
    expect(second).toHaveLength(5);
    expect(second).not.toEqual(first);

    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('page') === null);
    await page.locator('.pagination a[aria-current="page"]', { hasText: '1' }).waitFor();
    expect(await titles()).toEqual(first);
    await page.goForward();
    await page.locator('.pagination a[aria-current="page"]', { hasText: '2' }).waitFor();
    expect(await titles()).toEqual(second);
    await closePage(w);
  });

  it('opens an Arabic article with its body in RTL and a revision diff with the added words in <ins>', async () => {
    const w = await openPage('en');
    const { page } = w;
    const detail = await api<{ article: { record: { title: string } } }>(`/api/v1/articles/${corpus.revisedId}`);
    await page.goto(`${server.url}/article/${corpus.revisedId}`);
    await page.locator('.headline').waitFor();
    expect(await page.locator('.headline').textContent()).toBe(detail.article.record.title);
    const directions = (await page.evaluate("[...document.querySelectorAll('.reader-body p')].map((p) => getComputedStyle(p).direction)")) as string[];
    expect(directions.length).toBeGreaterThan(0);
    expect(new Set(directions)).toEqual(new Set(['rtl']));
    // The interface is English (ltr) while the article reads right to left.
    expect(await page.evaluate('document.documentElement.dir')).toBe('ltr');

    await page.locator('.diff ins').first().waitFor();
    const inserted = (await page.locator('.diff-body ins').allTextContents()).join(' ');
    for (const word of corpus.revisedWords.split(' ')) expect(inserted).toContain(word);
    expect(await page.locator('.diff-title ins').textContent()).toContain('تحديث');
    await closePage(w);
  });

  it('mirrors the layout when the language is switched, and remembers the choice', async () => {
    const w = await openPage('ar');
    const { page } = w;
    await page.goto(`${server.url}/search?q=${encodeURIComponent(PLAIN_QUERY)}`);
    await page.locator('.hit').first().waitFor();
    const x = async (selector: string) => (await page.locator(selector).first().boundingBox())!.x;
    expect(await page.evaluate('document.documentElement.dir')).toBe('rtl');
    expect(await page.evaluate('document.documentElement.lang')).toBe('ar');
    // RTL: the brand is at the right, the switch at the left; the filters column is right of the results.
    expect(await x('.brand')).toBeGreaterThan(await x('.lang-switch'));
    expect(await x('.search-side')).toBeGreaterThan(await x('.search-main'));

    await page.locator('.lang-switch').click();
    await waitUntil(page, 'document.documentElement.dir === "ltr"');
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    expect(await x('.brand')).toBeLessThan(await x('.lang-switch'));
    expect(await x('.search-side')).toBeLessThan(await x('.search-main'));
    expect(await page.locator('.site-nav a').first().textContent()).toBe('Search');

    await page.reload();
    await page.locator('.hit').first().waitFor();
    expect(await page.evaluate('document.documentElement.dir')).toBe('ltr');
    expect(await page.locator('.lang-switch').textContent()).toBe('العربية');
    await closePage(w);
  });

  it('shows the hostile record as text: no dialog, no console error or CSP violation, no foreign script, no javascript: link', async () => {
    const w = await openPage('en');
    const { page } = w;
    const checkPage = async () => {
      const scripts = (await page.locator('script').evaluateAll((ss) => ss.map((s) => s.getAttribute('src')))) as (string | null)[];
      expect(scripts).toHaveLength(1);
      expect(scripts[0]).toMatch(/^\/assets\/index-[\w-]+\.js$/);
      expect(await page.locator('[href^="javascript:" i]').count()).toBe(0);
      expect(await page.locator('img[src="x"], [onerror]').count()).toBe(0);
    };
    await page.goto(`${server.url}/article/${corpus.hostileId}`);
    await page.locator('.headline').waitFor();
    expect(await page.locator('.headline').textContent()).toBe(HOSTILE_TITLE);
    await expect(page.getByText('<script>alert("title")</script>', { exact: false }).first().isVisible()).resolves.toBe(true);
    expect(await page.locator('.reader-body').textContent()).toContain('<img src=x onerror=alert(2)>');
    // Its links are javascript: — listed as text, never as links.
    expect(await page.locator('.unsafe-link', { hasText: 'javascript:alert(4)' }).count()).toBe(1);
    await checkPage();
    await page.waitForTimeout(300); // an onerror would fire by now

    await page.goto(`${server.url}/search?q=hostile`);
    await page.locator('.hit').first().waitFor();
    expect(await page.locator('.hit-title').allTextContents()).toContain(HOSTILE_TITLE);
    await checkPage();
    await closePage(w);
  });

  it('lists the demo hosts with their article counts on the sources screen', async () => {
    const w = await openPage('ar');
    const { page } = w;
    const sources = await api<{ hosts: { host: string; articles: number }[] }>('/api/v1/sources');
    expect(sources.hosts.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/sources`);
    await page.locator('table.hosts tbody tr').first().waitFor();
    const arabic = new Intl.NumberFormat('ar-EG');
    for (const h of sources.hosts) {
      const row = page.locator(`table.hosts tr[data-host="${h.host}"]`);
      expect(await row.locator('th').textContent()).toContain(h.host);
      expect(await row.locator('td').first().textContent()).toBe(arabic.format(h.articles));
    }
    await closePage(w);
  });

  it('is usable from the keyboard: Tab reaches the search box and Enter submits', async () => {
    const w = await openPage('ar');
    const { page } = w;
    await page.goto(`${server.url}/`);
    await page.locator('#q').waitFor();
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate('document.activeElement && document.activeElement.id')) === 'q';
    }
    expect(reached).toBe(true);
    await page.keyboard.type(PLAIN_QUERY);
    await page.keyboard.press('Enter');
    await page.locator('.hit').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/search');
    await closePage(w);
  });

  it('writes screenshots of every screen in Arabic and English', async () => {
    for (const lang of ['ar', 'en'] as const) {
      const w = await openPage(lang);
      const { page } = w;
      await page.goto(`${server.url}/`);
      await page.locator('.chart-canvas canvas').first().waitFor();
      await settled(page);
      await shot(page, `home-${lang}`);

      const qs = new URLSearchParams({ q: PLAIN_QUERY });
      qs.append('cmp', 'النفط');
      await page.goto(`${server.url}/search?${qs}`);
      await page.locator('.chart-canvas canvas').first().waitFor();
      await page.locator('.terms .loading').waitFor({ state: 'detached' });
      await page.locator('.results .count').waitFor();
      await shot(page, `search-${lang}`);

      await page.goto(`${server.url}/article/${corpus.revisedId}`);
      await page.locator('.diff ins').first().waitFor();
      await shot(page, `article-${lang}`);
      await page.locator('.diff').screenshot({ path: `${SHOTS}/diff-${lang}.png` });

      await page.goto(`${server.url}/sources`);
      await page.locator('table.hosts tbody tr').first().waitFor();
      await shot(page, `sources-${lang}`);
      await closePage(w);

      const phone = await openPage(lang, 390);
      await phone.page.goto(`${server.url}/search?q=${encodeURIComponent(PLAIN_QUERY)}`);
      await phone.page.locator('.chart-canvas canvas').first().waitFor();
      // One column: nothing wider than the screen.
      expect(await phone.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await shot(phone.page, `search-phone-${lang}`);
      for (const path of [`/article/${corpus.revisedId}`, '/sources']) {
        await phone.page.goto(`${server.url}${path}`);
        await phone.page.locator('main h1').first().waitFor();
        await settled(phone.page);
        expect(await phone.page.evaluate('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(390);
      }
      await closePage(phone);
    }
  });
});

describe('web UI sources with writes on (token, loopback test site)', () => {
  const TOKEN = 'ui-test-token-0123456789';
  let writable: TestServer;
  let site: Awaited<ReturnType<typeof startTestSite>>;
  let dir: string;
  const previousDelay = process.env.MARSAD_DELAY_MS;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marsad-ui-sources-'));
    const copy = await copyDemoCorpus(dir);
    process.env.MARSAD_DELAY_MS = '0'; // no politeness delay against the local site
    site = await startTestSite({ crawlDelaySec: 0 });
    writable = await serveStore(copy.db, { uiDir: UI_DIR, token: TOKEN, allowPrivate: true });
  }, 300_000);
  afterAll(async () => {
    if (previousDelay === undefined) delete process.env.MARSAD_DELAY_MS;
    else process.env.MARSAD_DELAY_MS = previousDelay;
    await writable?.close();
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses without the token, then adds a source with it, shows the crawl to its end, and removes the source', async () => {
    const w = await openPage('en', 1280, writable.url);
    const { page } = w;
    const origin = site.origins[1]!;
    const host = new URL(origin).host;
    await page.goto(`${writable.url}/sources`);
    await page.locator('#source-url').fill(`${origin}/`);
    await page.locator('#max-articles').fill('4');
    await page.locator('.add-form button[type="submit"]').click();
    // No token yet: the server's 401 is shown to the user.
    const refused = page.locator('.write-panel [role="alert"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('UNAUTHORIZED');

    await page.locator('#token').fill(TOKEN);
    await page.locator('.token-form button[type="submit"]').click();
    await page.locator('#source-url').fill(`${origin}/`);
    await page.locator('#max-articles').fill('4');
    await page.locator('.add-form button[type="submit"]').click();
    await page.locator('.write-panel .crawl-progress').waitFor();
    const done = page.locator('.write-panel .crawl-progress[data-state="done"]');
    await done.waitFor({ timeout: 60_000 });
    expect(await done.textContent()).toContain('done');
    const row = page.locator(`table.hosts tr[data-host="${host}"]`);
    await row.waitFor();
    expect(Number(await row.locator('td').first().textContent())).toBeGreaterThanOrEqual(1);
    await shot(page, 'sources-crawl-en');

    const item = page.locator('.source-list li', { hasText: host });
    await item.locator('button.danger').click();
    await item.waitFor({ state: 'detached' });
    await closePage(w);
  });
});
