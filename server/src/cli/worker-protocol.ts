/** Messages between the CLI's main thread and its scan workers. */
import { FileScan } from '../engine';

export interface WorkerSetup {
  readonly load: { rulebookFile?: string; root?: string; trustWorkspaceRules?: boolean };
}

export interface WorkerRequest {
  readonly id: number;
  readonly files: readonly string[];
}

export interface WorkerResponse {
  readonly id: number;
  readonly results: FileScan[];
}
