/** Import: WARC/WARC.gz (HTML responses, extracted) and JSONL article records into the store. */
export { readWarcFile, readWarcChunks, WarcFormatError, type WarcRecord, type WarcReadOptions } from './warc-reader.js';
export { parseHttpResponse, type HttpResponse } from './http-response.js';
export { readWarcPages, keepBeforeExtraction, type WarcPage, type PageFilters, type SkipCounts } from './warc-pages.js';
export { readJsonlFile, toArticle, ImportRecordError, type JsonlLine } from './jsonl.js';
export { importFiles, importFormatOf, type ImportFormat, type ImportOptions, type ImportProgress } from './import-files.js';
export { readTextDumps, repairRecord } from './text-dump.js';
