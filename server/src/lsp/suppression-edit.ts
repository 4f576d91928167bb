/**
 * The workspace edit that inserts a suppression comment above a finding: a snippet (cursor on the reason) for clients
 * that take snippets in workspace edits (LSP 3.18 `SnippetTextEdit`), plain text for the others.
 */
import { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { Locale } from '../engine';
import { OpenDocument } from './documents';
import { suppressionComment } from './suppression-comment';
import { text } from './texts';

export interface EditSupport {
  readonly snippetEdits: boolean;
  readonly documentChanges: boolean;
}

export function suppressionEdit(doc: OpenDocument, ruleId: string, line: number, locale: Locale, support: EditSupport): WorkspaceEdit | undefined {
  if (!Number.isInteger(line) || line < 0 || line >= doc.text.lineCount) return undefined;
  const lineText = doc.text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const comment = suppressionComment(doc.languageId, doc.text.languageId, line, lineText, ruleId, text('reasonPlaceholder', locale));
  if (!comment) return undefined;
  const eol = doc.text.getText().includes('\r\n') ? '\r\n' : '\n';
  const at = { start: { line, character: 0 }, end: { line, character: 0 } };
  const id = { uri: doc.uri, version: doc.version };
  if (support.snippetEdits && support.documentChanges) {
    // vscode-languageserver 9 speaks LSP 3.17, which has no type for a snippet edit yet: the wire format is plain JSON.
    const snippetEdit = { range: at, snippet: { kind: 'snippet', value: comment.snippet.replace(/\n$/, eol) } };
    return { documentChanges: [{ textDocument: id, edits: [snippetEdit as unknown as TextEdit] }] };
  }
  const edit = TextEdit.insert(at.start, comment.text.replace(/\n$/, eol));
  return support.documentChanges ? { documentChanges: [TextDocumentEdit.create(id, [edit])] } : { changes: { [doc.uri]: [edit] } };
}
