#!/usr/bin/env node
/** Entry point of the `marsad` command. To add a verb: a file exporting register<Verb>, and one line below. */
import { createProgram, runProgram } from './program.js';
import { registerExtract } from './extract.js';

const program = createProgram();
registerExtract(program);

process.exitCode = await runProgram(program, process.argv);
