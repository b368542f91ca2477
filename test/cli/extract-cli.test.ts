// `marsad extract` end to end: the built CLI as a child process, on the bundled samples
// and on temporary directories.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, SAMPLES, ensureBuilt, makeTempDir, parseJsonLines, runCli } from './cli-helpers.js';

const ENERGY = join(SAMPLES, 'ar-energy-link.html');
const ENERGY_URL = 'https://akhbar.example/20251028/energy-link-1042.html';
const ENERGY_TITLE = 'وزيرا الطاقة في الأردن والعراق يبحثان ربط الشبكتين الكهربائيتين';

let temp: ReturnType<typeof makeTempDir>;

beforeAll(() => {
  ensureBuilt();
  temp = makeTempDir();
}, 120_000);
afterAll(() => temp.cleanup());

/** A copy of the samples in nested folders, with files the walk must skip. */
function corpusDir(name: string): string {
  const dir = join(temp.dir, name);
  mkdirSync(join(dir, 'ar/2025'), { recursive: true });
  mkdirSync(join(dir, 'en'), { recursive: true });
  copyFileSync(ENERGY, join(dir, 'ar/2025/energy.html'));
  copyFileSync(join(SAMPLES, 'ar-health-windows-1256.html'), join(dir, 'ar/health.htm'));
  copyFileSync(join(SAMPLES, 'en-city-council-budget.html'), join(dir, 'en/council.HTML'));
  copyFileSync(join(SAMPLES, 'en-heatwave.html.gz'), join(dir, 'en/heatwave.html.gz'));
  writeFileSync(join(dir, 'notes.txt'), 'not a page');
  writeFileSync(join(dir, 'en/data.json'), '{}');
  return dir;
}

