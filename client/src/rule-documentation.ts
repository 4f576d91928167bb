/**
 * Rule documentation as virtual Markdown documents (`secure-coding-rule:/RULE_ID.md`): the server renders the
 * Markdown (`secureCodingRulebook/ruleDocumentation`), VS Code's Markdown preview shows it. Nothing is written to disk.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RULE_DOCUMENTATION_REQUEST, RuleDocumentationParams, RuleDocumentationResult } from '@secure-coding/server/out/lsp/protocol';

export const RULE_DOCUMENTATION_SCHEME = 'secure-coding-rule';

export type DocumentationLocale = RuleDocumentationParams['locale'];

/**
 * `secure-coding-rule:/RULE_ID.md?locale=…&uri=…`: the locale when the setting fixes one, and the file the rule was
 * asked about, which picks the workspace whose rulebook defines it.
 */
export function ruleDocumentationUri(ruleId: string, locale: DocumentationLocale, file: vscode.Uri | undefined): vscode.Uri {
  const query = new URLSearchParams();
  if (locale) query.set('locale', locale);
  if (file) query.set('uri', file.toString());
  return vscode.Uri.from({ scheme: RULE_DOCUMENTATION_SCHEME, path: `/${ruleId}.md`, query: query.toString() });
}

function documentationLocale(value: string | null): DocumentationLocale {
  return value === 'en' || value === 'ja' ? value : undefined;
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
    const query = new URLSearchParams(uri.query);
    const params: RuleDocumentationParams = { ruleId, locale: documentationLocale(query.get('locale')), uri: query.get('uri') ?? undefined };
    try {
      const result = await client.sendRequest<RuleDocumentationResult>(RULE_DOCUMENTATION_REQUEST, params, token);
      if (result.markdown.trim() === '') return `# ${ruleId}\n\n${vscode.l10n.t('No rule has this id in the rulebook in effect.')}\n`;
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
