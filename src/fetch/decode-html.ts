/**
 * Bytes to text for HTML: the WHATWG sniffing order (BOM, then the HTTP charset, then
 * <meta charset>/http-equiv in the first 1024 bytes) through encoding-sniffer, decoded by
 * the platform's TextDecoder, which knows windows-1256, ISO-8859-6 and the other legacy
 * encodings. With no declaration at all, UTF-8 is assumed (what nearly every page is today).
 */
import { TextDecoder } from 'node:util';
import { getEncoding } from 'encoding-sniffer';

export interface DecodedHtml {
  text: string;
  /** The WHATWG name of the encoding used, e.g. "utf-8", "windows-1256". */
  encoding: string;
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const match = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return match?.[1];
}

export function decodeHtml(bytes: Uint8Array, options: { contentType?: string | null } = {}): DecodedHtml {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const encoding = getEncoding(buffer, {
    transportLayerEncodingLabel: charsetFromContentType(options.contentType),
    defaultEncoding: 'utf-8',
  });
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  // Invalid sequences become U+FFFD rather than failing: a page with one bad byte is still a page.
  return { text: decoder.decode(buffer), encoding: decoder.encoding };
}
