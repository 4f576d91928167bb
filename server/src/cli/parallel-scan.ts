/**
 * Scans many files on every core: a pool of worker threads, each with its own parsers, fed small batches so a
 * large file on one worker does not hold the others back. Small scans stay on the main thread, where starting
 * workers would cost more than it saves.
 */
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { FileScan, Rulebook, scanFile } from '../engine';
import { WorkerRequest, WorkerResponse, WorkerSetup } from './worker-protocol';

export interface ParallelScanOptions {
  readonly rulebook: Rulebook;
  readonly setup: WorkerSetup;
  /** Number of worker threads; 0 or 1 scans on the main thread. Default: the number of cores. */
  readonly workers?: number;
  readonly onResult?: (result: FileScan, done: number, total: number) => void;
}

const BATCH = 16;
const MIN_FILES_FOR_WORKERS = 48;

export async function scanInParallel(files: readonly string[], options: ParallelScanOptions): Promise<FileScan[]> {
  const workers = Math.min(options.workers ?? os.availableParallelism(), Math.ceil(files.length / BATCH));
  const results: FileScan[] = [];
  let done = 0;
  const record = (result: FileScan): void => {
    results.push(result);
    done++;
    options.onResult?.(result, done, files.length);
  };
  if (workers <= 1 || files.length < MIN_FILES_FOR_WORKERS) {
    for (const file of files) record(await scanFile(options.rulebook, file));
    return results;
  }
  let next = 0;
  let batchId = 0;
  await Promise.all(
    Array.from({ length: workers }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(path.join(__dirname, 'scan-worker.js'), { workerData: options.setup });
        const feed = (): void => {
          if (next >= files.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const request: WorkerRequest = { id: batchId++, files: files.slice(next, next + BATCH) };
          next += BATCH;
          worker.postMessage(request);
        };
        worker.on('message', (message: WorkerResponse | { ready: true }) => {
          if ('results' in message) message.results.forEach(record);
          feed();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0 && next < files.length) reject(new Error(`scan worker exited with code ${code}`));
        });
      }),
    ),
  );
  return results;
}
