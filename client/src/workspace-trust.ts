/**
 * Workspace trust: in Restricted Mode the server skips the workspace rulebook's own `pattern` rules (it learns
 * the trust state from `initializationOptions`, and itself tells the user once how many rules it skipped). The
 * status bar's tooltip says why; this module tells the server when trust is granted, so that it reloads the
 * rulebook with those rules.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WORKSPACE_TRUST_CHANGED, WorkspaceTrustChangedParams } from '@secure-coding/server/out/lsp/protocol';

export function watchWorkspaceTrust(client: () => LanguageClient | undefined, onChange: () => void): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    onChange();
    const current = client();
    if (!current?.isRunning()) return;
    const params: WorkspaceTrustChangedParams = { trusted: true };
    void current.sendNotification(WORKSPACE_TRUST_CHANGED, params);
  });
}
