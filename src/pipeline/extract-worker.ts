/**
 * Worker-thread entry: says `ready` once its modules are loaded (so the pool's per-page
 * deadline never counts start-up time), then runs page tasks one at a time.
 */
import { parentPort } from 'node:worker_threads';
import { runPageTask, type PageTask } from './extract-page.js';

const port = parentPort;
if (!port) throw new Error('extract-worker.js runs only as a worker thread');
port.on('message', (task: PageTask) => {
  void runPageTask(task).then((result) => port.postMessage(result));
});
port.postMessage('ready');
