/**
 * Worker-thread entry for the crawler: says it is ready once the extractor is loaded, then
 * analyzes one page (or parses one sitemap) at a time and posts the result back.
 */
import { parentPort } from 'node:worker_threads';
import type { ParsedSitemap } from '../../discover/sitemap.js';
import { analyzePage, readSitemap, type AnalyzeTask, type PageAnalysis, type SitemapTask } from './analyze-page.js';

export type WorkerMessage = { ready: true } | PageAnalysis | ParsedSitemap;

const port = parentPort;
if (!port) throw new Error('analyze-worker.js runs only as a worker thread');
port.on('message', (task: AnalyzeTask | SitemapTask) => {
  port.postMessage(('sitemap' in task ? readSitemap(task) : analyzePage(task)) satisfies WorkerMessage);
});
port.postMessage({ ready: true } satisfies WorkerMessage);
