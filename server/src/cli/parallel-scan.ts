/**
 * Scans many files on every core: a pool of worker threads, each with its own parsers, fed small batches so a
 * large file on one worker does not hold the others back. Small scans stay on the main thread, where starting
 * workers would cost more than it saves. A command may start the pool early (`ScanWorkers.start`), so the workers
 * load the rulebook while the main thread loads and checks it and lists the files.
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
  /** Workers started earlier with the same setup; the scan closes them when done. */
  readonly pool?: ScanWorkers;
  readonly onResult?: (result: FileScan, done: number, total: number) => void;
}

const BATCH = 16;
const MIN_FILES_FOR_WORKERS = 48;

interface PooledWorker {
  readonly worker: Worker;
  /** Settles once the worker has loaded its rulebook (its first message). */
  readonly ready: Promise<void>;
}

export class ScanWorkers {
  private constructor(private readonly workers: readonly PooledWorker[]) {}

  /** Starts `count` workers loading the rulebook now; none (undefined) for fewer than two. */
  static start(setup: WorkerSetup, count = os.availableParallelism()): ScanWorkers | undefined {
    if (count <= 1) return undefined;
    return new ScanWorkers(
      Array.from({ length: count }, () => {
        const worker = new Worker(path.join(__dirname, 'scan-worker.js'), { workerData: setup });
        const ready = new Promise<void>((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', reject);
        });
        // A worker that fails before the scan is reported by the scan; never as an unhandled rejection.
        ready.catch(() => undefined);
        return { worker, ready };
      }),
    );
  }

  get size(): number {
    return this.workers.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  /** Feeds the files to every worker in batches until all are scanned, then closes the pool. */
  async scan(files: readonly string[], record: (result: FileScan) => void): Promise<void> {
    let next = 0;
    let batchId = 0;
    try {
      await Promise.all(
        this.workers.map(async ({ worker, ready }) => {
          await ready;
          await new Promise<void>((resolve, reject) => {
            const feed = (): void => {
              if (next >= files.length) return resolve();
              const request: WorkerRequest = { id: batchId++, files: files.slice(next, next + BATCH) };
              next += BATCH;
              worker.postMessage(request);
            };
            worker.on('message', (message: WorkerResponse) => {
              message.results.forEach(record);
              feed();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0 && next < files.length) reject(new Error(`scan worker exited with code ${code}`));
            });
            feed();
          });
        }),
      );
    } finally {
      await this.close();
    }
  }
}

export async function scanInParallel(files: readonly string[], options: ParallelScanOptions): Promise<FileScan[]> {
  const results: FileScan[] = [];
  let done = 0;
  const record = (result: FileScan): void => {
    results.push(result);
    done++;
    options.onResult?.(result, done, files.length);
  };
  const wanted = Math.min(options.pool?.size ?? options.workers ?? os.availableParallelism(), Math.ceil(files.length / BATCH));
  if (wanted <= 1 || files.length < MIN_FILES_FOR_WORKERS) {
    await options.pool?.close();
    for (const file of files) record(await scanFile(options.rulebook, file));
    return results;
  }
  const pool = options.pool ?? ScanWorkers.start(options.setup, wanted)!;
  await pool.scan(files, record);
  return results;
}
