/**
 * A test client for the language server: spawns `rulebook lsp --stdio` and speaks JSON-RPC to it with
 * vscode-languageserver-protocol, answering what a real editor answers (settings, progress, registrations,
 * workspace edits) and recording what the server sends, so tests can wait for events instead of sleeping.
 */
import { ChildProcess, spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ApplyWorkspaceEditParams,
  ApplyWorkspaceEditResult,
  ClientCapabilities,
  ConfigurationParams,
  InitializeParams,
  LogMessageParams,
  ProtocolConnection,
  PublishDiagnosticsParams,
  ShowMessageParams,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkDoneProgress,
  WorkspaceEdit,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { REVIEWS_NOTIFICATION, ReviewsParams } from '@secure-coding/server/out/lsp/protocol';
import { CLI } from '../helpers';

export interface ClientOptions {
  readonly root: string;
  readonly locale?: string;
  readonly initializationOptions?: unknown;
  /** The `secureCodingRulebook` section per scope URI (default: none, so the server uses its defaults). */
  readonly settings?: (scopeUri: string | undefined) => unknown;
  readonly snippetEdits?: boolean;
  /** Whether the client answers `workspace/configuration` (default true). */
  readonly configuration?: boolean;
  /** Environment of the server process, over this process's (e.g. `SSH_AUTH_SOCK`). */
  readonly env?: NodeJS.ProcessEnv;
}

interface Waiter<T> {
  readonly test: (event: T) => boolean;
  readonly resolve: (event: T) => void;
}

/** A list of events that can be awaited: `next` resolves with the first matching event after a given index. */
class EventLog<T> {
  readonly events: T[] = [];
  private waiters: Waiter<T>[] = [];

  push(event: T): void {
    this.events.push(event);
    const ready = this.waiters.filter((w) => w.test(event));
    this.waiters = this.waiters.filter((w) => !w.test(event));
    for (const w of ready) w.resolve(event);
  }

  /** The first event matching `test` from index `from` on (past events included), or the next one to arrive. */
  wait(test: (event: T) => boolean, from = 0): Promise<T> {
    const found = this.events.slice(from).find(test);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  get length(): number {
    return this.events.length;
  }
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

export const CAPABILITIES = (snippetEdits: boolean, configuration: boolean): ClientCapabilities => ({
  workspace: {
    configuration,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    // `snippetEditSupport` is LSP 3.18, newer than these types.
    workspaceEdit: { documentChanges: true, ...(snippetEdits ? { snippetEditSupport: true } : {}) },
    applyEdit: true,
    executeCommand: {},
  },
  textDocument: {
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true },
    synchronization: { didSave: false },
  },
  window: { workDoneProgress: true, showMessage: {} },
});

export class LspClient {
  readonly diagnostics = new EventLog<PublishDiagnosticsParams>();
  readonly messages = new EventLog<ShowMessageParams>();
  readonly logs = new EventLog<LogMessageParams>();
  readonly progress = new EventLog<{ token: string | number; value: { kind: string; percentage?: number; message?: string; title?: string; cancellable?: boolean } }>();
  readonly statuses = new EventLog<{ findings: number; rulebookErrors: number }>();
  readonly reviews = new EventLog<ReviewsParams>();
  readonly configurationScopes: (string | undefined)[] = [];
  readonly registrations = new EventLog<{ method: string; registerOptions?: unknown }>();
  readonly appliedEdits = new EventLog<ApplyWorkspaceEditParams>();
  readonly protocolErrors: string[] = [];
  readonly documents = new Map<string, TextDocument>();
  stderr = '';
  private exited: Promise<number | null> = Promise.resolve(null);

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly options: ClientOptions,
  ) {}

  static async start(options: ClientOptions): Promise<LspClient> {
    const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: options.root, env: { ...process.env, ...options.env } });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, options);
    client.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    client.listen();
    connection.listen();
    const root = fileUri(options.root);
    const params: InitializeParams = {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: path.basename(options.root) }],
      capabilities: CAPABILITIES(options.snippetEdits ?? false, options.configuration ?? true),
      locale: options.locale,
      initializationOptions: options.initializationOptions,
      clientInfo: { name: 'protocol-test' },
    };
    await connection.sendRequest('initialize', params);
    await connection.sendNotification('initialized', {});
    return client;
  }

  private listen(): void {
    const c = this.connection;
    c.onError(([err]) => this.protocolErrors.push(String(err)));
    c.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => this.diagnostics.push(p));
    c.onNotification('window/showMessage', (p: ShowMessageParams) => this.messages.push(p));
    c.onNotification('window/logMessage', (p: LogMessageParams) => this.logs.push(p));
    c.onNotification('secureCodingRulebook/status', (p: { findings: number; rulebookErrors: number }) => this.statuses.push(p));
    c.onNotification(REVIEWS_NOTIFICATION, (p: ReviewsParams) => this.reviews.push(p));
    c.onRequest('workspace/configuration', (p: ConfigurationParams) =>
      p.items.map((item) => {
        this.configurationScopes.push(item.scopeUri);
        return this.options.settings?.(item.scopeUri) ?? null;
      }),
    );
    c.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      for (const registration of p.registrations) this.registrations.push(registration);
      return null;
    });
    c.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
      this.trackProgress(p.token);
      return null;
    });
    c.onRequest('window/showMessageRequest', () => null);
    c.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams): ApplyWorkspaceEditResult => {
      this.appliedEdits.push(p);
      return { applied: true };
    });
  }

  /** Records `$/progress` for a token (the connection drops progress for tokens nobody listens to). */
  trackProgress(token: string | number): void {
    this.connection.onProgress(WorkDoneProgress.type, token, (value) => this.progress.push({ token, value }));
  }

  open(file: string, text: string, languageId: string): TextDocument {
    const uri = fileUri(file);
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.documents.set(uri, doc);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return doc;
  }

  /** Sends incremental changes (ranges in the current text) and returns the new version. */
  change(file: string, changes: TextDocumentContentChangeEvent[]): number {
    const uri = fileUri(file);
    const doc = this.documents.get(uri)!;
    const version = doc.version + 1;
    TextDocument.update(doc, changes, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Replaces the first occurrence of `find` with `replacement`, as one incremental change. */
  replace(file: string, find: string, replacement: string): number {
    const doc = this.documents.get(fileUri(file))!;
    const at = doc.getText().indexOf(find);
    if (at < 0) throw new Error(`${find} is not in ${file}`);
    return this.change(file, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + find.length) }, text: replacement }]);
  }

  close(file: string): void {
    const uri = fileUri(file);
    this.documents.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(file: string): string {
    return this.documents.get(fileUri(file))!.getText();
  }

  /** Applies a workspace edit to the open documents (as an editor would) and sends the change. */
  applyEdit(edit: WorkspaceEdit): void {
    const perUri = new Map<string, TextEdit[]>();
    for (const change of edit.documentChanges ?? []) {
      if (!('textDocument' in change)) continue;
      perUri.set(change.textDocument.uri, change.edits.map((e) => ('snippet' in e ? toPlain(e as unknown as SnippetEdit) : (e))));
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.set(uri, edits);
    for (const [uri, edits] of perUri) {
      const doc = this.documents.get(uri)!;
      const changes = [...edits]
        .sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start))
        .map((e) => ({ range: e.range, text: e.newText }));
      this.change(fileURLToPath(uri), changes);
    }
  }

  /** Diagnostics published for a file from event index `from` on that satisfy `test`. */
  waitForDiagnostics(file: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, from = 0): Promise<PublishDiagnosticsParams> {
    const uri = fileUri(file);
    return this.diagnostics.wait((p) => p.uri === uri && test(p), from);
  }

  /** The diagnostics of exactly `version` (the server publishes each version it finishes at most once). */
  diagnosticsFor(file: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.waitForDiagnostics(file, (p) => p.version === version);
  }

  async stop(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.process.kill();
  }
}

interface SnippetEdit {
  readonly range: TextEdit['range'];
  readonly snippet: { kind: string; value: string };
}

/** What an editor inserts for a snippet when nobody types: placeholders become their default text. */
function toPlain(edit: SnippetEdit): TextEdit {
  const value = edit.snippet.value.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\\([\\$}])/g, '$1');
  return { range: edit.range, newText: value };
}

/** A fresh workspace folder with the given files (paths relative to it). */
export async function workspace(files: Record<string, string>): Promise<string> {
  const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'lsp-test-')));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }
  return root;
}
