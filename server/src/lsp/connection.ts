/**
 * Wires LSP messages to the server's methods, and nothing else. The transport (`--stdio`, `--node-ipc`,
 * `--socket=N`) is read from the command line by vscode-languageserver, which also sends stray console output to
 * the client's log instead of stdout and exits when the client process or the stream goes away.
 */
import { inspect } from 'util';
import { Connection, ExecuteCommandRequest, MessageReader, ProposedFeatures, StreamMessageWriter, createConnection } from 'vscode-languageserver/node';
import { jsonEncoder } from './message-encoding';
import { RULE_DOCUMENTATION_REQUEST, RuleDocumentationParams, WORKSPACE_TRUST_CHANGED, WorkspaceTrustChangedParams } from './protocol';
import { RulebookLanguageServer } from './server';

export function wire(connection: Connection): RulebookLanguageServer {
  const server = new RulebookLanguageServer(connection);
  const failed = (what: string) => (err: unknown) => connection.console.error(`${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  connection.onInitialize((params) => server.initialize(params));
  connection.onInitialized(() => {
    if (server.clientSendsFolderChanges) connection.workspace.onDidChangeWorkspaceFolders((event) => server.didChangeWorkspaceFolders(event));
    void server.initialized().catch(failed('initialization'));
  });
  connection.onDidOpenTextDocument((params) => server.didOpen(params));
  connection.onDidChangeTextDocument((params) => server.didChange(params));
  connection.onDidCloseTextDocument((params) => server.didClose(params));
  connection.onDidChangeWatchedFiles((params) => void server.didChangeWatchedFiles(params).catch(failed('reloading the rulebook')));
  connection.onDidChangeConfiguration((params) => void server.didChangeConfiguration(params).catch(failed('applying settings')));
  connection.onNotification(WORKSPACE_TRUST_CHANGED, (params: WorkspaceTrustChangedParams) => void server.workspaceTrustChanged(params).catch(failed('applying workspace trust')));
  connection.onHover((params) => server.hover(params));
  connection.onCompletion((params) => server.completion(params));
  connection.onCodeAction((params) => server.codeAction(params));
  // Not `onExecuteCommand`: it takes `workDoneToken` out of the params, and the scan decides itself between the
  // client's token and a progress of its own.
  connection.onRequest(ExecuteCommandRequest.type, (params, token) => server.executeCommand(params, token));
  connection.onRequest(RULE_DOCUMENTATION_REQUEST, (params: RuleDocumentationParams) => server.ruleDocumentation(params));
  connection.onShutdown(() => server.shutdown());
  return server;
}

/** Console output other code may write goes to the client's log, never to stdout (which carries the protocol). */
function consoleToClient(connection: Connection): void {
  const text = (args: unknown[]): string => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ');
  /* eslint-disable no-console -- replacing the console's methods is what keeps stdout clean */
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = console.trace = (...args: unknown[]) => connection.console.error(text(args));
  /* eslint-enable no-console */
}

/**
 * Over stdio the server writes with an encoder that keeps each diagnostic's bytes (`message-encoding.ts`); the
 * library reads stdin as it would (it also ends the process when stdin closes). The library's own stdio setup also
 * sends console output to the client: so does `consoleToClient`. Other transports are set up by the library.
 */
function stdioConnection(): Connection {
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: jsonEncoder });
  // Typed as a reader, passed as the stream it is: vscode-jsonrpc takes a stream or a reader on either side.
  const connection = createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, writer);
  consoleToClient(connection);
  return connection;
}

/** Starts the server on the transport named on the command line; resolves when the connection closes. */
export function startServer(): Promise<void> {
  const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
  // A mistake in one handler must not end the server for the whole editing session: log it and keep serving.
  process.on('unhandledRejection', (reason) => connection.console.error(`unexpected failure: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
  process.on('uncaughtException', (err) => connection.console.error(`unexpected failure: ${err.stack ?? err.message}`));
  wire(connection);
  return new Promise((resolve) => {
    connection.onExit(() => resolve());
    connection.listen();
  });
}
