/**
 * The language server's document workers, seen from the main thread. Scans run in worker threads in lanes: small
 * documents in one, large ones (a generated table, a bundled file) in another, so a large file being scanned never
 * delays a small file's diagnostics; a workspace scan gets a lane of its own, whose worker ends with the scan (its
 * memory with it). A document stays in its lane while it keeps its size class, so the worker keeps its tree for
 * incremental scans. A job can be cancelled (a newer version is waiting); a worker that dies is started again and
 * its documents are scanned from scratch.
 */
import * as path from 'path';
import { Worker } from 'worker_threads';
import { FileScan, Finding, builtinRulesDirectory, precompiledRulesFile } from '../engine';
import { grammarDirectoryInUse } from '../engine/grammars';
import { DocumentWorkerSetup, FromDocumentWorker, RulebookRef, ScanDocumentJob, ToDocumentWorker } from './document-worker-protocol';
import { decodeFindings } from './findings-delta';
import type { CallFix } from './fixes/c-bounded-calls';
import type { RulebookSource } from './rulebook-source';

/** Documents at least this large (in UTF-16 units) are scanned in the large-document lane. */
export const LARGE_DOCUMENT = 256 * 1024;

export type Lane = 'small' | 'large' | 'bulk';

/** A worker's answer to a scan, its findings decoded. */
export type ScanReply =
  | (Omit<Extract<FromDocumentWorker, { type: 'scanned' }>, 'findings'> & { readonly findings: Finding[] })
  | Extract<FromDocumentWorker, { type: 'stopped' | 'failed' }>;

type Reply = Exclude<FromDocumentWorker, { type: 'scanned' }> | Extract<ScanReply, { type: 'scanned' }>;

interface Pending {
  readonly resolve: (reply: Reply) => void;
  readonly uri?: string;
}

/** One worker thread and the jobs it has not answered yet. */
class LaneWorker {
  private worker?: Worker;
  private readonly cancel = new SharedArrayBuffer(4);
  private readonly pending = new Map<number, Pending>();
  /** Rulebooks sent to this worker (by id): later jobs send only the id. */
  private readonly rulebooks = new Set<string>();
  /** Documents this worker holds. */
  readonly documents = new Set<string>();
  /** The findings this worker sent last for each document: what its next list is encoded against. */
  private readonly received = new Map<string, Finding[]>();

  constructor(
    private readonly script: string,
    private readonly onCrash: (lane: LaneWorker, message: string) => void,
  ) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const setup: DocumentWorkerSetup = { grammarDirectory: grammarDirectoryInUse(), builtinRulesDirectory: builtinRulesDirectory(), precompiledRules: precompiledRulesFile(), cancel: this.cancel };
    const worker = new Worker(this.script, { workerData: setup });
    worker.on('message', (message: FromDocumentWorker) => {
      // Decoded in the order sent, answered or not: the worker encodes its next list against this one.
      const reply = message.type === 'scanned' ? this.decoded(message) : message;
      const pending = this.pending.get(reply.job);
      this.pending.delete(reply.job);
      pending?.resolve(reply);
    });
    const died = (message: string): void => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.rulebooks.clear();
      this.documents.clear();
      this.received.clear();
      const pending = [...this.pending];
      this.pending.clear();
      for (const [job, p] of pending) p.resolve({ type: 'failed', job, message });
      this.onCrash(this, message);
    };
    worker.on('error', (err) => died(`the scan worker failed: ${err.stack ?? err.message}`));
    worker.on('exit', (code) => died(`the scan worker exited (code ${code})`));
    this.worker = worker;
    return worker;
  }

  private decoded(message: Extract<FromDocumentWorker, { type: 'scanned' }>): Reply {
    try {
      const findings = decodeFindings(this.received.get(message.uri), message.findings);
      this.received.set(message.uri, findings);
      return { ...message, findings };
    } catch (err) {
      // Out of step with the worker (never expected): both sides forget the document and start it afresh.
      this.forget(message.uri);
      return { type: 'failed', job: message.job, message: (err as Error).message };
    }
  }

  /** The worker forgets a document: so does the list its next findings would be encoded against. */
  forget(uri: string): void {
    this.documents.delete(uri);
    this.received.delete(uri);
    this.send({ type: 'close', uri });
  }

  /** Starts the thread now (it loads the engine in the meantime), so the first scan does not wait for that. */
  warm(): void {
    this.start();
  }

  rulebookRef(source: RulebookSource): RulebookRef {
    if (this.rulebooks.has(source.id)) return { id: source.id };
    this.rulebooks.add(source.id);
    return { source };
  }

  /** Sends a job and waits for its answer. */
  request(message: ToDocumentWorker & { job: number }, uri?: string): Promise<Reply> {
    const worker = this.start();
    return new Promise((resolve) => {
      this.pending.set(message.job, { resolve, uri });
      worker.postMessage(message);
    });
  }

  send(message: ToDocumentWorker): void {
    this.worker?.postMessage(message);
  }

  /** Asks the worker to stop `job` at its next check. */
  stop(job: number): void {
    Atomics.store(new Int32Array(this.cancel), 0, job);
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  get running(): boolean {
    return this.worker !== undefined;
  }

  async terminate(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.rulebooks.clear();
    this.documents.clear();
    this.received.clear();
    await worker?.terminate();
  }
}

