/** The work behind `marsad repair`: read dumps, repair each, write records; failed files are reported and skipped. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { UsageError } from '../errors.js';
import { repairDump } from '../export/seed-repair.js';
import { renderText } from '../export/render-text.js';
import type { Article } from '../extract/types.js';
import type { RepairCommandOptions } from './repair.js';
import { EXIT_FAILED, EXIT_OK, warn } from './program.js';
import { openOutput } from './output.js';
import { readStdin } from './read-stdin.js';

async function listDumps(dir: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile() && /\.txt$/i.test(entry.name)) found.push(path);
    }
  }
  return found.sort();
}

function render(article: Article, format: 'json' | 'jsonl' | 'text', file?: string): string {
  if (format === 'text') return renderText(article);
  const record = file === undefined ? article : { file, ...article };
  return format === 'json' ? `${JSON.stringify(record, null, 2)}\n` : `${JSON.stringify(record)}\n`;
}

export async function runRepair(input: string, options: RepairCommandOptions): Promise<number> {
  if (options.fetchedAt !== undefined && Number.isNaN(Date.parse(options.fetchedAt))) throw new UsageError(`--fetched-at: not an ISO 8601 time: ${options.fetchedAt}`);
  const repairOptions = options.fetchedAt !== undefined ? { fetchedAt: options.fetchedAt } : {};
  if (input === '-') {
    const text = (await readStdin(64 * 1024 * 1024)).toString('utf8');
    const out = openOutput(options.output);
    await out.write(render(repairDump(text, repairOptions), options.format ?? 'json'));
    await out.close();
    return EXIT_OK;
  }
  const info = await stat(input).catch(() => null);
  if (!info) throw new UsageError(`no such file or directory: ${input}`);
  const files = info.isDirectory() ? await listDumps(input) : [input];
  const format = options.format ?? (info.isDirectory() ? 'jsonl' : 'json');
  const out = openOutput(options.output);
  let failed = 0;
  try {
    for (const file of files) {
      const name = info.isDirectory() ? relative(input, file) : undefined;
      try {
        const article = repairDump(await readFile(file, 'utf8'), repairOptions);
        await out.write(render(article, format, name));
      } catch (error) {
        failed++;
        const message = error instanceof Error ? error.message : String(error);
        warn(`${file}: ${message}`);
        if (format === 'jsonl') await out.write(`${JSON.stringify({ file: name ?? file, error: { message } })}\n`);
      }
    }
    await out.close();
  } catch (error) {
    await out.abort();
    throw error;
  }
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}
