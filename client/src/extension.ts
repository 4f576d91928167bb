/**
 * The extension's entry point: wires the output channel, status bar, commands and workspace-trust handling around
 * the language client. The analysis itself happens in the language server.
 */
import * as vscode from 'vscode';
import { CLIENT_COMMANDS } from '@secure-coding/server/out/lsp/protocol';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { openRulebook } from './commands/open-rulebook';
import { restartServer } from './commands/restart-server';
import { showRuleDocumentation } from './commands/show-rule-documentation';
import { FindingsStatusBar, ServerState } from './findings-status-bar';
import { errorText, showErrorWithOutput } from './notifications';
import { RULE_DOCUMENTATION_SCHEME, RuleDocumentationProvider } from './rule-documentation';
import { createServerClient } from './server-client';
import { watchWorkspaceTrust } from './workspace-trust';

let client: LanguageClient | undefined;

function serverState(state: State): ServerState {
  switch (state) {
    case State.Running:
      return 'running';
    case State.Starting:
      return 'starting';
    default:
      return 'stopped';
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Secure Coding Rulebook'), { log: true });
  const statusBar = new FindingsStatusBar();
  const languageClient = createServerClient({ context, output });
  client = languageClient;

  context.subscriptions.push(
    output,
    statusBar,
    languageClient.onDidChangeState(({ newState }) => {
      statusBar.setServerState(serverState(newState));
      void vscode.commands.executeCommand('setContext', 'secureCodingRulebook.serverRunning', newState === State.Running);
    }),
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOCUMENTATION_SCHEME, new RuleDocumentationProvider(() => client)),
    vscode.commands.registerCommand('secureCodingRulebook.openRulebook', openRulebook),
    vscode.commands.registerCommand(CLIENT_COMMANDS.showRuleDocumentation, showRuleDocumentation),
    vscode.commands.registerCommand('secureCodingRulebook.restartServer', () => restartServer(languageClient)),
    vscode.commands.registerCommand('secureCodingRulebook.showOutput', () => output.show()),
    watchWorkspaceTrust(() => client, () => statusBar.refresh()),
  );

  try {
    await languageClient.start();
  } catch (err) {
    // The client has logged the details; the status bar shows the server as stopped. Not awaited: activation must
    // not wait for the user to read the message.
    statusBar.setServerState('stopped');
    void showErrorWithOutput(vscode.l10n.t('The Secure Coding Rulebook server could not start: {0}', errorText(err)), output);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
