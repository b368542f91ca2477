/**
 * A streaming WARC 1.0/1.1 reader (plain or .gz, one gzip member per record or one for the
 * whole file). Memory holds one record at most; the file is never loaded whole.
 *
 * Why not warcio's parser (installed, and used in tests as an independent writer): measured on
 * hostile files it drops the records of a truncated gzip without a word, lets a record whose
 * Content-Length is too long swallow the next record and then yields a headerless record, and
 * writes warnings to the console, which a library must not do. Here every record is framed
 * by its Content-Length and then checked against the boundary that must follow it; a record
 * whose length lies is re-framed at the real boundary and reported.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { MarsadError } from '../errors.js';

/** The file ends inside a record, or its gzip stream is cut: the records before it were read. */
export class WarcFormatError extends MarsadError {
  constructor(message: string, options: { subject?: string; cause?: unknown } = {}) {
    super('WARC_FORMAT', message, options);
  }
}

export interface WarcRecord {
  /** WARC header fields, names lower-cased. */
  headers: Map<string, string>;
  type: string;
  targetUri: string | null;
  date: string | null;
  /** The WARC header block as it was in the file (version line to the blank line included). */
  rawHeader: Buffer;
  /** The record block (for a response: the HTTP status line, headers and payload). */
  block: Buffer;
  /** What was wrong with the framing of this record, when something was (it was re-framed). */
  anomaly: string | null;
}

export interface WarcReadOptions {
  /** Records larger than this are skipped, not buffered (default 64 MB). */
  maxRecordBytes?: number;
  /** Called with the number of file bytes read so far (compressed bytes for .gz). */
  onBytes?: (bytesRead: number) => void;
  /** Called for each problem that did not stop the reading. */
  onAnomaly?: (message: string) => void;
}

const CRLF2 = Buffer.from('\r\n\r\n');
const NEXT_RECORD = /\r?\n\r?\nWARC\/1\.[01]\r?\n/;
const RECORD_START = /\nWARC\/1\.[01]\r?\n/;
const MAX_HEADER_BYTES = 64 * 1024;

/** A byte source with look-ahead over an async iterator of chunks. */
class ByteSource {
  private buf: Buffer = Buffer.alloc(0);
  private done = false;
  /** An error from the input (a cut gzip stream), raised once the bytes before it are used. */
  error: unknown = null;
  constructor(private readonly it: AsyncIterator<Buffer>) {}

  get available(): number {
    return this.buf.length;
  }

  /** True when the input has ended and everything was consumed. */
  get ended(): boolean {
    return this.done && this.buf.length === 0;
  }

  /** Reads until `n` bytes are buffered or the input ends. */
  async fill(n: number): Promise<void> {
    const parts: Buffer[] = [this.buf];
    let have = this.buf.length;
    while (have < n && !this.done) {
      let next: IteratorResult<Buffer>;
      try {
        next = await this.it.next();
      } catch (error) {
        this.error = error;
        this.done = true;
        break;
      }
      if (next.done) this.done = true;
      else {
        parts.push(next.value);
        have += next.value.length;
      }
    }
    if (parts.length > 1) this.buf = Buffer.concat(parts);
  }

  peek(n: number): Buffer {
    return this.buf.subarray(0, Math.min(n, this.buf.length));
  }

  take(n: number): Buffer {
    const out = Buffer.from(this.buf.subarray(0, n));
    this.buf = this.buf.subarray(n);
    return out;
  }

  skip(n: number): void {
    this.buf = this.buf.subarray(Math.min(n, this.buf.length));
  }