describe('one page', () => {
  it('prints the record as JSON by default, and nothing else on stdout', async () => {
    const run = await runCli(['extract', ENERGY]);
    expect(run.code).toBe(0);
    const record = JSON.parse(run.stdout) as { title: string; blocks: unknown[]; file?: string; canonicalUrl: string };
    expect(record.title).toBe(ENERGY_TITLE);
    expect(record.blocks.length).toBeGreaterThanOrEqual(4);
    expect(record.file).toBeUndefined();
    expect(record.canonicalUrl).toBe(ENERGY_URL);
    expect(run.stderr).toBe('');
  });

  it('reads stdin with -, takes --url, and writes the seed text format with each paragraph once', async () => {
    const run = await runCli(['extract', '-', '--url', ENERGY_URL, '--format', 'text'], { stdin: readFileSync(ENERGY) });
    expect(run.code).toBe(0);
    const [header, title, blank, ...rest] = run.stdout.split('\n');
    expect(header).toBe(`date 2025-10-28 ${ENERGY_URL}`);
    expect(title).toBe(ENERGY_TITLE);
    expect(blank).toBe('');
    const paragraphs = rest.join('\n').trim().split('\n\n');
    expect(paragraphs.length).toBeGreaterThanOrEqual(4);
    expect(new Set(paragraphs).size).toBe(paragraphs.length);
    expect(paragraphs).not.toContain(ENERGY_TITLE);
    expect(run.stdout.split(ENERGY_TITLE).length).toBe(2);
    // The hidden schema.org copy glues sentences together ("البلدين.وقال"); it must not come through.
    expect(run.stdout).not.toContain('البلدين.وقال');
    for (const boilerplate of ['اقرأ أيضا', 'ملفات تعريف الارتباط', 'واتساب', 'أخبار ذات صلة', 'جميع الحقوق محفوظة']) {
      expect(run.stdout).not.toContain(boilerplate);
    }
  });

  it('decodes a windows-1256 page from its meta charset', async () => {
    const run = await runCli(['extract', join(SAMPLES, 'ar-health-windows-1256.html'), '--format', 'jsonl']);
    expect(run.code).toBe(0);
    const [record] = parseJsonLines(run.stdout) as { title: string; text: string }[];
    expect(record?.title).toBe('حملة وطنية لتطعيم الأطفال ضد الحصبة تبدأ الأحد');
    expect(record?.text).toContain('منظمة الصحة العالمية');
    expect(record?.text).not.toContain('\ufffd');
  });

  it('reads a gzip-compressed page', async () => {
    const run = await runCli(['extract', join(SAMPLES, 'en-heatwave.html.gz'), '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('# Heatwave warning extended as temperatures near record in the south\n')).toBe(true);
    expect(run.stdout).toContain('Cooler air from the Atlantic');
    expect(run.stdout).not.toContain('Accept all');
  });

  it('renders sanitized HTML: page markup shows as text, and only the allowed tags appear', async () => {
    const page = `<html lang="en"><head><title>T</title></head><body><article><h1>Hostile text test</h1>
      <p>The reader wrote &lt;script&gt;alert("x")&lt;/script&gt; in the comment field, which the site printed as text for everyone to see.</p>
      <p onclick="steal()">A second paragraph with an <a href="javascript:steal()">inline link</a> and <img src=x onerror=steal()> an image that must not survive.</p>
      <script>steal()</script><h2>Details</h2><ul><li>first point of the story, said plainly</li><li>second point of the story</li></ul>
      <blockquote>A quotation from the mayor, with "double" & 'single' quotes.</blockquote></article></body></html>`;
    const run = await runCli(['extract', '-', '--format', 'html'], { stdin: page });
    expect(run.code).toBe(0);
    const tags = [...run.stdout.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)];
    expect(tags.length).toBeGreaterThan(4);
    for (const [, name, attrs] of tags) {
      expect(['article', 'h1', 'h2', 'p', 'blockquote', 'ul', 'li', 'table', 'tbody', 'tr', 'td', 'figure', 'figcaption']).toContain(name);
      if (name !== 'article') expect(attrs).toBe('');
    }
    expect(run.stdout).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(run.stdout).not.toMatch(/steal|onclick|onerror|javascript:/);
    expect(run.stdout).toContain('&quot;double&quot; &amp; &#39;single&#39;');
    expect(run.stdout.startsWith('<article lang="en" dir="ltr">')).toBe(true);
  });
});

describe('a directory', () => {
  it('walks it recursively and gives one JSON line per page, `file` first, in path order', async () => {
    const dir = corpusDir('walk');
    const run = await runCli(['extract', dir]);
    expect(run.code).toBe(0);
    const records = parseJsonLines(run.stdout);
    expect(records.map((r) => r.file)).toEqual(['ar/2025/energy.html', 'ar/health.htm', 'en/council.HTML', 'en/heatwave.html.gz']);
    for (const record of records) {
      expect(Object.keys(record)[0]).toBe('file');
      expect(typeof record.title).toBe('string');
      expect((record.blocks as unknown[]).length).toBeGreaterThan(2);
    }
    // Not a TTY: no progress bar, only the one-line summary.
    expect(run.stderr).toMatch(/^marsad: 4 files in [\d.]+ s: 4 extracted \(0 with an empty body\), 0 failed\n$/);
  });

  it('gives the same output with --jobs 2 as with --jobs 1', async () => {
    const dir = corpusDir('jobs');
    for (let i = 0; i < 12; i++) copyFileSync(join(SAMPLES, 'en-city-council-budget.html'), join(dir, `en/copy-${String(i).padStart(2, '0')}.html`));
    const one = await runCli(['extract', dir, '--jobs', '1']);
    const two = await runCli(['extract', dir, '--jobs', '2']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(parseJsonLines(one.stdout)).toHaveLength(16);
    expect(two.stdout).toBe(one.stdout);
  });

  it('writes a JSON array with --format json', async () => {
    const run = await runCli(['extract', corpusDir('array'), '--format', 'json']);
    expect(run.code).toBe(0);
    const records = JSON.parse(run.stdout) as { file: string }[];
    expect(records.map((r) => r.file)).toHaveLength(4);
    expect(Object.keys(records[0]!)[0]).toBe('file');
  });

  it('writes to -o FILE, leaving stdout empty and no partial file behind', async () => {
    const dir = corpusDir('out');
    const out = join(temp.dir, 'out.jsonl');
    const run = await runCli(['extract', dir, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(parseJsonLines(readFileSync(out, 'utf8'))).toHaveLength(4);
    expect(readdirSync(temp.dir).filter((name) => name.includes('.partial-'))).toEqual([]);
  });

  it('removes the partial output file when the run is interrupted', async () => {
    const dir = corpusDir('interrupted');
    const row = '<div><p>A row of a long page that takes a while to extract, repeated.</p></div>\n';
    writeFileSync(join(dir, 'en/zz-slow.html'), `<html><body>${row.repeat(300_000)}</body></html>`);
    const out = join(temp.dir, 'interrupted.jsonl');
    const child = spawn(process.execPath, [CLI, 'extract', dir, '-o', out], { stdio: 'ignore' });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const partialExists = (): boolean => readdirSync(temp.dir).some((name) => name.startsWith('interrupted.jsonl.partial-'));
    for (let waited = 0; !partialExists() && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(partialExists()).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(partialExists()).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it('says so when there is nothing to extract', async () => {
    const dir = join(temp.dir, 'nothing');
    mkdirSync(dir);
    writeFileSync(join(dir, 'readme.txt'), 'x');
    const run = await runCli(['extract', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no .html, .htm or .html.gz files');
  });

  it('extracts the bundled samples, as `marsad extract samples --format jsonl`', async () => {
    const run = await runCli(['extract', 'samples', '--format', 'jsonl']);
    expect(run.code).toBe(0);
    const records = parseJsonLines(run.stdout);
    expect(records.map((r) => r.file)).toEqual(readdirSync(SAMPLES).sort());
    expect(records.every((r) => (r.blocks as unknown[]).length >= 4)).toBe(true);
  });
});

describe('usage errors exit with 2 and print nothing on stdout', () => {
  it.each([
    ['a missing input', ['extract', 'no/such/file.html'], /no such file or directory/],
    ['an unknown format', ['extract', 'samples', '--format', 'pdf'], /Allowed choices are json, jsonl, markdown, text, html/],
    ['--jobs 0', ['extract', 'samples', '--jobs', '0'], /at least 1/],
    ['--url on a directory', ['extract', 'samples', '--url', 'https://example.com/'], /one page/],
    ['a relative --url', ['extract', '-', '--url', 'news/1'], /not an absolute URL/],
    ['text format for a directory', ['extract', 'samples', '--format', 'text'], /--format jsonl/],
    ['an unknown option', ['extract', 'samples', '--frobnicate'], /unknown option/],
    ['an output in a missing folder', ['extract', ENERGY, '-o', '/no/such/dir/out.json'], /does not exist; create it first/],
    ['no verb', [], /Usage: marsad/],
  ])('%s', async (_name, args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('documents the exit codes in --help', async () => {
    const run = await runCli(['extract', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Exit codes:\n\s+0 .*\n\s+1 .*\n\s+2 /);
  });
});

describe.runIf(existsSync('/usr/bin/script'))('on a terminal', () => {
  it('draws a progress bar on stderr while the data goes to the output file', () => {
    const dir = corpusDir('tty');
    const out = join(temp.dir, 'tty.jsonl');
    const cli = join(import.meta.dirname, '../../dist/cli/main.js');
    // `script` gives the child a pseudo-terminal, so stderr.isTTY is true as in a real shell.
    const screen = execFileSync('script', ['-qec', `${process.execPath} ${cli} extract ${dir} -o ${out}`, '/dev/null'], { encoding: 'utf8', timeout: 60_000 });
    expect(screen).toMatch(/extract \[.*\] \d+\/4/);
    expect(parseJsonLines(readFileSync(out, 'utf8'))).toHaveLength(4);
  });
});
