/** Export: article records to JSONL, CSV, Parquet, Markdown files and seed-style text, streamed. */
export { writeChunk, wellFormed, type ExportRecord, type Revision } from './sink.js';
export { exportJsonl } from './jsonl.js';
export { exportCsv, csvRow, csvCell, CSV_COLUMNS, type CsvExportOptions } from './csv.js';
export { exportParquet, PARQUET_COLUMNS, type ParquetExportOptions } from './parquet.js';
export { exportMarkdown, frontMatter, markdownFileName } from './markdown.js';
export { exportText } from './text.js';
export { selectArticles, type SelectArticlesOptions } from './select.js';
export { exportToWebStream, EXPORT_CONTENT_TYPES, WEB_EXPORT_FORMATS, type WebExportFormat, type WebExportOptions } from './web-stream.js';
