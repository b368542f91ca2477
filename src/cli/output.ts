/**
 * Where data goes: stdout, or a file given with -o. A file is written to a temporary name
 * beside it and renamed into place when complete, so a killed run never leaves a
 * truncated file under the real name. Writes wait for the stream to drain (flat memory).
 */
import { closeSync, createWriteStream, openSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { UsageError } from '../errors.js';
import { checkOutputFile } from './output-path.js';

export interface Output {
  write(text: string): Promise<void>;
  /** Finishes the output (for a file: renames it into place). */
  close(): Promise<void>;
  /** Gives up on the output (for a file: removes the partial file). */
  abort(): Promise<void>;
}

async function writeTo(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

function stdoutOutput(): Output {
  // A closed pipe (`marsad extract dir | head`) is the reader saying it has enough.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return {
    write: (text) => writeTo(process.stdout, text),
    close: async () => {},
    abort: async () => {},
  };
}

function fileOutput(path: string): Output {
  checkOutputFile(path);
  const partial = `${path}.partial-${process.pid}`;
  let fd: number;
  try {
    fd = openSync(partial, 'w');
  } catch (error) {
    throw new UsageError(`cannot write the output file ${path}: ${(error as Error).message}`, { cause: error });
  }
  const stream: WriteStream = createWriteStream(partial, { fd });
  // Interrupted (Ctrl-C, kill): remove the partial file rather than leave it beside the real name.
  const onSignal = (signal: NodeJS.Signals): void => {
    rmSync(partial, { force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const forgetSignals = (): void => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  let failure: Error | null = null;
  stream.on('error', (error) => {
    failure = error;
  });
  const finish = async (): Promise<void> => {
    forgetSignals();
    if (!stream.closed) {
      stream.end();
      await once(stream, 'close');
    }
  };
  return {
    write: async (text) => {
      if (failure) throw failure;
      await writeTo(stream, text);
    },
    close: async () => {
      await finish();
      if (failure) throw failure;
      renameSync(partial, path);
    },
    abort: async () => {
      try {
        await finish();
      } catch {
        closeSync(fd);
      }
      rmSync(partial, { force: true });
    },
  };
}

/** `undefined` or `-` is stdout. */
export function openOutput(path: string | undefined): Output {
  return path === undefined || path === '-' ? stdoutOutput() : fileOutput(path);
}
