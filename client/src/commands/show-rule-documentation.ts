/**
 * "Show Rule Documentation": for the rule id given as argument (from a code action), else the finding under the
 * cursor, else one the user picks or types.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, SETTINGS_SECTION } from '@secure-coding/server/out/lsp/protocol';
import { DocumentationLocale, ruleDocumentationUri, showRuleDocumentationDocument } from '../rule-documentation';

function ruleIdFromArgument(argument: unknown): string | undefined {
  if (typeof argument === 'string' && argument.length > 0) return argument;
  if (argument && typeof argument === 'object' && 'ruleId' in argument && typeof argument.ruleId === 'string') return argument.ruleId;
  return undefined;
}

function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'string') return code;
  if (code && typeof code === 'object' && typeof code.value === 'string') return code.value;
  return undefined;
}

/** Rule ids of the findings that touch the cursor, in document order, without repeats. */
function ruleIdsAtCursor(editor: vscode.TextEditor | undefined): string[] {
  if (!editor) return [];
  const position = editor.selection.active;
  const ids = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.range.contains(position))
    .map(ruleIdOf)
    .filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

async function askForRuleId(candidates: readonly string[]): Promise<string | undefined> {
  if (candidates.length > 1) {
    return vscode.window.showQuickPick(candidates, { placeHolder: vscode.l10n.t('Several findings are under the cursor: choose a rule') });
  }
  const typed = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Rule id to show the documentation of'),
    placeHolder: vscode.l10n.t('for example c.banned.gets'),
    validateInput: (value) => (/^[\w.-]+$/.test(value.trim()) ? undefined : vscode.l10n.t('A rule id has letters, digits, dots, dashes and underscores.')),
  });
  return typed?.trim() || undefined;
}

/** The `locale` setting for the document in view; `auto` leaves the choice to the server (VS Code's language). */
function localeFor(editor: vscode.TextEditor | undefined): DocumentationLocale {
  const locale = vscode.workspace.getConfiguration(SETTINGS_SECTION, editor?.document.uri).get<string>('locale', 'auto');
  return locale === 'en' || locale === 'ja' ? locale : undefined;
}

export async function showRuleDocumentation(argument?: unknown): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const atCursor = ruleIdsAtCursor(editor);
  const ruleId = ruleIdFromArgument(argument) ?? (atCursor.length === 1 ? atCursor[0] : await askForRuleId(atCursor));
  if (!ruleId) return;
  await showRuleDocumentationDocument(ruleDocumentationUri(ruleId, localeFor(editor), editor?.document.uri));
}
