/**
 * A document worker of the language server: it keeps the syntax tree and facts of the documents the main thread
 * sends it and scans them, incrementally, edit after edit; and it scans closed files for a workspace scan. The main
 * thread never scans, so a large file being scanned here never holds up a hover, a code action or the diagnostics
 * of a document in another worker. A scan stops when the main thread asks (a newer version is waiting) or when it
 * goes over its time budget.
 */
import { parentPort, workerData } from 'worker_threads';
import {
  Finding,
  IncrementalDocument,
  KEPT_FACTS_LIMIT,
  LanguageId,
  Rulebook,
  ScanStopped,
  budgetOf,
  configureBuiltinRulesDirectory,
  configureGrammarDirectory,
  loadRulebook,
  scanFile,
} from '../engine';
import { DocumentWorkerSetup, FromDocumentWorker, RulebookRef, ScanDocumentJob, ToDocumentWorker } from './document-worker-protocol';
import { encodeFindings } from './findings-delta';
import { boundedCallFix } from './fixes/c-bounded-calls';
import { sourceReader } from './rulebook-source';

/** Trees kept at most per worker: the most recently scanned documents keep theirs, the others parse afresh. */
export const MAX_KEPT_TREES = 24;

const setup = workerData as DocumentWorkerSetup;
if (setup.grammarDirectory) configureGrammarDirectory(setup.grammarDirectory);
configureBuiltinRulesDirectory(setup.builtinRulesDirectory, setup.precompiledRules);
const cancel = new Int32Array(setup.cancel);
const port = parentPort!;

const rulebooks = new Map<string, Promise<Rulebook>>();

function rulebookOf(ref: RulebookRef): Promise<Rulebook> {
  const id = 'id' in ref ? ref.id : ref.source.id;
  let loaded = rulebooks.get(id);
  if (!loaded) {
    if (!('source' in ref)) return Promise.reject(new Error(`rulebook ${id} was never sent to this worker`));
    const { key } = ref.source;
    // The main thread checked the schema and ran the examples when it loaded the same files.
    loaded = loadRulebook({ rulebookFile: key.file, root: key.root, reader: sourceReader(ref.source), trustWorkspaceRules: key.trusted, checkExamples: false, validated: true });
    rulebooks.set(id, loaded);
  }
  return loaded;
}

interface Held {
  readonly doc: IncrementalDocument;
  /** The version of the last scan that finished (the kept tree's). */
  version?: number;
}

const documents = new Map<string, Held>();
/** The findings last sent for each document: the next scan's are sent as a change against them. */
const sent = new Map<string, Finding[]>();
/** Documents with a kept tree, least recently scanned first. */
const withTrees: string[] = [];

function keepTree(uri: string): void {
  const at = withTrees.indexOf(uri);
  if (at >= 0) withTrees.splice(at, 1);
  withTrees.push(uri);
  while (withTrees.length > MAX_KEPT_TREES) documents.get(withTrees.shift()!)?.doc.releaseTree();
}

function held(uri: string, path: string, languageId: LanguageId): Held {
  const known = documents.get(uri);
  if (known && known.doc.path === path && known.doc.languageId === languageId) return known;
  known?.doc.dispose();
  const fresh: Held = { doc: new IncrementalDocument(path, languageId) };
  documents.set(uri, fresh);
  return fresh;
}

function post(message: FromDocumentWorker): void {
  port.postMessage(message);
}

async function scanDocument(job: ScanDocumentJob): Promise<FromDocumentWorker> {
  const entry = held(job.uri, job.path, job.languageId);
  for (const edit of job.edits) entry.doc.edit(edit);
  const rulebook = await rulebookOf(job.rulebook);
  const wanted = new Set(job.ruleIds);
  const rules = rulebook.rulesFor(job.path, job.languageId).filter((rule) => wanted.has(rule.compiled.rule.id));
  const stop = (): boolean => Atomics.load(cancel, 0) === job.job;
  try {
    const result = await entry.doc.scan(rules, job.text, () => budgetOf(job.budgetMs, stop));
    entry.version = job.version;
    keepTree(job.uri);
    const findings = encodeFindings(sent.get(job.uri), result.findings, result.carried);
    // A large document is parsed afresh at each edit: copying its findings whole is cheap beside that, and keeping
    // them here too would double what it costs to have it open.
    if (job.text.length <= KEPT_FACTS_LIMIT) sent.set(job.uri, result.findings);
    else sent.delete(job.uri);
    return { type: 'scanned', job: job.job, uri: job.uri, findings, failures: result.failures, partialParse: result.partialParse };
  } catch (err) {
    entry.version = undefined;
    if (err instanceof ScanStopped) return { type: 'stopped', job: job.job, reason: err.reason };
    throw err;
  }
}

async function handle(message: ToDocumentWorker): Promise<FromDocumentWorker | undefined> {
  switch (message.type) {
    case 'scan':
      return scanDocument(message);
    case 'scan-file': {
      const rulebook = await rulebookOf(message.rulebook);
      return { type: 'file-scanned', job: message.job, scan: await scanFile(rulebook, message.file) };
    }
    case 'fix': {
      const entry = documents.get(message.uri);
      const tree = entry?.version === message.version ? entry.doc.currentTree : undefined;
      return { type: 'fixed', job: message.job, fix: tree ? boundedCallFix(tree, entry!.doc.languageId, message.start, message.end) : undefined };
    }
    case 'close': {
      documents.get(message.uri)?.doc.dispose();
      documents.delete(message.uri);
      sent.delete(message.uri);
      const at = withTrees.indexOf(message.uri);
      if (at >= 0) withTrees.splice(at, 1);
      return undefined;
    }
  }
}

port.on('message', (message: ToDocumentWorker) => {
  handle(message)
    .then((reply) => reply && post(reply))
    .catch((err: unknown) => {
      if ('job' in message) post({ type: 'failed', job: message.job, message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    });
});
