// The worker pool behind --jobs, from the built files (workers load dist/pipeline/extract-worker.js):
// a worker that dies fails only its page and is replaced; results keep their files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt, makeTempDir } from './cli-helpers.js';

type PoolModule = typeof import('../../src/pipeline/page-pool.js');
type FilesModule = typeof import('../../src/pipeline/extract-files.js');

let temp: ReturnType<typeof makeTempDir>;
let PagePool: PoolModule['PagePool'];
let extractFiles: FilesModule['extractFiles'];

beforeAll(async () => {
  ensureBuilt();
  temp = makeTempDir();
  PagePool = ((await import(pathToFileURL(join(ROOT, 'dist/pipeline/page-pool.js')).href)) as PoolModule).PagePool;
  extractFiles = ((await import(pathToFileURL(join(ROOT, 'dist/pipeline/extract-files.js')).href)) as FilesModule).extractFiles;
}, 120_000);
afterAll(() => temp.cleanup());

const GOOD = '<html><body><article><h1>Pier reopens</h1><p>The harbour authority reopened the north pier on Friday after six months of repairs.</p>' +
  '<p>Fishing boats can moor there again from Monday, the authority said.</p></article></body></html>';

describe('PagePool', () => {
  it('fails a page whose worker runs out of memory, then runs the next page on a fresh worker', async () => {
    const huge = join(temp.dir, 'huge.html');
    const good = join(temp.dir, 'good.html');
    writeFileSync(huge, `<html><body>${'<div><p>Row of a large page, repeated until it no longer fits.</p></div>\n'.repeat(600_000)}</body></html>`);
    writeFileSync(good, GOOD);
    // A heap far too small for a 43 MB page, and enough for a small one. (Much smaller limits,
    // under about 64 MB, can make V8 abort the whole process instead of stopping the worker.)
    const pool = new PagePool({ size: 1, deadlineMs: 60_000, maxHeapMb: 128 });
    try {
      const task = { format: 'jsonl' as const, timeBudgetMs: 60_000, maxBytes: 50 << 20 };
      const [crashed, after] = await Promise.all([pool.run({ ...task, path: huge }), pool.run({ ...task, path: good })]);
      expect(crashed.ok).toBe(false);
      if (!crashed.ok) expect(crashed.error.code).toBe('WORKER_CRASHED');
      expect(after.ok).toBe(true);
      if (after.ok) expect(JSON.parse(after.output).title).toBe('Pier reopens');
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('yields results in file order whatever order the workers finish in', async () => {
    const files: string[] = [];
    for (let i = 0; i < 20; i++) {
      const name = `p${String(i).padStart(2, '0')}.html`;
      // Every fifth page is much larger, so it finishes after the small pages sent after it.
      const extra = i % 5 === 0 ? '<p>Padding paragraph for a slower page, repeated many times.</p>'.repeat(20_000) : '';
      writeFileSync(join(temp.dir, name), GOOD.replace('Pier reopens', `Page ${i}`).replace('</article>', `${extra}</article>`));
      files.push(name);
    }
    const seen: string[] = [];
    for await (const result of extractFiles(temp.dir, files, { jobs: 3, format: 'jsonl' })) {
      expect(result.ok).toBe(true);
      if (result.ok) expect(JSON.parse(result.output).file).toBe(result.file);
      seen.push(result.file);
    }
    expect(seen).toEqual(files);
  }, 120_000);
});
