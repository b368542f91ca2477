/** Worker-thread entry for the crawler: analyzes one page at a time and posts the result back. */
import { parentPort } from 'node:worker_threads';
import { analyzePage, type AnalyzeTask } from './analyze-page.js';

const port = parentPort;
if (!port) throw new Error('analyze-worker.js runs only as a worker thread');
port.on('message', (task: AnalyzeTask) => {
  port.postMessage(analyzePage(task));
});
