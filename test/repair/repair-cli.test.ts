// `marsad repair` on the built CLI: one dump gives JSON, a directory gives JSON Lines with `file` first.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const DUMPS = fileURLToPath(new URL('./dumps', import.meta.url));

describe.runIf(existsSync(CLI))('marsad repair', () => {
  it('repairs one dump to JSON and a directory to JSONL', () => {
    const one = JSON.parse(execFileSync('node', [CLI, 'repair', `${DUMPS}/en-harbour.txt`], { encoding: 'utf8' })) as { title: string; blocks: unknown[] };
    expect(one.title).toBe('Harbour bridge reopens after two years of repairs');
    expect(one.blocks).toHaveLength(5);
    const lines = execFileSync('node', [CLI, 'repair', DUMPS], { encoding: 'utf8' }).trim().split('\n').map((l) => JSON.parse(l) as { file: string });
    expect(lines.map((l) => l.file)).toEqual(['ar-levant.txt', 'en-harbour.txt', 'fr-musee.txt']);
    expect(Object.keys(lines[0]!)[0]).toBe('file');
  });
  it('writes the repaired dump as text', () => {
    const text = execFileSync('node', [CLI, 'repair', `${DUMPS}/fr-musee.txt`, '--format', 'text'], { encoding: 'utf8' });
    expect(text.split('\n').slice(0, 2)).toEqual(['date 2023-06-02 https://www.exemple.fr/culture/20230602-le-musee-rouvre-ses-salles', 'Le musée rouvre ses salles après deux ans de travaux']);
  });
  it('says what is wrong with a missing input (exit 2)', () => {
    expect(() => execFileSync('node', [CLI, 'repair', '/nonexistent/dump.txt'], { stdio: 'pipe' })).toThrow(/no such file/);
  });
});
