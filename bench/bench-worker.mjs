// Worker thread for `run-tool.mjs --jobs N`: holds its share of the pages and runs one pass
// over them each time the parent posts 'pass'.
import { parentPort, workerData } from 'node:worker_threads';
import { TOOLS, runPass } from './tools.mjs';

const extract = await TOOLS[workerData.tool].load();
parentPort.on('message', async () => {
  const { ms, outputs } = await runPass(extract, workerData.pages);
  parentPort.postMessage({ type: 'done', ms, outputs });
});
parentPort.postMessage({ type: 'ready' });
