/**
 * Messages between the language server's main thread and its document workers (`document-worker.ts`). The main
 * thread keeps the documents' text and findings and answers the editor; workers keep each document's syntax tree and
 * facts and do every scan, so no scan ever holds up a hover or another document's diagnostics.
 */
import type { Edit } from '../engine/tree-api';
import type { FileScan, LanguageId, RuleFailure, StopReason } from '../engine';
import type { EncodedFindings } from './findings-delta';
import type { CallFix } from './fixes/c-bounded-calls';
import type { RulebookSource } from './rulebook-source';

export interface DocumentWorkerSetup {
  /** Where the grammars' wasm lies, when not in `node_modules` (the extension's bundle). */
  readonly grammarDirectory?: string;
  readonly builtinRulesDirectory: string;
  /** The build's parse of those rule files, if any (`configureBuiltinRulesDirectory`). */
  readonly precompiledRules?: string;
  /** Int32Array[1]: the job the main thread wants stopped (the scan checks it now and then). */
  readonly cancel: SharedArrayBuffer;
}

/** A rulebook the worker may already have (by id), or the whole source to load it from. */
export type RulebookRef = { readonly id: string } | { readonly source: RulebookSource };

export interface ScanDocumentJob {
  readonly type: 'scan';
  readonly job: number;
  readonly uri: string;
  readonly version: number;
  /** Workspace-relative path (path globs, path classes, findings). */
  readonly path: string;
  readonly languageId: LanguageId;
  readonly text: string;
  /** The edits since the text of the previous scan sent for this document, in order. */
  readonly edits: readonly Edit[];
  readonly rulebook: RulebookRef;
  /** The rules to run (the rulebook's for this file, minus what the user's settings turn off). */
  readonly ruleIds: readonly string[];
  readonly budgetMs: number;
}

export interface ScanFileJob {
  readonly type: 'scan-file';
  readonly job: number;
  readonly file: string;
  readonly rulebook: RulebookRef;
}

export interface FixJob {
  readonly type: 'fix';
  readonly job: number;
  readonly uri: string;
  /** The version whose findings the fix is for: a tree of another version gives no fix. */
  readonly version: number;
  readonly start: number;
  readonly end: number;
}

export type ToDocumentWorker = ScanDocumentJob | ScanFileJob | FixJob | { readonly type: 'close'; readonly uri: string };

export type FromDocumentWorker =
  | {
      readonly type: 'scanned';
      readonly job: number;
      readonly uri: string;
      /** Against the list this worker sent for the document last time (`findings-delta.ts`). */
      readonly findings: EncodedFindings;
      readonly failures: RuleFailure[];
      readonly partialParse: boolean;
    }
  | { readonly type: 'stopped'; readonly job: number; readonly reason: StopReason }
  | { readonly type: 'file-scanned'; readonly job: number; readonly scan: FileScan }
  | { readonly type: 'fixed'; readonly job: number; readonly fix?: CallFix }
  | { readonly type: 'failed'; readonly job: number; readonly message: string };
