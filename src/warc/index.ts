/** WARC 1.1 output: every fetched response, gzipped, in rotating files. */
export { WarcWriter, type WarcWriterOptions } from './warc-writer.js';
