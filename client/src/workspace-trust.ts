/**
 * Workspace trust: in Restricted Mode the server skips the workspace rulebook's own `pattern` rules (it learns
 * the trust state from `initializationOptions`). This module tells the user why, and tells the server when trust
 * is granted so that it reloads the rulebook with those rules.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { rulebookUri } from './commands/open-rulebook';
import { WORKSPACE_TRUST_CHANGED, WorkspaceTrustChangedParams } from '@secure-coding/server/out/lsp/protocol';

async function workspaceHasRulebook(): Promise<boolean> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    try {
      await vscode.workspace.fs.stat(rulebookUri(folder));
      return true;
    } catch {
      // No rulebook in this folder.
    }
  }
  return false;
}

/** Explains Restricted Mode once per window, and only when the workspace has a rulebook whose rules it affects. */
async function explainRestrictedMode(): Promise<void> {
  if (vscode.workspace.isTrusted || !(await workspaceHasRulebook())) return;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t(
      "Secure Coding Rulebook runs in Restricted Mode: the built-in rules run, but the pattern rules of this workspace's own rulebook do not until you trust the workspace, because a crafted pattern could make every scan slow.",
    ),
    manage,
  );
  if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
}

export function watchWorkspaceTrust(client: () => LanguageClient | undefined, onChange: () => void): vscode.Disposable {
  void explainRestrictedMode();
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    onChange();
    const current = client();
    if (!current?.isRunning()) return;
    const params: WorkspaceTrustChangedParams = { trusted: true };
    void current.sendNotification(WORKSPACE_TRUST_CHANGED, params);
  });
}
