/**
 * Scans many files on every core: the main thread and a pool of worker threads, each with its own parsers. The main
 * thread scans too (it has the rulebook loaded already; a worker more would load it once more). Every thread claims
 * the next file from one shared atomic cursor, so none waits for another to hand it work — not even while the main
 * thread is busy with a large file. Small scans stay on the main thread, where starting workers would cost more than
 * it saves. A command may start the pool early (`ScanWorkers.start`) and hand it the files as soon as they are listed
 * (`begin`), so the workers load the rulebook and start scanning while the main thread loads and checks its own.
 */
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { FileScan, HeaderLibrary, Rulebook, diskReader, relativePath, scanFile } from '../engine';
import { WorkerReady, WorkerRequest, WorkerResponse, WorkerSetup } from './worker-protocol';

export interface ParallelScanOptions {
  readonly rulebook: Rulebook;
  readonly setup: WorkerSetup;
  /** Threads that scan, the main thread included; 0 or 1 scans on the main thread only. Default: one per core. */
  readonly threads?: number;
  /** Workers started earlier with the same setup; the scan closes them when done. */
  readonly pool?: ScanWorkers;
  readonly onResult?: (result: FileScan, done: number, total: number) => void;
}

const MIN_FILES_FOR_WORKERS = 48;
/** Files per thread below which a worker more does not pay for loading its rulebook. */
const FILES_PER_WORKER = 16;

/**
 * A worker's young generation, where a scan's short-lived strings and facts live: V8's default lets it grow to 32 MB
 * of semi-spaces per thread, which a scan fills with garbage; 12 MB gives 8 MB (measured on vim: the same CPU time,
 * ~25 MB less memory per worker).
 */
const WORKER_YOUNG_MB = 12;

/** Whether a scan of this many files is worth starting workers for. */
export function worthWorkers(fileCount: number): boolean {
  return fileCount >= MIN_FILES_FOR_WORKERS;
}

/** The index of the next file no thread has claimed yet, or undefined when all are claimed. */
export function claimNext(cursor: Int32Array, count: number): number | undefined {
  const index = Atomics.add(cursor, 0, 1);
  return index < count ? index : undefined;
}

/**
 * The C headers one scan's thread has read: a rulebook is loaded once per scan and thread, so its library lives as
 * long as the scan and each header is parsed once per thread.
 */
const headerLibraries = new WeakMap<Rulebook, HeaderLibrary>();

function headersOf(rulebook: Rulebook): HeaderLibrary {
  let library = headerLibraries.get(rulebook);
  if (!library) {
    library = new HeaderLibrary(rulebook.root, diskReader, rulebook.config.limits);
    headerLibraries.set(rulebook, library);
  }
  return library;
}

/**
 * Scans one file; a failure is a note on that file, never the end of the whole scan. Afterwards the event loop
 * turns once: native syntax trees are freed by finalizers that Node runs only between turns of the event loop, so
 * a loop of files that only ever awaits promises would keep every tree it parsed (vim on one thread: 460 MB).
 */
export async function scanOrNote(rulebook: Rulebook, file: string): Promise<FileScan> {
  try {
    return await scanFile(rulebook, file, diskReader, headersOf(rulebook));
  } catch (err) {
    return { path: relativePath(rulebook.root, file), findings: [], skipped: { reason: 'unreadable', detail: `scan failed: ${(err as Error).message}` } };
  } finally {
    await yieldToEvents();
  }
}

/** One turn of the event loop: finalizers and worker messages run. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface PooledWorker {
  readonly worker: Worker;
  /** Settles with the worker's first message, once it has loaded its rulebook. */
  readonly ready: Promise<WorkerReady>;
}

/** Worker threads for a scan with `threads` scanning threads (the main thread is one). */
export function workersFor(threads: number = os.availableParallelism()): number {
  return Math.max(0, threads - 1);
}

/** A scan handed to the workers: the files, the shared cursor, and each worker's results until it is done. */
interface Started {
  readonly files: readonly string[];
  readonly cursor: Int32Array;
  readonly finished: readonly Promise<void>[];
}

export class ScanWorkers {
  private started?: Started;
  /** Results that arrive before `scan` says where they go. */
  private early: FileScan[] = [];
  private record?: (result: FileScan) => void;

  private constructor(private readonly workers: readonly PooledWorker[]) {}

  /** Starts `count` workers loading the rulebook now; none (undefined) for zero. */
  static start(setup: WorkerSetup, count = workersFor()): ScanWorkers | undefined {
    if (count <= 0) return undefined;
    return new ScanWorkers(
      Array.from({ length: count }, () => {
        const worker = new Worker(path.join(__dirname, 'scan-worker.js'), { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
        const ready = new Promise<WorkerReady>((resolve, reject) => {
          worker.once('message', (message: WorkerReady) => resolve(message));
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

  /**
   * Hands the files to the workers, which scan them as soon as their rulebook is loaded — possibly before the main
   * thread has loaded and checked its own. `scan` then checks that both loaded the same rulebook files.
   */
  begin(files: readonly string[]): void {
    if (this.started) throw new Error('this pool has already begun a scan');
    const cursor = new Int32Array(new SharedArrayBuffer(4));
    const take = (result: FileScan): void => (this.record ? this.record(result) : void this.early.push(result));
    const finished = this.workers.map(async ({ worker, ready }) => {
      await ready;
      await new Promise<void>((resolve, reject) => {
        let done = false;
        worker.on('message', (message: WorkerResponse) => {
          message.results.forEach(take);
          if (message.done) {
            done = true;
            resolve();
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (!done) reject(new Error(`scan worker exited with code ${code}`));
        });
      });
    });
    // A worker failing before `scan` is reported by `scan`; never as an unhandled rejection.
    for (const f of finished) f.catch(() => undefined);
    const request: WorkerRequest = { files, cursor: cursor.buffer };
    for (const { worker } of this.workers) worker.postMessage(request);
    this.started = { files, cursor, finished };
  }

  /** Scans the files on the workers and the main thread until all are scanned, then closes the pool. */
  async scan(files: readonly string[], rulebook: Rulebook, record: (result: FileScan) => void): Promise<void> {
    if (!this.started) this.begin(files);
    const { cursor, finished } = this.started!;
    if (this.started!.files !== files) throw new Error('the scan was begun with other files');
    this.record = record;
    this.early.splice(0).forEach(record);
    let failed = false;
    const onWorkers = this.workers.map(async ({ ready }, i) => {
      const { version } = await ready;
      if (version !== rulebook.config.version) throw new Error('the rulebook changed while the scan was starting; run the scan again');
      await finished[i];
    });
    const onMain = (async () => {
      for (let i = claimNext(cursor, files.length); i !== undefined && !failed; i = claimNext(cursor, files.length)) {
        record(await scanOrNote(rulebook, files[i]));
      }
    })();
    try {
      await Promise.all([
        ...onWorkers.map((onWorker) =>
          onWorker.catch((err: unknown) => {
            failed = true;
            throw err;
          }),
        ),
        onMain,
      ]);
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
  const wanted = Math.min(options.pool?.size ?? workersFor(options.threads), Math.ceil(files.length / FILES_PER_WORKER) - 1);
  if (wanted <= 0 || !worthWorkers(files.length)) {
    await options.pool?.close();
    for (const file of files) record(await scanOrNote(options.rulebook, file));
    return results;
  }
  const pool = options.pool ?? ScanWorkers.start(options.setup, wanted)!;
  await pool.scan(files, options.rulebook, record);
  return results;
}
