/**
 * Starts the bundled language server (`dist/server.js`, the server's standalone entry) over node IPC and connects
 * vscode-languageclient to it. Only this module knows how the server is started.
 */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, InitializationOptions, SETTINGS_SECTION } from '@secure-coding/server/out/lsp/protocol';
import { documentFilters } from './supported-files';

export const CLIENT_ID = SETTINGS_SECTION;

export interface ServerClientOptions {
  readonly context: vscode.ExtensionContext;
  readonly output: vscode.LogOutputChannel;
}

export function createServerClient({ context, output }: ServerClientOptions): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentFilters(),
    // Settings are pulled per resource by the server (`workspace/configuration`); this only tells it when to pull again.
    synchronize: { configurationSection: SETTINGS_SECTION },
    // Read at every (re)start, so a restart after granting trust starts a trusted server.
    initializationOptions: (): InitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted }),
    outputChannel: output,
    traceOutputChannel: output,
    // Hovers may link to a rule's documentation; no other command can be run from server-provided Markdown.
    markdown: { isTrusted: { enabledCommands: [CLIENT_COMMANDS.showRuleDocumentation] }, supportHtml: false },
  };
  return new LanguageClient(CLIENT_ID, vscode.l10n.t('Secure Coding Rulebook'), serverOptions, clientOptions);
}
