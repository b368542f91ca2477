/**
 * One rule for output paths in every verb (extract, repair, export): checked before any work,
 * each problem a usage error (exit 2) that says what to do, never an EISDIR/EEXIST trace.
 * - A file output may replace an existing file, never a directory; its folder must exist
 *   (a typo in a folder name should not silently create a new tree).
 * - A folder output (one file per article) may exist or be new, never be an existing file;
 *   its parent folder must exist.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';

type Kind = 'file' | 'dir' | 'missing';

function kindOf(path: string): Kind {
  try {
    return statSync(path).isDirectory() ? 'dir' : 'file';
  } catch {
    return 'missing';
  }
}

export function checkOutputFile(path: string): void {
  if (kindOf(path) === 'dir') throw new UsageError(`-o ${path} is a folder; name a file to write, e.g. ${resolve(path, 'out')}`);
  const parent = dirname(resolve(path));
  const parentKind = kindOf(parent);
  if (parentKind === 'missing') throw new UsageError(`-o ${path}: the folder ${parent} does not exist; create it first`);
  if (parentKind === 'file') throw new UsageError(`-o ${path}: ${parent} is a file, not a folder`);
}

export function checkOutputDir(path: string): void {
  if (kindOf(path) === 'file') throw new UsageError(`-o ${path} is a file; this output writes one file per article into a folder: name a folder`);
  const parent = dirname(resolve(path));
  const parentKind = kindOf(parent);
  if (parentKind === 'missing') throw new UsageError(`-o ${path}: the folder ${parent} does not exist; create it first`);
  if (parentKind === 'file') throw new UsageError(`-o ${path}: ${parent} is a file, not a folder`);
}