/** A document to scan: the worker's job without its wire details (the job number, the rulebook sent by id). */
export type DocumentScan = Omit<ScanDocumentJob, 'type' | 'job' | 'rulebook'> & { readonly rulebook: RulebookSource };

export class DocumentWorkers {
  private nextJob = 1;
  private readonly lanes = new Map<Lane, LaneWorker>();
  /** The lane holding each document's tree. */
  private readonly laneOf = new Map<string, Lane>();
  /** The job of each document's scan in flight. */
  private readonly inFlight = new Map<string, { lane: LaneWorker; job: number }>();

  constructor(
    private readonly log: (message: string) => void,
    private readonly script = path.join(__dirname, 'document-worker.js'),
  ) {}

  private lane(name: Lane): LaneWorker {
    let lane = this.lanes.get(name);
    if (!lane) {
      lane = new LaneWorker(this.script, (crashed, message) => {
        this.log(message);
        for (const [uri, l] of this.laneOf) if (this.lanes.get(l) === crashed) this.laneOf.delete(uri);
      });
      this.lanes.set(name, lane);
    }
    return lane;
  }

  /**
   * Scans a document's text in its lane. The edits are those since the last text sent for it; when the document
   * changes lane (it grew large, or its worker was restarted) the new lane starts from scratch.
   */
  async scan(request: DocumentScan): Promise<ScanReply> {
    const name: Lane = request.text.length >= LARGE_DOCUMENT ? 'large' : 'small';
    const previous = this.laneOf.get(request.uri);
    if (previous && previous !== name) this.lanes.get(previous)?.forget(request.uri);
    const lane = this.lane(name);
    const fresh = previous !== name || !lane.documents.has(request.uri);
    this.laneOf.set(request.uri, name);
    lane.documents.add(request.uri);
    const job = this.nextJob++;
    this.inFlight.set(request.uri, { lane, job });
    try {
      const reply = await lane.request(
        {
          type: 'scan',
          job,
          uri: request.uri,
          version: request.version,
          path: request.path,
          languageId: request.languageId,
          text: request.text,
          // A worker without the document's earlier text cannot use the edits: it parses the text whole.
          edits: fresh ? [] : request.edits,
          rulebook: lane.rulebookRef(request.rulebook),
          ruleIds: request.ruleIds,
          budgetMs: request.budgetMs,
        },
        request.uri,
      );
      return reply as ScanReply;
    } finally {
      if (this.inFlight.get(request.uri)?.job === job) this.inFlight.delete(request.uri);
    }
  }

  /** Starts the small-document lane's worker ahead of the first document. */
  warm(): void {
    this.lane('small').warm();
  }

  /** Stops the document's scan in flight, if any (its result would be for an old version). */
  cancel(uri: string): void {
    const running = this.inFlight.get(uri);
    running?.lane.stop(running.job);
  }

  /** A quick fix computed on the document's kept tree, if that tree is of `version`. */
  async fix(uri: string, version: number, start: number, end: number): Promise<CallFix | undefined> {
    const name = this.laneOf.get(uri);
    const lane = name && this.lanes.get(name);
    if (!lane?.running) return undefined;
    const reply = await lane.request({ type: 'fix', job: this.nextJob++, uri, version, start, end });
    return reply.type === 'fixed' ? reply.fix : undefined;
  }

  close(uri: string): void {
    const name = this.laneOf.get(uri);
    this.laneOf.delete(uri);
    const lane = name && this.lanes.get(name);
    if (!lane) return;
    lane.forget(uri);
  }

  /** Scans a closed file in the bulk lane (a workspace scan). */
  async scanFile(file: string, rulebook: RulebookSource): Promise<FileScan> {
    const lane = this.lane('bulk');
    const reply = await lane.request({ type: 'scan-file', job: this.nextJob++, file, rulebook: lane.rulebookRef(rulebook) });
    if (reply.type === 'file-scanned') return reply.scan;
    const message = reply.type === 'failed' ? reply.message : 'no result';
    return { path: file, findings: [], skipped: { reason: 'unreadable', detail: `scan failed: ${message.split('\n')[0]}` } };
  }

  /** Ends the bulk lane's worker (after a workspace scan), releasing its memory. */
  async endBulk(): Promise<void> {
    const lane = this.lanes.get('bulk');
    if (lane && !lane.busy) await lane.terminate();
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.lanes.values()].map((lane) => lane.terminate()));
    this.lanes.clear();
    this.laneOf.clear();
  }
}
