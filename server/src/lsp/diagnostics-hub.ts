/**
 * The one place diagnostics are published. A file's diagnostics have parts — the findings of its open document,
 * the findings of a workspace scan (for files not open), problems when the file is a rulebook or a review ledger — and every publish
 * sends their union, so one part never wipes out another. It also keeps the counts for the status notification.
 */
import { Diagnostic, DiagnosticSeverity, PublishDiagnosticsParams } from 'vscode-languageserver';
import { StatusParams } from './protocol';

export type DiagnosticPart = 'open' | 'scan' | 'rulebook' | 'ledger';

interface FileDiagnostics {
  version?: number;
  parts: Partial<Record<DiagnosticPart, Diagnostic[]>>;
}

export interface DiagnosticsSink {
  publish(params: PublishDiagnosticsParams): void;
  status(params: StatusParams): void;
}

export class DiagnosticsHub {
  private readonly files = new Map<string, FileDiagnostics>();
  private lastStatus = '';

  constructor(private readonly sink: DiagnosticsSink) {}

  /** Sets one part of a file's diagnostics and publishes the file. `version` is the open document's version. */
  set(uri: string, part: DiagnosticPart, diagnostics: Diagnostic[], version?: number): void {
    const file = this.files.get(uri) ?? { parts: {} };
    file.parts[part] = diagnostics;
    if (part === 'open') file.version = version;
    this.files.set(uri, file);
    this.publish(uri, file);
  }

  clear(uri: string, part: DiagnosticPart): void {
    const file = this.files.get(uri);
    if (!file?.parts[part]) return;
    delete file.parts[part];
    if (part === 'open') file.version = undefined;
    this.publish(uri, file);
    if (Object.keys(file.parts).length === 0) this.files.delete(uri);
  }

  /** Files that have a given part (to clear the ones a new result no longer mentions). */
  urisWith(part: DiagnosticPart): string[] {
    return [...this.files].filter(([, file]) => file.parts[part] !== undefined).map(([uri]) => uri);
  }

  get(uri: string): readonly Diagnostic[] {
    const file = this.files.get(uri);
    return file ? Object.values(file.parts).flat() : [];
  }

  private publish(uri: string, file: FileDiagnostics): void {
    const parts = Object.values(file.parts);
    // Most files have one part: its list is sent as it is (a thousand findings are not copied for nothing).
    const diagnostics = parts.length === 1 ? parts[0] : parts.flat();
    this.sink.publish({ uri, version: file.version, diagnostics });
    this.sendStatus();
  }

  private sendStatus(): void {
    let findings = 0;
    let rulebookErrors = 0;
    for (const file of this.files.values()) {
      findings += (file.parts.open?.length ?? 0) + (file.parts.scan?.length ?? 0);
      rulebookErrors += (file.parts.rulebook ?? []).filter((d) => d.severity === DiagnosticSeverity.Error).length;
    }
    const status: StatusParams = { findings, rulebookErrors };
    const key = JSON.stringify(status);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    this.sink.status(status);
  }
}
