/** Worker-thread entry: runs page tasks one at a time and posts each result back. */
import { parentPort } from 'node:worker_threads';
import { runPageTask, type PageTask } from './extract-page.js';

const port = parentPort;
if (!port) throw new Error('extract-worker.js runs only as a worker thread');
port.on('message', (task: PageTask) => {
  void runPageTask(task).then((result) => port.postMessage(result));
});
