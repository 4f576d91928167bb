/**
 * The language server's logic: one method per LSP message, each a thin step over the documents, settings,
 * rulebooks, linter and the feature modules (hover, code actions, workspace scan). `connection.ts` only wires
 * messages to these methods; outbound messages go through the connection given here.
 */
import {
  CancellationToken,
  CodeAction,
  CodeActionParams,
  CompletionItem,
  CompletionParams,
  Connection,
  DidChangeConfigurationNotification,
  DidChangeConfigurationParams,
  DidChangeTextDocumentParams,
  DidChangeWatchedFilesNotification,
  DidChangeWatchedFilesParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
  ExecuteCommandParams,
  Hover,
  HoverParams,
  InitializeParams,
  InitializeResult,
  MarkupKind,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import * as path from 'path';
import { Finding, Locale, PathClassification } from '../engine';
import { codeActions } from './code-actions';
import { DiagnosticsHub } from './diagnostics-hub';
import { DocumentWorkers } from './document-workers';
import { OpenDocument, OpenDocuments } from './documents';
import { LintEnvironment, Linter, Logger } from './linter';
import {
  InitializationOptions,
  InsertSuppressionArgs,
  REVIEWS_NOTIFICATION,
  RecordReviewResult,
  RuleDocumentationParams,
  RuleDocumentationResult,
  SERVER_COMMANDS,
  SETTINGS_SECTION,
  STATUS_NOTIFICATION,
  ScanWorkspaceResult,
  Settings,
  WorkspaceTrustChangedParams,
  resolveLocale,
} from './protocol';
import { recordReview } from './review-command';
import { ReviewIndex } from './review-index';
import { hiddenFinding } from './review-presentation';
import { ReviewService } from './reviews';
import { hoverMarkdown, reviewHoverMarkdown, ruleDocumentation } from './rule-docs';
import { isRulebookPath, rulebookFileCompletion, rulebookFileHover } from './rulebook-assist';
import { RulebookService } from './rulebook-service';
import { RulebookState } from './rulebooks';
import { SettingsCache } from './settings';
import { suppressionEdit } from './suppression-edit';
import { ledgerDiagnostics } from './diagnostics';
import { text } from './texts';
import { WorkspaceFolders, isScannable, pathToUri, uriToPath } from './uris';
import { WorkspaceScanEnvironment, scanClosedFile } from './workspace-scan';
import { runWorkspaceScan } from './workspace-scan-command';

/** How long a hover or a code action waits for the scan of the text on screen before answering without it. */
const INTERACTIVE_WAIT_MS = 60;

/** Milliseconds to wait after an edit of an open rulebook before reloading it (typing makes it invalid often). */
const RULEBOOK_RELOAD_DEBOUNCE_MS = 200;

interface ClientSupport {
  configuration: boolean;
  snippetEdits: boolean;
  documentChanges: boolean;
  workDoneProgress: boolean;
  watchedFilesRegistration: boolean;
  configurationRegistration: boolean;
  workspaceFolders: boolean;
}

export class RulebookLanguageServer {
  readonly documents = new OpenDocuments();
  readonly folders = new WorkspaceFolders();
  private readonly hub: DiagnosticsHub;
  private readonly settings: SettingsCache;
  private readonly rulebooks: RulebookService;
  private readonly linter: Linter;
  /** Worker threads that scan: the main thread only answers the editor. */
  readonly workers: DocumentWorkers;
  private readonly reviews: ReviewService;
  private readonly reviewIndex: ReviewIndex;
  private readonly log: Logger;
  private trusted = true;
  private clientLocale?: string;
  private support: ClientSupport = { configuration: false, snippetEdits: false, documentChanges: false, workDoneProgress: false, watchedFilesRegistration: false, configurationRegistration: false, workspaceFolders: false };
  private rulebookReload?: NodeJS.Timeout;
  private readonly rulebookEdits = new Set<string>();

  constructor(
    private readonly connection: Connection,
    workerScript?: string,
  ) {
    this.log = {
      error: (m) => connection.console.error(m),
      warn: (m) => connection.console.warn(m),
      info: (m) => connection.console.info(m),
    };
    this.hub = new DiagnosticsHub({
      publish: (params) => void connection.sendDiagnostics(params),
      status: (params) => void connection.sendNotification(STATUS_NOTIFICATION, params),
    });
    this.settings = new SettingsCache({
      fetch: async (scopeUri): Promise<unknown> => (this.support.configuration ? ((await connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION })) as unknown) : undefined),
      report: (message) => this.log.warn(message),
    });
    this.rulebooks = new RulebookService({
      documents: this.documents,
      folders: this.folders,
      trusted: () => this.trusted,
      locale: () => this.defaultLocale(),
      publish: (uri, diagnostics) => (diagnostics.length > 0 ? this.hub.set(uri, 'rulebook', diagnostics) : this.hub.clear(uri, 'rulebook')),
      urisWithProblems: () => this.hub.urisWith('rulebook'),
      notifyUntrusted: (message) => {
        this.log.warn(message);
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
      },
    });
    this.reviews = new ReviewService({
      contentsOf: (file) => this.documents.byFile(file)?.text.getText(),
      report: (message) => this.log.warn(message),
      ledgerProblems: (file, problems) => {
        const uri = pathToUri(file);
        if (problems.length === 0) return this.hub.clear(uri, 'ledger');
        this.hub.set(uri, 'ledger', ledgerDiagnostics(problems, this.defaultLocale()));
      },
    });
    this.reviewIndex = new ReviewIndex((params) => void connection.sendNotification(REVIEWS_NOTIFICATION, params));
    this.workers = new DocumentWorkers((message) => this.log.error(message), workerScript);
    this.linter = new Linter(this.documents, this.lintEnvironment());
  }

  get clientSendsFolderChanges(): boolean {
    return this.support.workspaceFolders;
  }

  private lintEnvironment(): LintEnvironment {
    return {
      settings: (uri) => this.settings.get(uri),
      rulebookFor: (doc, settings) => this.rulebookForDocument(doc, settings),
      locale: (settings) => this.localeOf(settings),
      publish: (doc, version, diagnostics) => this.hub.set(doc.uri, 'open', diagnostics, version),
      reviews: (rulebook, relativePath, findings) => this.reviews.reviews(rulebook, relativePath, findings),
      publishReviews: (doc, items) => this.reviewIndex.set(doc.uri, 'open', items),
      workers: this.workers,
      log: this.log,
    };
  }

  private localeOf(settings: Settings): Locale {
    return resolveLocale(settings.locale, this.clientLocale);
  }

  private defaultLocale(): Locale {
    return resolveLocale('auto', this.clientLocale);
  }

  private rulebookForDocument(doc: OpenDocument, settings: Settings): Promise<RulebookState> {
    return this.rulebooks.get(this.rulebooks.keyFor(doc.file, settings));
  }

  private async rulebookForFolder(folder: string, settings?: Settings): Promise<RulebookState> {
    const effective = settings ?? (await this.settings.get(pathToUri(folder)));
    return this.rulebooks.get(this.rulebooks.keyFor(folder, effective));
  }

  initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities;
    this.support = {
      configuration: caps.workspace?.configuration === true,
      // LSP 3.18: a client that takes snippets in workspace edits says so here.
      snippetEdits: (caps.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true,
      documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
      workDoneProgress: caps.window?.workDoneProgress === true,
      watchedFilesRegistration: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      configurationRegistration: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      workspaceFolders: caps.workspace?.workspaceFolders === true,
    };
    this.clientLocale = params.locale;
    const options = params.initializationOptions as InitializationOptions | undefined;
    this.trusted = options?.workspaceTrusted ?? true;
    const folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    const root = params.rootUri ? uriToPath(params.rootUri) : (params.rootPath ?? undefined);
    this.folders.set(folders.length > 0 ? folders : root ? [root] : []);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        // In rulebook files: keys and values after a space, a colon, a list's dash or bracket, a comma.
        completionProvider: { triggerCharacters: [' ', ':', '-', '[', ','] },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'secure-coding-rulebook' },
    };
  }

  async initialized(): Promise<void> {
    if (this.support.configurationRegistration) await this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    if (this.support.watchedFilesRegistration) {
      // Rulebooks, and review ledgers: an approval pulled or made elsewhere shows at once; git's HEAD and branches:
      // after a commit or checkout, who wrote a line (no self-approval) is asked again.
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/.secure-coding/reviews.jsonl' }, { globPattern: '**/.git/HEAD' }, { globPattern: '**/.git/refs/heads/**' }],
      });
    }
    this.workers.warm();
    // Load each folder's rulebook now: its problems show at once and the first scan does not wait for it.
    await Promise.all(this.folders.all().map((folder) => this.rulebookForFolder(folder).catch((err: unknown) => this.log.error(String(err)))));
  }

  didOpen(params: DidOpenTextDocumentParams): void {
    if (!isScannable(params.textDocument.uri)) return;
    const doc = this.documents.open(params.textDocument);
    this.linter.schedule(doc, 0);
  }

  didChange(params: DidChangeTextDocumentParams): void {
    const doc = this.documents.change(params);
    if (!doc) return;
    this.linter.schedule(doc);
    if (doc.file) this.scheduleRulebookReload(doc.file);
  }

  didClose(params: DidCloseTextDocumentParams): void {
    const doc = this.documents.close(params.textDocument.uri);
    if (!doc) return;
    this.linter.cancel(doc.uri);
    this.settings.forget(doc.uri);
    this.hub.clear(doc.uri, 'open');
    this.reviewIndex.set(doc.uri, 'open', []);
    // An unsaved edit of a rulebook is gone with its document: the file on disk applies again.
    if (doc.file) this.scheduleRulebookReload(doc.file);
  }

  /** Any edited file may be a rulebook (the check is cheap); edits within the debounce are reloaded together. */
  private scheduleRulebookReload(file: string): void {
    this.rulebookEdits.add(file);
    clearTimeout(this.rulebookReload);
    this.rulebookReload = setTimeout(() => {
      const files = [...this.rulebookEdits];
      this.rulebookEdits.clear();
      this.rulebookFileChanged(files).catch((err: unknown) => this.log.error(`reloading the rulebook failed: ${String(err)}`));
    }, RULEBOOK_RELOAD_DEBOUNCE_MS);
  }

  private async rulebookFileChanged(files: readonly string[]): Promise<void> {
    let changed = false;
    for (const file of files) changed = (await this.rulebooks.fileChanged(file)) || changed;
    if (changed) this.relintAll();
  }

  async didChangeWatchedFiles(params: DidChangeWatchedFilesParams): Promise<void> {
    const changed = params.changes.map((c) => uriToPath(c.uri)).filter((f): f is string => f !== undefined);
    const ledgers = changed.filter((f) => ReviewService.isLedger(f));
    for (const ledger of ledgers) this.reviews.ledgerChanged(ledger);
    const history = changed.some((f) => ReviewService.isGitHistory(f));
    if (history) this.reviews.historyChanged();
    if (ledgers.length > 0 || history) {
      this.relintAll();
      await this.refreshScannedReviews();
    }
    await this.rulebookFileChanged(changed.filter((f) => !ReviewService.isLedger(f) && !ReviewService.isGitHistory(f) && !this.documents.byFile(f)));
  }

  /** After this server appended to a ledger: read it again and show every open document's new states. */
  private ledgerWritten(file: string): void {
    this.reviews.ledgerChanged(file);
    this.relintAll();
    this.refreshScannedReviews().catch((err: unknown) => this.log.error(`refreshing review states failed: ${String(err)}`));
  }

  async didChangeConfiguration(params: DidChangeConfigurationParams): Promise<void> {
    this.settings.changed(params.settings);
    const keys = new Set<string>();
    for (const doc of this.documents.all()) keys.add(JSON.stringify(this.rulebooks.keyFor(doc.file, await this.settings.get(doc.uri))));
    for (const folder of this.folders.all()) keys.add(JSON.stringify(this.rulebooks.keyFor(folder, await this.settings.get(pathToUri(folder)))));
    this.rulebooks.cache.retain((key) => keys.has(JSON.stringify(key)));
    await this.rulebooks.publishProblems();
    this.relintAll();
  }

  async workspaceTrustChanged(params: WorkspaceTrustChangedParams): Promise<void> {
    if (params.trusted === this.trusted) return;
    this.trusted = params.trusted;
    this.rulebooks.trustChanged();
    await Promise.all(this.folders.all().map((folder) => this.rulebookForFolder(folder)));
    await this.rulebooks.publishProblems();
    this.relintAll();
  }

  didChangeWorkspaceFolders(event: WorkspaceFoldersChangeEvent): void {
    this.folders.remove(event.removed.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined));
    this.folders.add(event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined));
    this.relintAll();
  }

  private relintAll(): void {
    this.linter.relint(this.documents.all());
  }

  /**
   * The document's findings for its current text, with its context. A scan pending for the current text is waited
   * for, but never longer than `waitMs`: a hover or a code action is never held up by a large file's scan.
   */
  private async current(uri: string, waitMs = INTERACTIVE_WAIT_MS): Promise<{ doc: OpenDocument; settings: Settings; state: RulebookState } | undefined> {
    await this.linter.settle(uri, waitMs);
    const doc = this.documents.get(uri);
    if (!doc?.current) return undefined;
    const settings = await this.settings.get(uri);
    return { doc, settings, state: await this.rulebookForDocument(doc, settings) };
  }

  /** The findings under the cursor; in a rulebook file with none there, the documentation of the key or value. */
  async hover(params: HoverParams): Promise<Hover | null> {
    const uri = params.textDocument.uri;
    await this.linter.settle(uri, INTERACTIVE_WAIT_MS);
    const doc = this.documents.get(uri);
    if (!doc) return null;
    const settings = await this.settings.get(uri);
    const state = await this.rulebookForDocument(doc, settings);
    const at = params.position;
    const reviews = doc.current?.reviews;
    const under = (doc.current?.findings ?? []).filter((f) => {
      if (hiddenFinding(f, reviews, settings, state.rulebook.config.review)) return false;
      const { start, end } = f.range;
      const afterStart = at.line > start.line || (at.line === start.line && at.character >= start.character);
      const beforeEnd = at.line < end.line || (at.line === end.line && at.character <= end.character);
      return afterStart && beforeEnd;
    });
    if (under.length === 0) return (await this.isRulebookFile(doc)) ? rulebookFileHover(doc.text.getText(), at, state.rulebook, this.localeOf(settings)) : null;
    const locale = this.localeOf(settings);
    const where = (f: Finding): PathClassification | undefined => (f.pathClass ? state.rulebook.classify(f.path) : undefined);
    const value = under.map((f) => hoverMarkdown(f, state.rulebook.rule(f.ruleId), locale, where(f)) + reviewHoverMarkdown(reviews?.get(f), locale)).join('\n\n---\n\n');
    return { contents: { kind: MarkupKind.Markdown, value }, range: under[0].range };
  }

  /** A rulebook file: the workspace's by its name, or any file a loaded rulebook read (extended, built-in rules). */
  private async isRulebookFile(doc: OpenDocument): Promise<boolean> {
    return doc.file !== undefined && (isRulebookPath(doc.file) || (await this.rulebooks.cache.uses(doc.file)));
  }

  /** Completion in rulebook files only; the rule ids offered are those of the rulebook in effect there. */
  async completion(params: CompletionParams): Promise<CompletionItem[]> {
    const doc = this.documents.get(params.textDocument.uri);
    if (!doc || !(await this.isRulebookFile(doc))) return [];
    const settings = await this.settings.get(doc.uri);
    const state = await this.rulebookForDocument(doc, settings);
    return rulebookFileCompletion(doc.text.getText(), params.position, state.rulebook, this.localeOf(settings));
  }

  async codeAction(params: CodeActionParams): Promise<CodeAction[]> {
    const context = await this.current(params.textDocument.uri);
    if (!context?.doc.current) return [];
    const { doc } = context;
    const version = doc.version;
    return codeActions({
      callFix: (start, end) => this.workers.fix(doc.uri, version, start, end),
      doc: context.doc,
      findings: context.doc.current.findings,
      reviews: context.doc.current.reviews,
      rulebook: context.state.rulebook,
      diagnostics: params.context.diagnostics,
      only: params.context.only,
      locale: this.localeOf(context.settings),
      documentChanges: this.support.documentChanges,
    });
  }

  async executeCommand(params: ExecuteCommandParams, token: CancellationToken): Promise<ScanWorkspaceResult | RecordReviewResult | boolean | null> {
    switch (params.command) {
      case SERVER_COMMANDS.scanWorkspace:
        return this.afterBulk(runWorkspaceScan({
          connection: this.connection,
          workDoneToken: params.workDoneToken,
          token,
          canCreateProgress: this.support.workDoneProgress,
          title: text('scanTitle', this.defaultLocale()),
          progressText: (done, total) => text('scanProgress', this.defaultLocale(), { done, total }),
          env: this.workspaceScanEnvironment(),
        }));
      case SERVER_COMMANDS.insertSuppression:
        return this.insertSuppression(params.arguments?.[0] as InsertSuppressionArgs | undefined);
      case SERVER_COMMANDS.recordReview:
        return recordReview(params.arguments?.[0], {
          current: async (uri) => {
            const context = await this.current(uri, Number.POSITIVE_INFINITY);
            return context && { doc: context.doc, settings: context.settings, rulebook: context.state.rulebook };
          },
          locale: (settings) => (settings ? this.localeOf(settings) : this.defaultLocale()),
          ledgerWritten: (file) => this.ledgerWritten(file),
          show: (result) => void this.connection.sendNotification(ShowMessageNotification.type, { type: result.ok ? MessageType.Info : result.refusal === 'failed' ? MessageType.Error : MessageType.Warning, message: result.message }),
        });
      default:
        return null;
    }
  }

  private workspaceScanEnvironment(): WorkspaceScanEnvironment {
    return {
      folders: () => this.folders.all(),
      settingsFor: (folder) => this.settings.get(pathToUri(folder)),
      rulebookForFolder: (folder, settings) => this.rulebookForFolder(folder, settings),
      isOpen: (file) => this.documents.byFile(file) !== undefined,
      locale: (settings) => this.localeOf(settings),
      publish: (file, diagnostics) => (diagnostics.length > 0 ? this.hub.set(pathToUri(file), 'scan', diagnostics) : this.hub.clear(pathToUri(file), 'scan')),
      previouslyPublished: () => this.hub.urisWith('scan').map((uri) => uriToPath(uri)).filter((f): f is string => f !== undefined),
      reviews: (rulebook, relativePath, findings) => this.reviews.reviews(rulebook, relativePath, findings),
      publishReviews: (file, items) => this.reviewIndex.set(pathToUri(file), 'scan', items),
      previouslyReviewed: () => this.reviewIndex.urisWith('scan').map((uri) => uriToPath(uri)).filter((f): f is string => f !== undefined),
      scanFile: (file, state) => this.workers.scanFile(file, state.source),
    };
  }

  /** Ends the workspace-scan worker once its work is done: its memory goes with it. */
  private async afterBulk<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } finally {
      await this.workers.endBulk();
    }
  }

  /** Closed files a workspace scan listed for review show their new states when the ledger changes. */
  private refreshScannedReviews(): Promise<void> {
    return this.afterBulk(this.refreshEachScannedReview());
  }

  private async refreshEachScannedReview(): Promise<void> {
    const env = this.workspaceScanEnvironment();
    for (const file of env.previouslyReviewed()) {
      if (env.isOpen(file)) continue;
      const folder = this.folders.folderOf(file) ?? this.folders.all()[0] ?? path.dirname(file);
      const settings = await env.settingsFor(folder);
      await scanClosedFile(env, file, settings, await env.rulebookForFolder(folder, settings));
    }
  }

  private async insertSuppression(args: InsertSuppressionArgs | undefined): Promise<boolean> {
    const doc = args && this.documents.get(args.uri);
    if (!args || !doc || (args.version !== undefined && args.version !== doc.version)) return false;
    const settings = await this.settings.get(doc.uri);
    const edit = suppressionEdit(doc, args.ruleId, args.line, this.localeOf(settings), this.support);
    if (!edit) return false;
    const result = await this.connection.workspace.applyEdit({ label: text('suppressLabel', this.localeOf(settings), { rule: args.ruleId }), edit });
    return result.applied;
  }

  async ruleDocumentation(params: RuleDocumentationParams): Promise<RuleDocumentationResult> {
    const doc = params.uri ? this.documents.get(params.uri) : undefined;
    const settings = await this.settings.get(params.uri ?? pathToUri(this.folders.all()[0] ?? process.cwd()));
    const state = doc ? await this.rulebookForDocument(doc, settings) : await this.rulebookForFolder(this.folders.all()[0] ?? process.cwd(), settings);
    const locale = params.locale ?? this.localeOf(settings);
    const rule = state.rulebook.rule(params.ruleId);
    return { markdown: rule ? ruleDocumentation(rule, locale) : text('unknownRule', locale, { rule: params.ruleId }) };
  }

  async shutdown(): Promise<void> {
    clearTimeout(this.rulebookReload);
    this.linter.dispose();
    this.documents.dispose();
    await this.workers.dispose();
  }
}
