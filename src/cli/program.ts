/**
 * The `marsad` program: commander setup, exit codes, and the one place errors become
 * messages. Verbs live one per file (extract.ts, …) and export `register<Verb>(program)`;
 * main.ts calls each. Registration should import only commander and light modules, and
 * load the verb's work with `await import()` inside its action, so that `marsad --help`
 * and every other verb start without loading the whole library.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { MarsadError, UsageError } from '../errors.js';
import { storeBusy } from '../store/errors.js';

/** Exit codes: documented in the README and in `marsad <verb> --help`. */
export const EXIT_OK = 0;
/** Some inputs failed (they are reported; the others were processed). */
export const EXIT_FAILED = 1;
/** The command line was wrong: nothing was processed. */
export const EXIT_USAGE = 2;

export const EXIT_CODES_HELP = `
Exit codes:
  0  every input was processed (an empty body is not a failure)
  1  some inputs failed; each is reported on stderr (and in JSON output as {file, error})
  2  usage error: bad arguments, missing input; nothing was processed`;

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function createProgram(): Command {
  return new Command('marsad')
    .description('Turn news websites into a clean, searchable corpus.')
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
}

/** Writes one diagnostic line to stderr, prefixed with the program name. */
export function warn(message: string): void {
  process.stderr.write(`marsad: ${message}\n`);
}

/** Parses argv and runs the verb; returns the exit code instead of exiting, so output can flush. */
export async function runProgram(program: Command, argv: readonly string[]): Promise<number> {
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (thrown) {
    const error = storeBusy(thrown);
    // commander has already printed its own message (or the help, or the version).
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (error instanceof UsageError) {
      warn(`${error.message} (run with --help for usage)`);
      return EXIT_USAGE;
    }
    if (error instanceof MarsadError) {
      warn(`${error.subject ? `${error.subject}: ` : ''}${error.code}: ${error.message}`);
      return EXIT_FAILED;
    }
    warn(`unexpected error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT_FAILED;
  }
}
