/**
 * Page bytes to HTML text: gunzip when the bytes are gzip (whatever the file is called),
 * with a cap on the inflated size so a decompression bomb stops at the cap instead of
 * filling memory, then charset sniffing (BOM, meta, windows-1256…) through decodeHtml.
 */
import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { decodeHtml, type DecodedHtml } from '../fetch/decode-html.js';
import { DEFAULT_MAX_PAGE_BYTES } from './extract-options.js';
import { DecompressionLimitError, ExtractLimitError, FileReadError, NotHtmlError } from '../errors.js';


export interface ReadPageOptions {
  /** Largest page in bytes, before and after decompression (default 50 MiB). */
  maxBytes?: number;
  /** The file or URL, for error messages. */
  subject?: string;
}

/**
 * Formats that are certainly not HTML, told by their first bytes. Checked on the bytes
 * because decoding first would turn most of these signatures into U+FFFD.
 */
const BINARY_SIGNATURES: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an Office document)'],
  [[0x42, 0x5a, 0x68], 'bzip2 data'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz data'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd data'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable (ELF)'],
];

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

/** Throws NotHtmlError for bytes with a known binary signature (RIFF…WEBP included). */
export function refuseBinary(bytes: Uint8Array, subject: string | undefined): void {
  for (const [signature, what] of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature)) throw new NotHtmlError(`input is ${what}, not an HTML page`, { subject });
  }
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    throw new NotHtmlError('input is a WebP image, not an HTML page', { subject });
  }
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
  refuseBinary(plain, options.subject);
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
