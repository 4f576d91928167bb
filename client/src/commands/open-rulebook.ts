/**
 * "Open Rulebook": opens the workspace folder's rulebook (the `rulebookPath` setting), writing the starter rulebook
 * first when there is none: the same file `rulebook init` writes, with comments in the display language.
 */
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, SETTINGS_SECTION } from '@secure-coding/server/out/lsp/protocol';
import { starterRulebook } from '@secure-coding/server/out/engine/rulebook/starter';

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const folderOfActive = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  return folderOfActive ?? vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Open the rulebook of which folder?') });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export function rulebookUri(folder: vscode.WorkspaceFolder): vscode.Uri {
  const configured = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri).get<string>('rulebookPath') || DEFAULT_SETTINGS.rulebookPath;
  return configured.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(configured)
    ? vscode.Uri.file(configured)
    : vscode.Uri.joinPath(folder.uri, ...configured.split(/[\\/]/));
}

export async function openRulebook(): Promise<void> {
  const folder = await pickFolder();
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: the rulebook lives in the workspace folder.'));
    return;
  }
  const uri = rulebookUri(folder);
  if (!(await exists(uri))) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starterRulebook(vscode.env.language.toLowerCase().startsWith('ja') ? 'ja' : 'en')));
    void vscode.window.showInformationMessage(vscode.l10n.t('Created a starter rulebook at {0}.', vscode.workspace.asRelativePath(uri)));
  }
  await vscode.window.showTextDocument(uri);
}
