/**
 * Code actions for the findings under the cursor: an exact quick fix where one is safe, "suppress with reason"
 * (a command, so the server can insert a snippet with the cursor on the reason) and "show rule documentation"
 * (the client's command); with a review section, "Approve as reviewer…" and "Revoke approval" (client commands
 * that ask for the justification, then run the server's `recordReview`).
 */
import { CodeAction, CodeActionKind, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { Finding, Locale, Rulebook } from '../engine';
import { OpenDocument } from './documents';
import type { CallFix } from './fixes/c-bounded-calls';
import { CLIENT_COMMANDS, DIAGNOSTIC_SOURCE, FindingData, InsertSuppressionArgs, ReviewTarget, SERVER_COMMANDS } from './protocol';
import { FindingReviews } from './reviews';
import { suppressionComment } from './suppression-comment';
import { text } from './texts';

export interface CodeActionRequest {
  readonly doc: OpenDocument;
  /** Findings of the document's current version. */
  readonly findings: readonly Finding[];
  /** Their review states, when the rulebook has a review section. */
  readonly reviews?: FindingReviews;
  readonly rulebook: Rulebook;
  readonly diagnostics: readonly Diagnostic[];
  readonly only?: readonly string[];
  readonly locale: Locale;
  /** Whether the client takes versioned `documentChanges` in a workspace edit. */
  readonly documentChanges: boolean;
  /** The exact fix of a call at `[start, end)` of the document's current version, worked out on its syntax tree. */
  callFix(start: number, end: number): Promise<CallFix | undefined>;
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

async function quickFix(request: CodeActionRequest, finding: Finding, diagnostic: Diagnostic): Promise<CodeAction | undefined> {
  const { doc } = request;
  if (request.rulebook.rule(finding.ruleId)?.rule.kind !== 'call' || (doc.languageId !== 'c' && doc.languageId !== 'cpp')) return undefined;
  const start = doc.text.offsetAt(finding.range.start);
  const end = doc.text.offsetAt(finding.range.end);
  const fix = await request.callFix(start, end);
  if (!fix) return undefined;
  const edits = fix.edits.map((e) => TextEdit.replace({ start: doc.text.positionAt(e.start), end: doc.text.positionAt(e.end) }, e.newText));
  const title = fix.kind === 'fgets' ? text('fgetsTitle', request.locale, { buf: fix.buffer }) : text('snprintfTitle', request.locale, { buf: fix.buffer, replacement: fix.replacement });
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: workspaceEdit(doc, edits, request.documentChanges) };
}

/**
 * Approve a finding that needs a sign-off and has no holding approval; revoke an approval on record for exactly this
 * code (an approval of code that has since changed no longer matches anything to revoke).
 */
function reviewActions(request: CodeActionRequest, finding: Finding, diagnostic: Diagnostic): CodeAction[] {
  const review = request.reviews?.get(finding);
  if (!review) return [];
  const target: ReviewTarget = { uri: request.doc.uri, version: request.doc.version, ruleId: finding.ruleId, line: finding.range.start.line, fingerprint: finding.fingerprint };
  const actions: CodeAction[] = [];
  const command = (key: 'approveTitle' | 'revokeTitle', id: string): CodeAction => {
    const title = text(key, request.locale, { rule: finding.ruleId });
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: id, arguments: [target] } };
  };
  if (review.state !== 'approved' && (review.required || review.state !== 'pending')) actions.push(command('approveTitle', CLIENT_COMMANDS.approveFinding));
  if (review.state !== 'pending' && review.entry?.entry.fingerprint === finding.fingerprint) actions.push(command('revokeTitle', CLIENT_COMMANDS.revokeApproval));
  return actions;
}

export async function codeActions(request: CodeActionRequest): Promise<CodeAction[]> {
  if (request.only && !request.only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) {
    return [];
  }
  const { doc, locale } = request;
  const fixes: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const docs: CodeAction[] = [];
  const reviews: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of request.diagnostics) {
    const finding = findingOf(diagnostic, request.findings);
    if (!finding) continue;
    const fix = await quickFix(request, finding, diagnostic);
    if (fix) fixes.push(fix);
    if (!seen.has(finding.fingerprint)) {
      seen.add(finding.fingerprint);
      reviews.push(...reviewActions(request, finding, diagnostic));
    }
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
  return [...fixes, ...reviews, ...suppressions, ...docs];
}
