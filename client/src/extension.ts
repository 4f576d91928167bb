/**
 * The extension's entry point: wires the output channel, status bar, commands and workspace-trust handling around
 * the language client. The analysis itself happens in the language server.
 */
import * as vscode from 'vscode';
import { CLIENT_COMMANDS, REVIEWS_NOTIFICATION, ReviewsParams } from '@secure-coding/server/out/lsp/protocol';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { openRulebook } from './commands/open-rulebook';
import { restartServer } from './commands/restart-server';
import { showRuleDocumentation } from './commands/show-rule-documentation';
import { FindingsStatusBar, ServerState } from './findings-status-bar';
import { errorText, showErrorWithOutput } from './notifications';
import { recordReview } from './review/review-commands';
import { ReviewModel } from './review/review-model';
import { ReviewTreeProvider } from './review/review-tree';
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
  const reviews = new ReviewModel();
  const reviewTree = new ReviewTreeProvider(reviews);

  context.subscriptions.push(
    output,
    statusBar,
    languageClient.onDidChangeState(({ newState }) => {
      statusBar.setServerState(serverState(newState));
      // A stopped server's review items no longer hold; a restarted one sends them again.
      if (newState === State.Stopped) reviews.clear();
      void vscode.commands.executeCommand('setContext', 'secureCodingRulebook.serverRunning', newState === State.Running);
    }),
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOCUMENTATION_SCHEME, new RuleDocumentationProvider(() => client)),
    vscode.commands.registerCommand('secureCodingRulebook.openRulebook', openRulebook),
    vscode.commands.registerCommand(CLIENT_COMMANDS.showRuleDocumentation, showRuleDocumentation),
    vscode.commands.registerCommand('secureCodingRulebook.restartServer', () => restartServer(languageClient)),
    vscode.commands.registerCommand('secureCodingRulebook.showOutput', () => output.show()),
    watchWorkspaceTrust(() => client, () => statusBar.refresh()),
    reviewTree,
    vscode.window.createTreeView('secureCodingRulebook.reviews', { treeDataProvider: reviewTree, showCollapseAll: true }),
    reviews.onDidChange(() => statusBar.setPendingReviews(reviews.pendingCount())),
    languageClient.onNotification(REVIEWS_NOTIFICATION, (params: ReviewsParams) => reviews.update(params)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.approveFinding, (argument: unknown) => recordReview(client, 'approve', argument)),
    vscode.commands.registerCommand(CLIENT_COMMANDS.revokeApproval, (argument: unknown) => recordReview(client, 'revoke', argument)),
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
