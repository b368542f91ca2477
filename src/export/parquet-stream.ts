/**
 * A hyparquet-writer Writer that hands its bytes to a Node stream in chunks of at most
 * CHUNK_BYTES. The library's ByteWriter keeps one growing buffer (doubling and copying) until
 * it is flushed, which happens once per row group: a row group, then the footer, each became one
 * buffer of their whole size plus a copy. Here a full chunk is set aside as soon as it fills, and
 * `flush` (called by the library after each row group, awaited before it encodes the next) writes
 * the chunks with backpressure.
 */
import type { Writable } from 'node:stream';
import { ByteWriter } from 'hyparquet-writer';
import { writeChunk } from './sink.js';

const CHUNK_BYTES = 1 << 20;

export type StreamWriter = ByteWriter & { flush: () => Promise<void> };

export function parquetStreamWriter(stream: Writable): StreamWriter {
  const writer = new ByteWriter(CHUNK_BYTES) as StreamWriter;
  const ready: Uint8Array[] = [];
  // `offset` (bytes written in all, used for file offsets) keeps counting; only `index` restarts.
  const setAside = (): void => {
    if (writer.index === 0) return;
    ready.push(new Uint8Array(writer.buffer, 0, writer.index).slice());
    writer.index = 0;
  };
  const grow = writer.ensure.bind(writer);
  writer.ensure = (size: number): void => {
    if (writer.index + size > writer.buffer.byteLength) setAside();
    // a single value larger than a chunk still fits: the library's own growth handles it
    grow(size);
  };
  const drain = async (): Promise<void> => {
    setAside();
    while (ready.length > 0) await writeChunk(stream, ready.shift()!);
  };
  writer.flush = drain;
  writer.finish = drain;
  return writer;
}
