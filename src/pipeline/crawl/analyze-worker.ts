/**
 * Worker-thread entry for the crawler: says it is ready once the extractor is loaded, then
 * analyzes one page at a time and posts the result back.
 */
import { parentPort } from 'node:worker_threads';
import { analyzePage, type AnalyzeTask, type PageAnalysis } from './analyze-page.js';

export type WorkerMessage = { ready: true } | PageAnalysis;

const port = parentPort;
if (!port) throw new Error('analyze-worker.js runs only as a worker thread');
port.on('message', (task: AnalyzeTask) => {
  port.postMessage(analyzePage(task) satisfies WorkerMessage);
});
port.postMessage({ ready: true } satisfies WorkerMessage);
