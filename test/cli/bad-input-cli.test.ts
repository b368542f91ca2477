// Bad files through the CLI: each fails alone with a typed error (on stderr and as a
// {file, error} line), the run goes on, and the exit code says some files failed.
import { writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES, ensureBuilt, makeTempDir, parseJsonLines, runCli } from './cli-helpers.js';

let temp: ReturnType<typeof makeTempDir>;

beforeAll(() => {
  ensureBuilt();
  temp = makeTempDir();
}, 120_000);
afterAll(() => temp.cleanup());

const GOOD = '<html lang="en"><head><title>Good page</title></head><body><article><h1>Good page</h1>' +
  '<p>The harbour authority reopened the north pier on Friday after six months of repairs to its wooden deck.</p>' +
  '<p>Fishing boats will be able to moor there again from Monday, the authority said in a statement.</p></article></body></html>';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

interface Line {
  file: string;
  error?: { code: string; message: string };
  title?: string;
  blocks?: unknown[];
  extraction?: { emptyReason?: string };
}

describe('a directory with bad files', () => {
  it('reports each bad file with its code, extracts the rest, and exits with 1', async () => {
    const dir = join(temp.dir, 'mixed');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'a-good.html'), GOOD);
    writeFileSync(join(dir, 'b-empty.html'), '');
    writeFileSync(join(dir, 'c-report.html'), Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1'));
    writeFileSync(join(dir, 'd-photo.htm'), PNG);
    writeFileSync(join(dir, 'e-image-inside.html.gz'), gzipSync(PNG));
    writeFileSync(join(dir, 'f-corrupt.html.gz'), Buffer.concat([gzipSync(Buffer.from(GOOD)).subarray(0, 30), Buffer.from('garbage after a cut')]));
    // 60 MiB of spaces compress to about 60 KiB: inflating it whole would pass the 50 MiB cap.
    writeFileSync(join(dir, 'g-bomb.html.gz'), gzipSync(Buffer.alloc(60 * 1024 * 1024, 0x20), { level: 9 }));
    writeFileSync(join(dir, 'h-bad-utf8.html'), Buffer.concat([Buffer.from(GOOD.slice(0, 200)), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from(GOOD.slice(200))]));
    writeFileSync(join(dir, 'sub/i-broken-jsonld.html'), GOOD.replace('</head>', '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script></head>'));
    copyFileSync(join(SAMPLES, 'en-heatwave.html.gz'), join(dir, 'sub/j-sample.html.gz'));

    const run = await runCli(['extract', dir, '--jobs', '2'], { timeoutMs: 120_000 });
    expect(run.code).toBe(1);
    const lines = parseJsonLines(run.stdout) as unknown as Line[];
    expect(lines.map((l) => l.file)).toEqual([
      'a-good.html', 'b-empty.html', 'c-report.html', 'd-photo.htm', 'e-image-inside.html.gz',
      'f-corrupt.html.gz', 'g-bomb.html.gz', 'h-bad-utf8.html', 'sub/i-broken-jsonld.html', 'sub/j-sample.html.gz',
    ]);
    const byFile = new Map(lines.map((l) => [l.file, l]));
    const code = (file: string): string | undefined => byFile.get(file)?.error?.code;
    expect(code('c-report.html')).toBe('NOT_HTML');
    expect(code('d-photo.htm')).toBe('NOT_HTML');
    expect(code('e-image-inside.html.gz')).toBe('NOT_HTML');
    expect(code('f-corrupt.html.gz')).toBe('NOT_HTML');
    expect(code('g-bomb.html.gz')).toBe('DECOMPRESSION_LIMIT');
    // An empty file is either refused or an empty record that says why.
    const empty = byFile.get('b-empty.html');
    if (empty?.error) expect(empty.error.code).toMatch(/^[A-Z_]+$/);
    else expect(empty?.extraction?.emptyReason).toMatch(/\S/);
    for (const file of ['a-good.html', 'h-bad-utf8.html', 'sub/i-broken-jsonld.html', 'sub/j-sample.html.gz']) {
      expect(byFile.get(file)?.error, file).toBeUndefined();
      expect(byFile.get(file)?.blocks?.length, file).toBeGreaterThanOrEqual(2);
    }
    for (const line of lines.filter((l) => l.error)) {
      expect(Object.keys(line)).toEqual(['file', 'error']);
      expect(run.stderr).toContain(`marsad: ${line.file}: ${line.error!.code}: `);
    }
    expect(run.stderr).toMatch(/10 files in [\d.]+ s: \d+ extracted .*, [56] failed/);
  });

  it('stops a page that runs past --kill-after-ms, restarts its worker, and goes on', async () => {
    const dir = join(temp.dir, 'slow');
    mkdirSync(dir);
    // About 40 MB of markup: reading and parsing it takes far longer than 300 ms anywhere.
    const row = '<div class="row"><p>Row of a very long table of results, repeated many times over.</p></div>\n';
    writeFileSync(join(dir, 'a-huge.html'), `<html><body>${row.repeat(Math.ceil(40_000_000 / row.length))}</body></html>`);
    writeFileSync(join(dir, 'b-good.html'), GOOD);
    writeFileSync(join(dir, 'c-good.html'), GOOD.replace('Good page', 'Another good page'));
    const run = await runCli(['extract', dir, '--jobs', '1', '--kill-after-ms', '300'], { timeoutMs: 120_000 });
    expect(run.code).toBe(1);
    const lines = parseJsonLines(run.stdout) as unknown as Line[];
    expect(lines.map((l) => l.file)).toEqual(['a-huge.html', 'b-good.html', 'c-good.html']);
    expect(lines[0]?.error?.code).toBe('PAGE_TIMEOUT');
    expect(lines[1]?.title).toBe('Good page');
    expect(lines[2]?.title).toBe('Another good page');
    expect(run.stderr).toContain('a-huge.html: PAGE_TIMEOUT');
  });
});

describe('one bad page', () => {
  it('prints nothing on stdout, the reason on stderr, and exits with 1', async () => {
    const file = join(temp.dir, 'photo.html');
    writeFileSync(file, PNG);
    const run = await runCli(['extract', file, '--format', 'markdown']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/photo\.html: NOT_HTML: input is a PNG image/);
  });

  it('refuses binary data on stdin', async () => {
    const run = await runCli(['extract', '-'], { stdin: Buffer.from('%PDF-1.7\n', 'latin1') });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/stdin: NOT_HTML/);
  });

  it('does not leave a partial output file when the page fails', async () => {
    const out = join(temp.dir, 'never.json');
    const run = await runCli(['extract', '-', '-o', out], { stdin: PNG });
    expect(run.code).toBe(1);
    const { existsSync, readdirSync } = await import('node:fs');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(temp.dir).filter((name) => name.startsWith('never.json'))).toEqual([]);
  });

  it('gives an empty page an empty record with its reason, and exit 0', async () => {
    const run = await runCli(['extract', '-', '--format', 'jsonl'], { stdin: '<html><body><nav><a href="/">Home</a></nav></body></html>' });
    expect(run.code).toBe(0);
    const [record] = parseJsonLines(run.stdout) as unknown as Line[];
    expect(record?.blocks).toEqual([]);
    expect(record?.extraction?.emptyReason).toMatch(/\S/);
    expect(run.stderr).toContain('stdin: empty body: ');
  });
});
