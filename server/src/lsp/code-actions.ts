/**
 * Code actions for the findings under the cursor: an exact quick fix where one is safe, "suppress with reason"
 * (a command, so the server can insert a snippet with the cursor on the reason) and "show rule documentation"
 * (the client's command).
 */
import { CodeAction, CodeActionKind, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { Finding, Locale, Rulebook } from '../engine';
import { OpenDocument } from './documents';
import { boundedCallFix } from './fixes/c-bounded-calls';
import { CLIENT_COMMANDS, DIAGNOSTIC_SOURCE, FindingData, InsertSuppressionArgs, SERVER_COMMANDS } from './protocol';
import { suppressionComment } from './suppression-comment';
import { text } from './texts';

export interface CodeActionRequest {
  readonly doc: OpenDocument;
  /** Findings of the document's current version. */
  readonly findings: readonly Finding[];
  readonly rulebook: Rulebook;
  readonly diagnostics: readonly Diagnostic[];
  readonly only?: readonly string[];
  readonly locale: Locale;
  /** Whether the client takes versioned `documentChanges` in a workspace edit. */
  readonly documentChanges: boolean;
}

function sameRange(a: Diagnostic['range'], b: Finding['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function findingOf(diagnostic: Diagnostic, findings: readonly Finding[]): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const fingerprint = (diagnostic.data as FindingData | undefined)?.fingerprint;
  return findings.find((f) => (fingerprint ? f.fingerprint === fingerprint : f.ruleId === diagnostic.code && sameRange(diagnostic.range, f.range)));
}

function workspaceEdit(doc: OpenDocument, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  if (documentChanges) return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] };
  return { changes: { [doc.uri]: edits } };
}

function quickFix(request: CodeActionRequest, finding: Finding, diagnostic: Diagnostic): CodeAction | undefined {
  const { doc } = request;
  const tree = doc.incremental.currentTree;
  if (!tree || request.rulebook.rule(finding.ruleId)?.rule.kind !== 'call') return undefined;
  const start = doc.text.offsetAt(finding.range.start);
  const end = doc.text.offsetAt(finding.range.end);
  const fix = boundedCallFix(tree, doc.languageId, start, end);
  if (!fix) return undefined;
  const edits = fix.edits.map((e) => TextEdit.replace({ start: doc.text.positionAt(e.start), end: doc.text.positionAt(e.end) }, e.newText));
  const title = fix.kind === 'fgets' ? text('fgetsTitle', request.locale, { buf: fix.buffer }) : text('snprintfTitle', request.locale, { buf: fix.buffer, replacement: fix.replacement });
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: workspaceEdit(doc, edits, request.documentChanges) };
}

export function codeActions(request: CodeActionRequest): CodeAction[] {
  if (request.only && !request.only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) {
    return [];
  }
  const { doc, locale } = request;
  const fixes: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const docs: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of request.diagnostics) {
    const finding = findingOf(diagnostic, request.findings);
    if (!finding) continue;
    const fix = quickFix(request, finding, diagnostic);
    if (fix) fixes.push(fix);
    const line = finding.range.start.line;
    const suppressKey = `${finding.ruleId}\0${line}`;
    if (!seen.has(suppressKey) && suppressionComment(doc.languageId, doc.text.languageId, line, '', finding.ruleId, '')) {
      seen.add(suppressKey);
      const args: InsertSuppressionArgs = { uri: doc.uri, version: doc.version, ruleId: finding.ruleId, line };
      suppressions.push({
        title: text('suppressTitle', locale, { rule: finding.ruleId }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: text('suppressLabel', locale, { rule: finding.ruleId }), command: SERVER_COMMANDS.insertSuppression, arguments: [args] },
      });
    }
    if (!seen.has(finding.ruleId)) {
      seen.add(finding.ruleId);
      const title = text('showDocumentationTitle', locale, { rule: finding.ruleId });
      docs.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: CLIENT_COMMANDS.showRuleDocumentation, arguments: [finding.ruleId] } });
    }
  }
  return [...fixes, ...suppressions, ...docs];
}
