/**
 * The HTTP message inside a WARC response record: status, headers and the payload, de-chunked
 * and decompressed when the archive kept the transfer or content encoding.
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

export interface HttpResponse {
  status: number;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

/** Undoes chunked transfer encoding; returns null when the bytes are not chunked after all. */
function dechunk(body: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', pos);
    if (eol < 0) return null;
    const size = parseInt(body.toString('latin1', pos, eol).split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size < 0) return null;
    if (size === 0) return Buffer.concat(parts);
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    pos = eol + 2 + size + 2;
    if (pos > body.length) return Buffer.concat(parts); // truncated: keep what arrived
  }
}

/** Decompresses a payload the archive stored encoded; leaves it as it is when it was stored decoded. */
function decode(body: Buffer, encoding: string, maxBytes: number): Buffer {
  const opts = { maxOutputLength: maxBytes };
  try {
    if (/gzip/.test(encoding) && body[0] === 0x1f && body[1] === 0x8b) return gunzipSync(body, opts);
    if (/deflate/.test(encoding)) return inflateSync(body, opts);
    if (/\bbr\b/.test(encoding)) return brotliDecompressSync(body, opts);
  } catch {
    // stored decoded despite the header (Common Crawl does this), or damaged: keep the bytes
  }
  return body;
}

/** Parses an HTTP response block; null when it is not one. */
export function parseHttpResponse(block: Buffer, options: { maxBodyBytes?: number } = {}): HttpResponse | null {
  const end = block.indexOf('\r\n\r\n');
  const headEnd = end >= 0 ? end : block.indexOf('\n\n');
  if (headEnd < 0) return null;
  const lines = block.toString('latin1', 0, headEnd).split(/\r?\n/);
  const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(lines[0] ?? '');
  if (m === null) return null;
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  let body = block.subarray(headEnd + (end >= 0 ? 4 : 2));
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body) ?? body;
  const encoding = (headers['content-encoding'] ?? '').toLowerCase();
  if (encoding && encoding !== 'identity') body = decode(body, encoding, options.maxBodyBytes ?? 50 * 1024 * 1024);
  return { status: Number(m[1]), headers, body: Buffer.from(body) };
}
