/** Error messages with a button that opens the output channel, where the client and server log the details. */
import * as vscode from 'vscode';

export async function showErrorWithOutput(message: string, output: vscode.OutputChannel): Promise<void> {
  const showOutput = vscode.l10n.t('Show Output');
  const choice = await vscode.window.showErrorMessage(message, showOutput);
  if (choice === showOutput) output.show();
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
