/** Messages between the CLI's main thread and its scan workers. */
import { FileScan } from '../engine';

export interface WorkerSetup {
  readonly load: { rulebookFile?: string; root?: string; trustWorkspaceRules?: boolean };
}

/** A worker's first message: its rulebook is loaded, from files whose hash is `version`. */
export interface WorkerReady {
  readonly ready: true;
  readonly version: string;
}

/**
 * The scan: every file, and a shared cursor (one Int32) that each thread advances atomically to claim the next file,
 * so no thread waits for another to hand it work.
 */
export interface WorkerRequest {
  readonly files: readonly string[];
  readonly cursor: SharedArrayBuffer;
}

/** Results so far, sent every few files; `done` with the last ones, when no file is left to claim. */
export interface WorkerResponse {
  readonly results: FileScan[];
  readonly done: boolean;
}
