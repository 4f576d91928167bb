/**
 * A worker thread of the parallel scan: loads the same rulebook as the main thread (without re-running examples or
 * the schema check the main thread makes), then claims files from the shared cursor and scans them until none is
 * left, posting the results back every few files.
 */
import { parentPort, workerData } from 'worker_threads';
import { FileScan, loadRulebook } from '../engine';
import { preferParsers } from '../engine/grammars';
import { claimNext, scanOrNote } from './parallel-scan';
import { cliParsers } from './parser-choice';
import { WorkerReady, WorkerRequest, WorkerResponse, WorkerSetup } from './worker-protocol';

/** Results are posted in groups this large: fewer messages, and the progress bar still moves. */
const REPORT_EVERY = 16;

async function main(): Promise<void> {
  const setup = workerData as WorkerSetup;
  // The same backend as the main thread: workers see its environment.
  preferParsers(cliParsers());
  const rulebook = await loadRulebook({ ...setup.load, checkExamples: false, validated: true });
  const port = parentPort!;
  port.once('message', (request: WorkerRequest) => {
    void (async () => {
      const cursor = new Int32Array(request.cursor);
      let results: FileScan[] = [];
      for (let i = claimNext(cursor, request.files.length); i !== undefined; i = claimNext(cursor, request.files.length)) {
        results.push(await scanOrNote(rulebook, request.files[i]));
        if (results.length >= REPORT_EVERY) {
          const response: WorkerResponse = { results, done: false };
          port.postMessage(response);
          results = [];
        }
      }
      const last: WorkerResponse = { results, done: true };
      port.postMessage(last);
    })();
  });
  const ready: WorkerReady = { ready: true, version: rulebook.config.version };
  port.postMessage(ready);
}

void main();
