/**
 * "Approve as reviewer…" and "Revoke approval": the server's code actions (and the review view's context menu)
 * name these commands with the finding; they ask for the justification and run the server's `recordReview`, which
 * signs, records and shows the outcome (or exactly why not). The client decides nothing about reviews itself.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient } from 'vscode-languageclient/node';
import { RecordReviewArgs, RecordReviewResult, ReviewTarget, SERVER_COMMANDS } from '@secure-coding/server/out/lsp/protocol';
import { errorText } from '../notifications';
import { ReviewNode, targetOf } from './review-tree';

function isTarget(value: unknown): value is ReviewTarget {
  const t = value as Partial<ReviewTarget> | undefined;
  return !!t && typeof t.uri === 'string' && typeof t.ruleId === 'string' && typeof t.line === 'number' && typeof t.fingerprint === 'string';
}

/** A code action passes a `ReviewTarget`; the view's context menu passes its node. */
export function reviewTargetOf(argument: unknown): ReviewTarget | undefined {
  if (isTarget(argument)) return argument;
  const node = argument as ReviewNode | undefined;
  return node?.type === 'finding' ? targetOf(node) : undefined;
}

async function askReason(action: RecordReviewArgs['action'], target: ReviewTarget): Promise<string | undefined> {
  const where = `${vscode.workspace.asRelativePath(vscode.Uri.parse(target.uri), false)}:${target.line + 1}`;
  if (action === 'approve') {
    return vscode.window.showInputBox({
      title: vscode.l10n.t('Approve {0} at {1}', target.ruleId, where),
      prompt: vscode.l10n.t('Why is this finding acceptable? The justification is signed and recorded in the review ledger.'),
      placeHolder: vscode.l10n.t('for example: the length is checked by the caller'),
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('A justification is required to approve.') : undefined),
    });
  }
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Revoke the approval of {0} at {1}', target.ruleId, where),
    prompt: vscode.l10n.t('Why is the approval withdrawn? (optional)'),
    ignoreFocusOut: true,
  });
}

export async function recordReview(client: LanguageClient | undefined, action: RecordReviewArgs['action'], argument: unknown): Promise<RecordReviewResult | undefined> {
  const target = reviewTargetOf(argument);
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Use the light bulb on a finding, or the Security Review view, to approve or revoke.'));
    return undefined;
  }
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The language server is not running, so the review cannot be recorded.'));
    return undefined;
  }
  const reason = await askReason(action, target);
  if (reason === undefined) return undefined;
  // A finding chosen in the view may be in a closed file: the server reviews what is open, as the user sees it.
  await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
  const args: RecordReviewArgs = { ...target, action, reason: reason.trim() === '' ? undefined : reason.trim() };
  try {
    // The server shows the outcome itself (`window/showMessage`), for every editor alike.
    return (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.recordReview, arguments: [args] })) as RecordReviewResult;
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The review could not be recorded: {0}', errorText(err)));
    return undefined;
  }
}
