/**
 * Bytes to text for HTML. The order, and why:
 * 1. A byte-order mark decides (WHATWG).
 * 2. Bytes that read as UTF-8 are UTF-8, whatever the HTTP header or the page declares:
 *    legacy 8-bit text practically never forms well-formed multi-byte UTF-8, while pages
 *    that declare gb2312 or iso-8859-x and are in fact UTF-8 are common (browsers' sniffers
 *    and the peers try strict UTF-8 first for the same reason). A few stray bytes in an
 *    otherwise UTF-8 page do not make it windows-1252.
 * 3. The HTTP charset, then `<meta charset>` / http-equiv / the XML declaration, found by
 *    encoding-sniffer's WHATWG prescan — over the first 64 KiB rather than 1,024 bytes,
 *    because many pages put their meta charset after long scripts and styles.
 * 4. Nothing declared (or UTF-8 declared on bytes with no UTF-8 in them) and not UTF-8: windows-1256 when the high bytes come in long runs
 *    (whole words in an 8-bit script: Arabic first), else windows-1252, as browsers default.
 * The platform's TextDecoder does the decoding (it knows windows-1256, ISO-8859-6, GBK…).
 */
import { TextDecoder } from 'node:util';
import { getEncoding } from 'encoding-sniffer';
import { readsAsUtf8, utf8Census } from './utf8-census.js';

export interface DecodedHtml {
  text: string;
  /** The WHATWG name of the encoding used, e.g. "utf-8", "windows-1256". */
  encoding: string;
}

/**
 * Bytes that are not UTF-8 needed before a UTF-8 label is called a mislabel: one line of Arabic
 * in windows-1256 has dozens; an English page with a few stray bytes stays UTF-8 (U+FFFD for them).
 */
const MISLABEL_MIN_BYTES = 16;

/** How far into the page a charset declaration is looked for. */
const DECLARATION_WINDOW = 64 * 1024;

/** The charset parameter of a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const match = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return match?.[1];
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The declared encoding (HTTP charset, meta, XML declaration), or null when the page declares none. */
function declaredEncoding(buffer: Buffer, transport: string | undefined): string | null {
  const options = { transportLayerEncodingLabel: transport, maxBytes: DECLARATION_WINDOW };
  // The prescan answers its default when it finds nothing: two different defaults tell "declared" from "not".
  const a = getEncoding(buffer, { ...options, defaultEncoding: 'utf-8' });
  const b = getEncoding(buffer, { ...options, defaultEncoding: 'windows-1252' });
  return a === b ? a : null;
}

function decoderFor(encoding: string): TextDecoder {
  try {
    return new TextDecoder(encoding);
  } catch {
    return new TextDecoder('utf-8');
  }
}

export function decodeHtml(bytes: Uint8Array, options: { contentType?: string | null } = {}): DecodedHtml {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let encoding = bomEncoding(buffer);
  if (!encoding) {
    const census = utf8Census(buffer);
    if (readsAsUtf8(census)) encoding = 'utf-8';
    else {
      const declared = declaredEncoding(buffer, charsetFromContentType(options.contentType));
      // A UTF-16 label on bytes without a BOM is a mislabel (WHATWG treats it as UTF-8 too), and so
      // is a UTF-8 label on bytes with not one UTF-8 sequence in them: decoding them as UTF-8 would
      // turn every non-ASCII letter into U+FFFD, so they are read as an undeclared 8-bit page.
      const mislabelled = declared !== null && (/^utf-16/i.test(declared) || (/^utf-8$/i.test(declared) && census.multiByte === 0 && census.invalid >= MISLABEL_MIN_BYTES));
      if (declared && !mislabelled) encoding = declared;
      else if (census.high === 0) encoding = 'utf-8';
      else encoding = census.highRuns > census.high / 2 ? 'windows-1256' : 'windows-1252';
    }
  }
  const decoder = decoderFor(encoding);
  // Invalid sequences become U+FFFD rather than failing: a page with one bad byte is still a page.
  return { text: decoder.decode(buffer), encoding: decoder.encoding };
}
