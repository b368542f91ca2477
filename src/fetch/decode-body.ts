/**
 * Bytes to text by media type: HTML through decodeHtml's WHATWG sniffing; XML through the
 * BOM, the HTTP charset and the `<?xml encoding=…?>` declaration; JSON and plain text through
 * the BOM and the HTTP charset. Anything else (PDF, images) has no text.
 */
import { TextDecoder } from 'node:util';
import { charsetFromContentType, decodeHtml } from './decode-html.js';

/** `text/html; charset=x` → `text/html`. */
export function mediaType(contentType: string | null | undefined): string | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  return type ? type : null;
}

export type TextKind = 'html' | 'xml' | 'json' | 'text';

export function textKindOf(type: string | null): TextKind | null {
  if (type === null) return null;
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type.endsWith('/xml') || type.endsWith('+xml')) return 'xml';
  if (type.endsWith('/json') || type.endsWith('+json')) return 'json';
  if (type.startsWith('text/')) return 'text';
  return null;
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

function decodeWith(label: string | undefined, bytes: Uint8Array): { text: string; encoding: string } {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return { text: decoder.decode(bytes), encoding: decoder.encoding };
}

function bodyKind(bytes: Uint8Array, contentType: string | null): TextKind | null {
  const kind = textKindOf(mediaType(contentType));
  return kind === null && contentType === null ? sniffKind(bytes) : kind;
}

/** Would decodeBody give text (without decoding)? */
export function hasText(bytes: Uint8Array, contentType: string | null): boolean {
  return bodyKind(bytes, contentType) !== null;
}

/** Decoded text, or null for a body with no text media type. A missing type is sniffed as HTML or XML. */
export function decodeBody(bytes: Uint8Array, contentType: string | null): { text: string; encoding: string } | null {
  const kind = bodyKind(bytes, contentType);
  if (kind === null) return null;
  if (kind === 'html') return decodeHtml(bytes, { contentType });
  const http = charsetFromContentType(contentType);
  if (kind === 'xml') {
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512)).toString('latin1');
    const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
    return decodeWith(bomEncoding(bytes) ?? http ?? declared, bytes);
  }
  return decodeWith(bomEncoding(bytes) ?? http, bytes);
}

function sniffKind(bytes: Uint8Array): TextKind | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512)).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('<?xml') || head.startsWith('<rss') || head.startsWith('<urlset') || head.startsWith('<feed')) return 'xml';
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  return null;
}
