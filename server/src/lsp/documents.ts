/**
 * The open documents: their text (applying incremental changes), the edits since the text last sent to a scan
 * worker (the worker keeps the syntax tree and facts, and reparses incrementally with them) and the findings of
 * the last scan.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DidChangeTextDocumentParams, TextDocumentItem } from 'vscode-languageserver';
import type { Edit } from '../engine/tree-api';
import { Finding, LanguageId, SkipNote, describeEdit, diffEdit, languageForFile, resolveLanguageName } from '../engine';
import type { FindingReviews } from './reviews';
import { DiagnosticCache } from './review-presentation';
import { uriToPath } from './uris';

export interface Scanned {
  readonly version: number;
  /** Findings of that version (suppressed ones included; the diagnostics leave them out). */
  readonly findings: readonly Finding[];
  /** The review state of each finding, when the rulebook has a review section. */
  readonly reviews?: FindingReviews;
}

export class OpenDocument {
  scanned?: Scanned;
  /** The diagnostics built for its findings, kept for the findings the next scan carries over unchanged. */
  readonly diagnostics = new DiagnosticCache();
  /** Edits since the text of the last scan request, in order (the worker replays them on its kept tree). */
  edits: Edit[] = [];
  /** Why the document is not scanned now (too large, minified, over the time budget), with the size it had. */
  skipped?: { readonly note: SkipNote; readonly length: number };

  constructor(
    public text: TextDocument,
    /** The file on disk, or undefined for an unsaved document. */
    readonly file: string | undefined,
    readonly languageId: LanguageId,
    /** The relative path scans use (rule path globs, findings); set by the linter from the rulebook's root. */
    public relativePath: string,
  ) {}

  get uri(): string {
    return this.text.uri;
  }

  get version(): number {
    return this.text.version;
  }

  /** Takes the edits recorded since the last call (they go with the next scan request). */
  takeEdits(): Edit[] {
    const edits = this.edits;
    this.edits = [];
    return edits;
  }

  /** The scan of the current version, if it is done. */
  get current(): Scanned | undefined {
    return this.scanned?.version === this.version ? this.scanned : undefined;
  }
}

/**
 * An editor's language id (`c`, `typescriptreact`, `shellscript`…) or, failing that, the file name decides. A `.h`
 * header the editor calls C but that is written in C++ or Objective-C is read as such (as a scan reads it).
 */
export function engineLanguage(clientLanguageId: string, name: string, text = ''): LanguageId {
  const byName = languageForFile(name, text);
  const byClient = resolveLanguageName(clientLanguageId);
  if (!byClient || (byClient === 'text' && byName !== 'text')) return byName;
  // A header the editor calls C (or C++) may be written in C++ or Objective-C: the text decides, as a scan reads it.
  return (byClient === 'c' || byClient === 'cpp') && (byName === 'cpp' || byName === 'objc') && byClient !== byName ? byName : byClient;
}

export class OpenDocuments {
  private readonly documents = new Map<string, OpenDocument>();

  open(item: TextDocumentItem): OpenDocument {
    this.close(item.uri);
    const file = uriToPath(item.uri);
    const name = file ?? item.uri;
    const doc = new OpenDocument(
      TextDocument.create(item.uri, item.languageId, item.version, item.text),
      file,
      engineLanguage(item.languageId, name, item.text),
      name.split(/[\\/]/).pop() ?? name,
    );
    this.documents.set(item.uri, doc);
    return doc;
  }

  /** Applies the changes one by one, telling the engine the exact edit of each (for incremental reparsing). */
  change(params: DidChangeTextDocumentParams): OpenDocument | undefined {
    const doc = this.documents.get(params.textDocument.uri);
    if (!doc) return undefined;
    let text = doc.text;
    for (const change of params.contentChanges) {
      const before = text.getText();
      if ('range' in change) {
        const start = text.offsetAt(change.range.start);
        const end = text.offsetAt(change.range.end);
        doc.edits.push(describeEdit(before, start, Math.max(start, end), change.text));
        text = TextDocument.update(text, [change], params.textDocument.version);
      } else {
        const edit = diffEdit(before, change.text);
        if (edit) doc.edits.push(edit);
        text = TextDocument.update(text, [change], params.textDocument.version);
      }
    }
    // A change that carries no edits still moves the version on.
    doc.text = params.contentChanges.length > 0 ? text : TextDocument.update(text, [], params.textDocument.version);
    return doc;
  }

  close(uri: string): OpenDocument | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    this.documents.delete(uri);
    return doc;
  }

  get(uri: string): OpenDocument | undefined {
    return this.documents.get(uri);
  }

  byFile(file: string): OpenDocument | undefined {
    for (const doc of this.documents.values()) if (doc.file === file) return doc;
    return undefined;
  }

  all(): OpenDocument[] {
    return [...this.documents.values()];
  }

  dispose(): void {
    for (const uri of [...this.documents.keys()]) this.close(uri);
  }
}
