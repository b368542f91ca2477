/**
 * Page bytes to HTML text: gunzip when the bytes are gzip (whatever the file is called),
 * with a cap on the inflated size so a decompression bomb stops at the cap instead of
 * filling memory, then charset sniffing (BOM, meta, windows-1256…) through decodeHtml.
 */
import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { decodeHtml, type DecodedHtml } from '../fetch/decode-html.js';
import { DecompressionLimitError, ExtractLimitError, FileReadError, NotHtmlError } from '../errors.js';

/** Largest page accepted, compressed or inflated: the extractor's own input cap. */
export const DEFAULT_MAX_PAGE_BYTES = 50 * 1024 * 1024;

export interface ReadPageOptions {
  /** Largest page in bytes, before and after decompression (default 50 MiB). */
  maxBytes?: number;
  /** The file or URL, for error messages. */
  subject?: string;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function gunzipCapped(bytes: Uint8Array, maxBytes: number, subject: string | undefined): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (error instanceof RangeError || code === 'ERR_BUFFER_TOO_LARGE') {
      throw new DecompressionLimitError(`gzip data inflates past ${maxBytes} bytes (a decompression bomb, or a page too large to extract)`, { subject, cause: error });
    }
    throw new NotHtmlError(`not valid gzip data (${code ?? 'corrupt'}): the file is damaged or not gzip-compressed HTML`, { subject, cause: error });
  }
}

/** Decodes page bytes (plain or gzip) to text. Throws typed errors, never returns garbage silently. */
export function pageBytesToHtml(bytes: Uint8Array, options: ReadPageOptions = {}): DecodedHtml {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_PAGE_BYTES;
  if (bytes.length > maxBytes) {
    throw new ExtractLimitError(`page is ${bytes.length} bytes, over the ${maxBytes}-byte limit`, { subject: options.subject });
  }
  const plain = isGzip(bytes) ? gunzipCapped(bytes, maxBytes, options.subject) : bytes;
  return decodeHtml(plain);
}

/** Reads one page file; a file over the cap is refused before it is read. */
export async function readPageFile(path: string, options: ReadPageOptions = {}): Promise<DecodedHtml> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_PAGE_BYTES;
  const subject = options.subject ?? path;
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new FileReadError(`not a regular file`, { subject });
    if (info.size > maxBytes) throw new ExtractLimitError(`file is ${info.size} bytes, over the ${maxBytes}-byte limit`, { subject });
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof FileReadError || error instanceof ExtractLimitError) throw error;
    throw new FileReadError(`cannot read the file: ${(error as Error).message}`, { subject, cause: error });
  }
  return pageBytesToHtml(bytes, { maxBytes, subject });
}
