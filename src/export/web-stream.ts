/**
 * An export as a web ReadableStream (what an HTTP response body is in hono and fetch), pulled by
 * the client: the exporters write to a Node Writable with backpressure (sink.ts), and this
 * adapter hands each chunk to the stream only as fast as the client reads it. Memory stays at
 * a few chunks whatever the export's size: nothing is buffered whole, Parquet included (its
 * writer flushes each row group).
 *
 * When the client goes away the stream is cancelled: the sink is destroyed, the exporter's next
 * write (or the wait for 'drain' it is in) fails, and the export stops reading the store.
 */
import { Writable } from 'node:stream';
import { exportCsv } from './csv.js';
import { exportJsonl } from './jsonl.js';
import { exportParquet } from './parquet.js';
import type { ExportRecord } from './sink.js';

export const WEB_EXPORT_FORMATS = ['jsonl', 'csv', 'parquet'] as const;
export type WebExportFormat = (typeof WEB_EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<WebExportFormat, string> = {
  jsonl: 'application/x-ndjson',
  csv: 'text/csv; charset=utf-8',
  parquet: 'application/vnd.apache.parquet',
};

/** Bytes the response may hold ahead of the client (the Writable holds as much again). */
const QUEUE_BYTES = 256 * 1024;

class ExportCancelled extends Error {
  constructor() {
    super('the export was cancelled: the client stopped reading');
  }
}

export interface WebExportOptions {
  /** Called with an error that ended the export early (the client sees a truncated body). */
  onError?: (error: unknown) => void;
}

/** Streams the records in one of the formats; the store is read only as the client reads. */
export function exportToWebStream(records: AsyncIterable<ExportRecord>, format: WebExportFormat, options: WebExportOptions = {}): ReadableStream<Uint8Array> {
  let sink: Writable;
  // the write the exporter is waiting on, released when the client pulls
  let release: (() => void) | null = null;
  const pulled = (): void => {
    const done = release;
    release = null;
    done?.();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        sink = new Writable({
          highWaterMark: 64 * 1024,
          write(chunk: Buffer, _encoding, callback) {
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            if ((controller.desiredSize ?? 0) > 0) callback();
            else release = () => callback();
          },
          final(callback) {
            controller.close();
            callback();
          },
        });
        // after a cancel, 'error' has no other listener when the exporter is not waiting on drain
        sink.on('error', () => {});
        // a write after a cancel must fail at once: a destroyed Writable would return false and never drain
        const write = sink.write.bind(sink) as (chunk: unknown) => boolean;
        sink.write = ((chunk: unknown) => {
          if (sink.destroyed) throw new ExportCancelled();
          return write(chunk);
        }) as Writable['write'];
        void run(records, format, sink).then(
          () => sink.end(),
          (error: unknown) => {
            if (error instanceof ExportCancelled || sink.destroyed) return;
            options.onError?.(error);
            controller.error(error);
          },
        );
      },
      pull() {
        pulled();
      },
      cancel() {
        sink.destroy(new ExportCancelled());
        pulled();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: QUEUE_BYTES }),
  );
}

async function run(records: AsyncIterable<ExportRecord>, format: WebExportFormat, sink: Writable): Promise<number> {
  switch (format) {
    case 'jsonl': return exportJsonl(records, sink);
    case 'csv': return exportCsv(records, sink);
    case 'parquet': return exportParquet(records, sink);
  }
}