  /** The first match of a pattern in the buffered bytes (read as latin1), or index -1. */
  search(pattern: RegExp): { index: number; length: number } {
    const m = pattern.exec(this.buf.toString('latin1'));
    return m === null ? { index: -1, length: 0 } : { index: m.index, length: m[0].length };
  }
}

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  let last: string | null = null;
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (/^[ \t]/.test(line) && last !== null) {
      headers.set(last, `${headers.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  return headers;
}

/** File bytes, gunzipped when the file is gzip (one multi-member stream: Node reads concatenated members). */
async function* fileChunks(path: string, onBytes?: (n: number) => void): AsyncGenerator<Buffer> {
  let read = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const counted = (async function* (): AsyncGenerator<Buffer> {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      read += chunk.length;
      onBytes?.(read);
      yield chunk;
    }
  })();
  const first = await counted.next();
  if (first.done) return;
  if (!(first.value[0] === 0x1f && first.value[1] === 0x8b)) {
    yield first.value;
    yield* counted;
    return;
  }
  const gunzip = createGunzip();
  const feed = (async (): Promise<void> => {
    if (!gunzip.write(first.value)) await new Promise((r) => gunzip.once('drain', r));
    for await (const more of counted) {
      if (!gunzip.write(more)) await new Promise((r) => gunzip.once('drain', r));
    }
    gunzip.end();
  })();
  feed.catch((error: unknown) => gunzip.destroy(error as Error));
  try {
    for await (const plain of gunzip as AsyncIterable<Buffer>) yield plain;
  } catch (error) {
    throw new WarcFormatError(`the gzip stream is cut or damaged (${(error as Error).message}); the records before the damage were read`, { subject: path, cause: error });
  } finally {
    stream.destroy();
  }
}

/** Discards bytes up to the next WARC record; false when the input ended first. */
async function skipToNextRecord(src: ByteSource, window = 1 << 20): Promise<boolean> {
  for (;;) {
    await src.fill(window);
    const next = src.search(RECORD_START);
    if (next.index >= 0) {
      src.skip(next.index + 1);
      return true;
    }
    if (src.available < window) {
      src.skip(src.available);
      return false;
    }
    src.skip(src.available - 16);
  }
}

/** Reads the records of a WARC stream given as chunks of uncompressed bytes. */
export async function* readWarcChunks(chunks: AsyncIterable<Buffer>, options: WarcReadOptions = {}, subject?: string): AsyncGenerator<WarcRecord> {
  const maxRecord = options.maxRecordBytes ?? 64 * 1024 * 1024;
  const src = new ByteSource(chunks[Symbol.asyncIterator]());
  const note = (m: string): void => options.onAnomaly?.(m);
  for (;;) {
    // skip the blank lines between records
    await src.fill(MAX_HEADER_BYTES);
    const head = src.peek(MAX_HEADER_BYTES);
    let lead = 0;
    while (lead < head.length && (head[lead] === 0x0d || head[lead] === 0x0a)) lead++;
    src.skip(lead);
    await src.fill(MAX_HEADER_BYTES);
    if (src.ended) {
      if (src.error !== null) throw src.error;
      return;
    }
    if (!src.peek(5).toString('latin1').startsWith('WARC/')) {
      note('bytes that are not a WARC record were skipped');
      if (!(await skipToNextRecord(src))) {
        if (src.error !== null) throw src.error;
        return;
      }
      continue;
    }
    const end = src.peek(MAX_HEADER_BYTES).indexOf(CRLF2);
    if (end < 0) {
      if (src.available < MAX_HEADER_BYTES) throw src.error ?? new WarcFormatError('the file ends inside a WARC header', { subject });
      note('a WARC header longer than 64 KB was skipped');
      src.skip(5);
      if (!(await skipToNextRecord(src))) return;
      continue;
    }
    const rawHeader = src.take(end + 4);
    const headers = parseHeaders(rawHeader.toString('utf8'));
    const declared = Number(headers.get('content-length'));
    const record = (block: Buffer, anomaly: string | null): WarcRecord => ({
      headers,
      type: (headers.get('warc-type') ?? '').toLowerCase(),
      targetUri: headers.get('warc-target-uri')?.replace(/^<|>$/g, '') ?? null,
      date: headers.get('warc-date') ?? null,
      rawHeader,
      block,
      anomaly,
    });
    if (!Number.isInteger(declared) || declared < 0 || declared > maxRecord) {
      // an unreadable or oversized length: find the next record instead of trusting it
      note(declared > maxRecord ? `a ${declared}-byte record was skipped (limit ${maxRecord})` : 'a record without a valid Content-Length was skipped');
      if (!(await skipToNextRecord(src))) return;
      continue;
    }
    await src.fill(declared + 16);
    const after = src.peek(declared + 16).subarray(declared).toString('latin1');
    // a true length is followed by CRLF CRLF and the next record, or by the end of the input
    if (src.available >= declared && /^(\r?\n){0,2}$|^\r?\n\r?\n(\r?\n)*WARC\//.test(after)) {
      yield record(src.take(declared), null);
      continue;
    }
    // The declared length does not end at a record boundary: re-frame at the real one.
    await src.fill(declared + maxRecord);
    const real = src.search(NEXT_RECORD);
    if (real.index >= 0) {
      const anomaly = `Content-Length ${declared} is wrong; the record ends after ${real.index} bytes`;
      note(`${headers.get('warc-target-uri') ?? 'a record'}: ${anomaly}`);
      yield record(src.take(real.index), anomaly);
      continue;
    }
    if (src.available < declared) {
      if (src.error !== null) throw src.error;
      throw new WarcFormatError(`the file ends inside a record (${src.available} of ${declared} bytes)`, { subject });
    }
    const anomaly = `Content-Length ${declared} is not followed by a record boundary`;
    note(anomaly);
    yield record(src.take(declared), anomaly);
  }
}

/** Reads the records of a WARC or WARC.gz file. */
export function readWarcFile(path: string, options: WarcReadOptions = {}): AsyncGenerator<WarcRecord> {
  return readWarcChunks(fileChunks(path, options.onBytes), options, path);
}
