/**
 * Reads a response body with two caps: bytes on the wire (`maxBytes`) and bytes after
 * Content-Encoding decoding (`maxDecompressedBytes`, the defence against decompression
 * bombs). Decoding is streamed, so a bomb is stopped after the cap, not after inflating.
 */
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { MarsadError, TooLargeError } from '../errors.js';

export interface ReadBodyOptions {
  url: string;
  contentEncoding: string | undefined;
  maxBytes: number;
  maxDecompressedBytes: number;
}

/** Decoders for a Content-Encoding header, in the order to apply them (reverse of the header's). */
function decodersFor(contentEncoding: string | undefined, url: string): NodeJS.ReadWriteStream[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  // Truncated streams keep what was decoded instead of failing the page.
  const tolerant = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  return codings.reverse().map((coding) => {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return zlib.createGunzip(tolerant);
      case 'deflate':
        return zlib.createInflate(tolerant);
      case 'br':
        return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
      default:
        throw new MarsadError('CONTENT_ENCODING', `[GET] "${url}": unsupported Content-Encoding "${coding}"`, { subject: url });
    }
  });
}

export async function readBody(body: Readable, options: ReadBodyOptions): Promise<Buffer> {
  const { url, maxBytes, maxDecompressedBytes } = options;
  const decoders = decodersFor(options.contentEncoding, url);
  let wireBytes = 0;
  let outBytes = 0;
  const chunks: Buffer[] = [];
  const countWire = async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      wireBytes += chunk.length;
      if (wireBytes > maxBytes) throw new TooLargeError(url, 'body', maxBytes, 'maxBytes');
      yield chunk;
    }
  };
  const collect = async (source: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of source) {
      outBytes += chunk.length;
      if (outBytes > maxDecompressedBytes) {
        throw new TooLargeError(url, 'decompressed body', maxDecompressedBytes, 'maxDecompressedBytes');
      }
      chunks.push(chunk);
    }
  };
  try {
    await (pipeline as (...streams: unknown[]) => Promise<void>)(body, countWire, ...decoders, collect);
  } catch (err) {
    if (err instanceof MarsadError) throw err;
    if (isZlibError(err)) {
      throw new MarsadError('CONTENT_ENCODING', `[GET] "${url}": body is not valid ${options.contentEncoding ?? ''} data`, {
        cause: err,
        subject: url,
      });
    }
    throw err;
  }
  return Buffer.concat(chunks, outBytes);
}

function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR_FORMAT_PADDING_1');
}

/**
 * Gunzips `bytes` when they start with the gzip magic number (a `.xml.gz` sitemap served as
 * application/octet-stream or x-gzip, which no Content-Encoding announced); returns them
 * unchanged otherwise. Stops at `maxBytes` of output.
 */
export function maybeGunzip(bytes: Uint8Array, maxBytes: number): Buffer {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 2 || buffer[0] !== 0x1f || buffer[1] !== 0x8b) return buffer;
  try {
    return zlib.gunzipSync(buffer, { maxOutputLength: maxBytes, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new TooLargeError('(gzip body)', 'decompressed body', maxBytes, 'maxDecompressedBytes', { cause: err });
    }
    throw new MarsadError('CONTENT_ENCODING', 'gzip body is corrupt', { cause: err });
  }
}
