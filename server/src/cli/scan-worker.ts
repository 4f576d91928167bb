/**
 * A worker thread of the parallel scan: loads the same rulebook as the main thread (without re-running examples),
 * then scans the batches of files it is sent and posts the results back.
 */
import { parentPort, workerData } from 'worker_threads';
import { FileScan, loadRulebook, scanFile } from '../engine';
import { WorkerRequest, WorkerResponse, WorkerSetup } from './worker-protocol';

async function main(): Promise<void> {
  const setup = workerData as WorkerSetup;
  const rulebook = await loadRulebook({ ...setup.load, checkExamples: false });
  const port = parentPort!;
  port.on('message', (request: WorkerRequest) => {
    void (async () => {
      const results: FileScan[] = [];
      for (const file of request.files) {
        try {
          results.push(await scanFile(rulebook, file));
        } catch (err) {
          results.push({ path: file, findings: [], skipped: { reason: 'unreadable', detail: `scan failed: ${(err as Error).message}` } });
        }
      }
      const response: WorkerResponse = { id: request.id, results };
      port.postMessage(response);
    })();
  });
  port.postMessage({ ready: true });
}

void main();
