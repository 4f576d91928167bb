/**
 * Rule documentation as virtual Markdown documents (`secure-coding-rule:/RULE_ID.md`): the server renders the
 * Markdown (`secureCodingRulebook/ruleDocumentation`), VS Code's Markdown preview shows it. Nothing is written to disk.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RULE_DOCUMENTATION, RuleDocumentationParams, RuleDocumentationResult } from './protocol';

export const RULE_DOCUMENTATION_SCHEME = 'secure-coding-rule';

export function ruleDocumentationUri(ruleId: string, locale: string | undefined): vscode.Uri {
  return vscode.Uri.from({
    scheme: RULE_DOCUMENTATION_SCHEME,
    path: `/${ruleId}.md`,
    query: locale ? new URLSearchParams({ locale }).toString() : '',
  });
}

function ruleIdOf(uri: vscode.Uri): string {
  return uri.path.replace(/^\//, '').replace(/\.md$/, '');
}

export class RuleDocumentationProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly client: () => LanguageClient | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const ruleId = ruleIdOf(uri);
    const client = this.client();
    if (!client?.isRunning()) {
      return `# ${ruleId}\n\n${vscode.l10n.t('The language server is not running, so the documentation of this rule cannot be shown.')}\n`;
    }
    const locale = new URLSearchParams(uri.query).get('locale') ?? undefined;
    const params: RuleDocumentationParams = { ruleId, locale };
    try {
      const result = await client.sendRequest<RuleDocumentationResult>(RULE_DOCUMENTATION, params, token);
      return result.markdown;
    } catch (err) {
      return `# ${ruleId}\n\n${vscode.l10n.t('The documentation of this rule could not be loaded: {0}', err instanceof Error ? err.message : String(err))}\n`;
    }
  }
}

/** Shows the documentation in the Markdown preview, or as a Markdown document where no preview is available. */
export async function showRuleDocumentationDocument(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await vscode.window.showTextDocument(document, { preview: true });
  }
}
