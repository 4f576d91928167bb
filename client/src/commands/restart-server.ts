/** "Restart Server": stops the language server if it runs and starts it again (it rereads the rulebook and settings). */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { errorText, showErrorWithOutput } from '../notifications';

export async function restartServer(client: LanguageClient): Promise<void> {
  try {
    if (client.isRunning()) await client.stop();
    await client.start();
  } catch (err) {
    await showErrorWithOutput(vscode.l10n.t('The Secure Coding Rulebook server could not be restarted: {0}', errorText(err)), client.outputChannel);
  }
}
