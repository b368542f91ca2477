/**
 * Lists the HTML pages under a directory, recursively: `.html`, `.htm`, and the same
 * gzip-compressed (`.html.gz`, `.htm.gz`). Paths come back relative to the directory with
 * `/` separators, sorted, so a run's output order does not depend on the file system.
 * Symbolic links to files are followed; links to directories are not (no loops).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const PAGE_NAME = /\.html?(\.gz)?$/i;

export function isPageFileName(name: string): boolean {
  return PAGE_NAME.test(name);
}

export interface WalkResult {
  /** Page files, relative to the directory. */
  files: string[];
  /** Subdirectories that could not be listed, relative, with the reason. */
  unreadable: { file: string; message: string }[];
}

export async function walkHtmlFiles(dir: string): Promise<WalkResult> {
  const files: string[] = [];
  const unreadable: WalkResult['unreadable'] = [];
  const pending: string[] = [''];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    let entries;
    try {
      entries = await readdir(join(dir, rel), { withFileTypes: true });
    } catch (error) {
      unreadable.push({ file: rel || '.', message: (error as Error).message });
      continue;
    }
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) pending.push(child);
      else if (isPageFileName(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await isFile(join(dir, child)))))) files.push(child);
    }
  }
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, unreadable };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
