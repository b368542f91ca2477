/**
 * `marsad repair <file | dir | ->`: naive text dumps (the seed file's shape) to clean
 * article records. One file gives one record (JSON by default); a directory is walked for
 * .txt files and gives JSON Lines, `file` first. `--format text` writes the repaired dump:
 * the `date YYYY-MM-DD URL` header, the title, each paragraph once.
 */
import { Command, Option } from 'commander';
import { EXIT_CODES_HELP } from './program.js';

export interface RepairCommandOptions {
  format?: 'json' | 'jsonl' | 'text';
  output?: string;
  fetchedAt?: string;
}

export function registerRepair(program: Command): void {
  program
    .command('repair')
    .description('repair naive text dumps of news pages (headline repeated, body twice, raw dates) into article records')
    .argument('<input>', 'a dump file, a directory of .txt dumps (walked recursively), or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format (default: json for one file, jsonl for a directory)').choices(['json', 'jsonl', 'text']))
    .option('-o, --output <file>', 'write to FILE instead of stdout (renamed into place when complete)')
    .option('--fetched-at <iso>', 'when the dump was made: resolves relative dates such as "منذ ساعتين"')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (input: string, options: RepairCommandOptions) => {
      const { runRepair } = await import('./repair-run.js');
      process.exitCode = await runRepair(input, options);
    });
}
