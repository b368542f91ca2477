#!/usr/bin/env node
/** Entry point of the `marsad` command. To add a verb: a file exporting register<Verb>, and one line in VERBS. */
import type { Command } from 'commander';
import { createProgram, runProgram } from './program.js';
import { exclusionsAsWords } from './exclusion-args.js';

type Register = (program: Command) => void;

/**
 * Each verb's module is loaded only when that verb runs (all of them for the help or an unknown
 * verb): several verb files import much of the library at their top, and with every verb loaded
 * a crawl carried ~30 MB of heap and ~100 MB of RSS it never used (extraction and its language
 * tables on the I/O thread, import, export, search).
 */
const VERBS: [string, () => Promise<Register>][] = [
  ['extract', async () => (await import('./extract.js')).registerExtract],
  ['crawl', async () => (await import('./crawl.js')).registerCrawl],
  ['recrawl', async () => (await import('./recrawl.js')).registerRecrawl],
  ['watch', async () => (await import('./watch.js')).registerWatch],
  ['worker', async () => (await import('./worker.js')).registerWorker],
  ['sources', async () => (await import('./sources.js')).registerSources],
  ['diff', async () => (await import('./diff.js')).registerDiff],
  ['show', async () => (await import('./show.js')).registerShow],
  ['stats', async () => (await import('./stats.js')).registerStats],
  ['errors', async () => (await import('./errors.js')).registerErrors],
  ['repair', async () => (await import('./repair.js')).registerRepair],
  ['search', async () => (await import('./search.js')).registerSearch],
  ['export', async () => (await import('./export.js')).registerExport],
  ['import', async () => (await import('./import.js')).registerImport],
  ['migrate', async () => (await import('./migrate.js')).registerMigrate],
  ['serve', async () => (await import('./serve.js')).registerServe],
  ['stories', async () => (await import('./stories.js')).registerStories],
];

// A closed pipe (`marsad --help | head`) is the reader saying it has enough, for every verb.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

const program = createProgram();
const named = VERBS.find(([name]) => name === process.argv[2]);
for (const [, load] of named ? [named] : VERBS) (await load())(program);

process.exitCode = await runProgram(program, exclusionsAsWords(process.argv));
