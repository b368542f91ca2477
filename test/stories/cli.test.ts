// `marsad stories assign` over a small JSONL file, run in-process through the real program.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createProgram, runProgram } from '../../src/cli/program.js';
import { registerStories } from '../../src/cli/stories.js';
import { inTimeOrder, otherNews, wire } from './articles.js';

const dir = mkdtempSync(join(tmpdir(), 'marsad-stories-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  const program = createProgram();
  registerStories(program);
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const saved = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = await runProgram(program, ['node', 'marsad', ...args]);
    return { code, stderr };
  } finally {
    process.exitCode = saved;
    spy.mockRestore();
  }
}

describe('marsad stories assign', () => {
  it('writes {id, story} per line, in input order, with copyOf for a copy', async () => {
    const input = join(dir, 'records.jsonl');
    const output = join(dir, 'stories.jsonl');
    // the export's shape: site as an object
    const records = inTimeOrder([...wire, ...otherNews]).map((a) => ({ ...a, site: { name: a.site, domain: a.site } }));
    writeFileSync(input, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const { code, stderr } = await run(['stories', 'assign', input, '-o', output]);
    expect(code).toBe(0);
    expect(stderr).toContain('5 articles in 3 stories');
    const lines = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; story: string; copyOf?: string });
    expect(lines.map((l) => l.id)).toEqual(records.map((r) => r.id));
    const story = new Map(lines.map((l) => [l.id, l.story]));
    expect(story.get('w-2')).toBe('w-1');
    expect(story.get('w-3')).toBe('w-1');
    expect(lines.find((l) => l.id === 'w-3')).toEqual({ id: 'w-3', story: 'w-1', copyOf: 'w-1' });
  });

  it('skips and reports a line that is not a record, and exits 1', async () => {
    const input = join(dir, 'bad.jsonl');
    const output = join(dir, 'bad-out.jsonl');
    writeFileSync(input, `${JSON.stringify(wire[0])}\nnot json\n{"title":"no id"}\n`);
    const { code, stderr } = await run(['stories', 'assign', input, '-o', output]);
    expect(code).toBe(1);
    expect(stderr).toContain('bad.jsonl:2: skipped: not JSON');
    expect(stderr).toContain('bad.jsonl:3: skipped: no "id"');
    expect(readFileSync(output, 'utf8')).toBe('{"id":"w-1","story":"w-1"}\n');
  });

  it('a missing input file is a usage error (exit 2)', async () => {
    const { code, stderr } = await run(['stories', 'assign', join(dir, 'nope.jsonl')]);
    expect(code).toBe(2);
    expect(stderr).toContain('no such file');
  });
});
