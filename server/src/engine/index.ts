/**
 * The engine's public face, used by the CLI and the language server alike. Nothing here knows about LSP, VS Code
 * or a terminal: in go texts and paths, out come findings, notes and problems.
 */
import * as path from 'path';
import { Finding } from './findings';
import { LanguageId, languageForFile } from './languages';
import { FileReader, diskReader } from './reader';
import { Rulebook } from './rulebook/rulebook';
import { ScanInput, ScanOptions, ScanResult, scanWithRules } from './scanner';
import { SkipNote, decodeSource, timeBudgetNote } from './source-text';
import { ScanStopped, budgetOf } from './budget';
import { HeaderLibrary } from './c-headers';

export { Finding, compareFindings, fingerprintOf, sha256 } from './findings';
export { hiddenByDefault, isGating } from './gating';
export { CONFIDENCES, CONFIDENCE_NAMES, Confidence, confidenceOf, confidenceReasons, confidenceSummary } from './confidence';
export { PATH_CLASSES, PATH_CLASS_NAMES, PathClass, PathClassification, classReasonText, classifyByConvention } from './path-classes';
export { configureGrammarDirectory } from './grammars';
export { HeaderLibrary } from './c-headers';
export { IncrementalDocument, KEPT_FACTS_LIMIT, describeEdit, diffEdit } from './incremental';
export { LANGUAGES, LANGUAGE_IDS, LanguageId, languageForFile, languageForPath, resolveLanguageName } from './languages';
export { maskSecret } from './mask';
export { FileReader, diskReader } from './reader';
export { BUILTIN_DEFAULT, RULEBOOK_RELATIVE_PATH, UNTRUSTED_RULE_NOTE, builtinRulesDirectory, configureBuiltinRulesDirectory, loadRulebook, precompiledRulesFile, rootOf } from './rulebook/load';
export { PRECOMPILED_RULES_FILE } from './rulebook/precompiled';
export { ActiveRule, CompiledRule, Rulebook, firstMatchingGlob } from './rulebook/rulebook';
export { RuleDecision, SettingStep } from './rulebook/effective-rule';
export { AssistOptions, CompletionItem, CompletionKind, HoverInfo, rulebookCompletions, rulebookHover } from './rulebook/schema-assist';
export { starterRulebook } from './rulebook/starter';
export { Locale, LocalizedText, Rule, Severity, localize } from './rulebook/types';
export { RulebookProblem, formatProblem } from './rulebook/yaml-source';
export { RuleFailure, ScanInput, ScanResult, scanWithRules } from './scanner';
export * from './review';
export { DEFAULT_LIMITS, ScanLimits, SkipNote, minifiedNote, timeBudgetNote } from './source-text';
export { ScanBudget, ScanStopped, StopReason, budgetOf } from './budget';
export { TextIndex, Position, Range } from './text-index';

/** Scans a text as the file at `input.path` (workspace-relative) with the rules that apply to it. */
export function scanDocument(rulebook: Rulebook, input: ScanInput, options: ScanOptions = {}): Promise<ScanResult> {
  const languageId: LanguageId = input.languageId ?? languageForFile(input.path, input.text);
  return scanWithRules(rulebook.rulesFor(input.path, languageId), { ...input, languageId }, options);
}

export interface FileScan {
  /** Workspace-relative path with forward slashes. */
  readonly path: string;
  readonly findings: Finding[];
  readonly skipped?: SkipNote;
  readonly partialParse?: boolean;
  readonly failures?: ScanResult['failures'];
}

export function relativePath(root: string, file: string): string {
  const rel = path.relative(root, path.resolve(file));
  return (rel === '' ? path.basename(file) : rel).split(path.sep).join('/');
}

/**
 * Reads and scans one file, or says why it was skipped (too large, binary, minified, unreadable). With `headers`,
 * a C or C++ file's copies are judged with what its headers declare too (read through the same library, once).
 */
export async function scanFile(rulebook: Rulebook, file: string, reader: FileReader = diskReader, headers?: HeaderLibrary): Promise<FileScan> {
  const rel = relativePath(rulebook.root, file);
  const limits = rulebook.config.limits;
  const size = await reader.size(file);
  if (size === undefined) return { path: rel, findings: [], skipped: { reason: 'unreadable', detail: 'not a readable file' } };
  if (size > limits.maxFileSize) {
    return { path: rel, findings: [], skipped: { reason: 'too-large', detail: `${size} bytes is over the ${limits.maxFileSize}-byte limit (settings.max_file_size)` } };
  }
  let bytes: Buffer | undefined;
  try {
    bytes = await reader.read(file);
  } catch (err) {
    return { path: rel, findings: [], skipped: { reason: 'unreadable', detail: (err as Error).message } };
  }
  if (bytes === undefined) return { path: rel, findings: [], skipped: { reason: 'unreadable', detail: 'file vanished' } };
  const decoded = decodeSource(bytes, limits);
  if ('skip' in decoded) return { path: rel, findings: [], skipped: decoded.skip };
  try {
    const language = languageForFile(rel, decoded.text);
    const declared = headers && (language === 'c' || language === 'cpp') ? await headers.forFile(file, decoded.text) : undefined;
    const result = await scanDocument(rulebook, { path: rel, text: decoded.text, languageId: language, headers: declared }, { budget: budgetOf(limits.maxScanSeconds * 1000) });
    return { path: rel, findings: result.findings, partialParse: result.partialParse, failures: result.failures };
  } catch (err) {
    if (err instanceof ScanStopped) return { path: rel, findings: [], skipped: timeBudgetNote(limits) };
    throw err;
  }
}
