#!/usr/bin/env node
/** Entry point of the `marsad` command. To add a verb: a file exporting register<Verb>, and one line below. */
import { createProgram, runProgram } from './program.js';
import { registerExtract } from './extract.js';
import { registerCrawl } from './crawl.js';
import { registerRecrawl } from './recrawl.js';
import { registerDiff } from './diff.js';
import { registerStats } from './stats.js';
import { registerRepair } from './repair.js';
import { registerSearch } from './search.js';
import { registerExport } from './export.js';
import { registerImport } from './import.js';

const program = createProgram();
registerExtract(program);
registerCrawl(program);
registerRecrawl(program);
registerDiff(program);
registerStats(program);
registerRepair(program);
registerSearch(program);
registerExport(program);
registerImport(program);

process.exitCode = await runProgram(program, process.argv);
