/**
 * Rejects input that is not an HTML page before any parsing: empty, binary (PDF, images,
 * gzip, NUL bytes), or larger than the size cap. Cheap checks on the first bytes only.
 */
import { ExtractLimitError, NotHtmlError } from '../errors.js';

const SIGNATURES: [RegExp, string][] = [
  [/^%PDF-/, 'a PDF document'],
  // Binary signatures as they look after decoding: as Latin-1 bytes, or with the non-UTF-8
  // bytes turned into U+FFFD by a UTF-8 decoder.
  [/^(\x89|\ufffd)PNG/, 'a PNG image'],
  [/^GIF8[79]a/, 'a GIF image'],
  [/^\xff\xd8\xff/, 'a JPEG image'],
  [/^\ufffd{3}/, 'binary data (its first bytes are not text in any encoding; a JPEG image?)'],
  [/^\x1f(\x8b|\ufffd)/, 'gzip data (decompress it first, or give the file a .gz name)'],
  [/^PK\x03\x04/, 'a ZIP archive'],
  [/^RIFF....WEBP/s, 'a WebP image'],
];

export const DEFAULT_MAX_INPUT_CHARS = 50 * 1024 * 1024;

export function guardInput(html: string, options: { maxInputChars?: number; subject?: string }): void {
  const max = options.maxInputChars ?? DEFAULT_MAX_INPUT_CHARS;
  if (html.length > max) {
    throw new ExtractLimitError(`input is ${html.length} characters, over the ${max} limit; raise maxInputChars to accept it`, { subject: options.subject });
  }
  // An empty file (or only whitespace) is no page at all, as the README promises: NOT_HTML, not an empty record.
  if (html.trim().length === 0) throw new NotHtmlError('input is empty: there is no HTML to extract', { subject: options.subject });
  const head = html.slice(0, 1024);
  for (const [signature, what] of SIGNATURES) {
    if (signature.test(head)) throw new NotHtmlError(`input is ${what}, not an HTML page`, { subject: options.subject });
  }
  // Text pages have no NUL bytes; many control characters at the start mean binary data.
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) throw new NotHtmlError('input contains NUL bytes: binary data, not an HTML page', { subject: options.subject });
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  if (head.length > 0 && control / head.length > 0.1) {
    throw new NotHtmlError('input looks binary (many control characters), not an HTML page', { subject: options.subject });
  }
}
