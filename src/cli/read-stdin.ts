/** Reads all of stdin as bytes, refusing more than the page cap instead of buffering it all. */
import { ExtractLimitError } from '../errors.js';

export async function readStdin(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > maxBytes) {
      process.stdin.destroy();
      throw new ExtractLimitError(`stdin is over the ${maxBytes}-byte page limit`, { subject: 'stdin' });
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
