/**
 * WARC 1.1 output through warcio: one gzipped `response` record per fetch (a `warcinfo`
 * record opens each file), in files that rotate after `maxBytes`. Each record is its own
 * gzip member, so a file cut short by a crash still reads up to the last whole record.
 * The body is stored as the fetcher decoded it (gzip/br removed), so Content-Encoding and
 * Content-Length are rewritten to match; the original values are kept as X-Marsad-Original-*.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { FetchResult } from '../fetch/types.js';
import type { WarcLocation } from '../store/store.js';

export interface WarcWriterOptions {
  dir: string;
  /** Start a new file once the current one reaches this size (default 1 GiB). */
  maxBytes?: number;
  /** File name prefix (default 'marsad'). */
  prefix?: string;
  /** Written into each file's warcinfo record. */
  software?: string;
}

const REASONS: Record<number, string> = { 200: 'OK', 203: 'Non-Authoritative Information', 206: 'Partial Content', 304: 'Not Modified', 404: 'Not Found', 410: 'Gone' };

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').replace(/\..*$/, '');
}

export class WarcWriter {
  private fd: number | null = null;
  private size = 0;
  private serial = 0;
  private readonly maxBytes: number;
  private readonly prefix: string;
  private readonly runId = `${stamp(new Date())}-${process.pid}`;
  /** Files written, in order. */
  readonly files: string[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: WarcWriterOptions) {
    this.maxBytes = options.maxBytes ?? 1024 * 1024 * 1024;
    this.prefix = options.prefix ?? 'marsad';
    mkdirSync(options.dir, { recursive: true });
  }

  /**
   * Appends one response record and says where it went (file, offset of its gzip member); calls
   * are serialized so records never interleave.
   */
  write(result: FetchResult): Promise<WarcLocation> {
    const next = this.queue.then(() => this.writeNow(result));
    this.queue = next.then(() => undefined, () => undefined);
    return next;
  }

  private async writeNow(result: FetchResult): Promise<WarcLocation> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(result.headers)) {
      if (name === 'content-encoding' || name === 'content-length' || name === 'transfer-encoding') headers[`x-marsad-original-${name}`] = value;
      else headers[name] = value;
    }
    headers['content-length'] = String(result.bytes.length);
    const record = WARCRecord.create(
      {
        url: result.finalUrl,
        date: result.fetchedAt,
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: `HTTP/1.1 ${result.status} ${REASONS[result.status] ?? ''}`.trimEnd(),
        httpHeaders: headers,
        warcHeaders: result.url !== result.finalUrl ? { 'WARC-Marsad-Requested-URL': result.url } : {},
      },
      [new Uint8Array(result.bytes)],
    );
    const bytes = await WARCSerializer.serialize(record, { gzip: true });
    return this.append(bytes);
  }

  private async append(bytes: Uint8Array): Promise<WarcLocation> {
    if (this.fd === null || this.size >= this.maxBytes) await this.rotate();
    const location = { file: this.files.at(-1)!, offset: this.size };
    writeSync(this.fd!, bytes);
    this.size += bytes.length;
    return location;
  }

  private async rotate(): Promise<void> {
    if (this.fd !== null) closeSync(this.fd);
    const name = `${this.prefix}-${this.runId}-${String(this.serial++).padStart(5, '0')}.warc.gz`;
    const path = join(this.options.dir, name);
    this.fd = openSync(path, 'a');
    this.size = 0;
    this.files.push(path);
    const info = WARCRecord.createWARCInfo(
      { filename: name, warcVersion: 'WARC/1.1' },
      { software: this.options.software ?? 'marsad', format: 'WARC File Format 1.1', 'conformsTo': 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/' },
    );
    const bytes = await WARCSerializer.serialize(info, { gzip: true });
    writeSync(this.fd, bytes);
    this.size += bytes.length;
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
