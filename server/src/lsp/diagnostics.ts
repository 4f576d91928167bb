/**
 * Findings and rulebook problems as LSP diagnostics. A finding's diagnostic carries the rule id as `code`, a link to
 * the rule's documentation (its `helpUri`, else its first CWE's page), the severity after the user's overrides,
 * and the fingerprint as `data` — never the flagged text.
 */
import { Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { CompiledRule, Finding, LedgerProblem, Locale, PATH_CLASS_NAMES, RulebookProblem, Severity, SkipNote } from '../engine';
import { text } from './texts';
import { DIAGNOSTIC_SOURCE, FindingData, RULEBOOK_DIAGNOSTIC_SOURCE, SeverityOverride } from './protocol';

const SEVERITIES: Readonly<Record<Severity | Exclude<SeverityOverride, 'off'>, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function cweUri(cwe: number): string {
  return `https://cwe.mitre.org/data/definitions/${cwe}.html`;
}

export function ruleHref(rule: CompiledRule | undefined, cwe: readonly number[]): string | undefined {
  if (rule?.rule.helpUri) return rule.rule.helpUri;
  return cwe.length > 0 ? cweUri(cwe[0]) : undefined;
}

function tagsFor(rule: CompiledRule | undefined): DiagnosticTag[] | undefined {
  if (!rule) return undefined;
  // A suppression that suppresses nothing is dead text; a banned legacy API is, in effect, deprecated.
  if (rule.rule.kind === 'suppression') return [DiagnosticTag.Unnecessary];
  if (rule.rule.tags?.some((tag) => tag === 'deprecated' || tag === 'obsolete')) return [DiagnosticTag.Deprecated];
  return undefined;
}

/** The finding's message; outside product code it says where it is: "… (in vendored third-party code)". */
function messageWithClass(finding: Finding, locale: Locale): string {
  const message = (locale === 'ja' ? finding.messageJa : undefined) ?? finding.message;
  return finding.pathClass ? text('inPathClass', locale, { message, class: PATH_CLASS_NAMES[finding.pathClass][locale] }) : message;
}

export function findingDiagnostic(finding: Finding, rule: CompiledRule | undefined, override: SeverityOverride | undefined, locale: Locale): Diagnostic {
  const href = ruleHref(rule, finding.cwe);
  const data: FindingData = { fingerprint: finding.fingerprint };
  const severity = override && override !== 'off' ? override : finding.severity;
  return {
    range: finding.range,
    severity: SEVERITIES[severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: href ? { href } : undefined,
    message: messageWithClass(finding, locale),
    tags: tagsFor(rule),
    data,
  };
}

/** A rulebook problem (one-based line and column) in its file, underlining the key or value it is about. */
export function problemDiagnostic(problem: RulebookProblem, lineText: (line: number) => string | undefined): Diagnostic {
  const line = Math.max(0, problem.line - 1);
  const character = Math.max(0, problem.column - 1);
  let end = { line, character: (lineText(line) ?? '').length };
  if (problem.endLine !== undefined && problem.endColumn !== undefined) {
    const candidate = { line: problem.endLine - 1, character: problem.endColumn - 1 };
    if (candidate.line > line || (candidate.line === line && candidate.character > character)) end = candidate;
  }
  if (end.line === line && end.character <= character) end = { line, character: character + 1 };
  return {
    range: { start: { line, character }, end },
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: RULEBOOK_DIAGNOSTIC_SOURCE,
    message: problem.message,
  };
}

/**
 * Lines of a review ledger that could not be read (one-based), as warnings on those lines: the line is ignored and
 * every other approval holds. The whole line is underlined (up to the start of the next).
 */
export function ledgerDiagnostics(problems: readonly LedgerProblem[], locale: Locale): Diagnostic[] {
  return problems.map((problem) => ({
    range: { start: { line: problem.line - 1, character: 0 }, end: { line: problem.line, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    source: RULEBOOK_DIAGNOSTIC_SOURCE,
    message: text('ledgerLineIgnored', locale, { reason: problem.message }),
  }));
}

/**
 * The one diagnostic of a document that is not scanned (too large, binary, minified, over the time budget): an
 * information at the top naming the reason, so nobody takes the missing findings for a clean file.
 */
export function skippedDiagnostic(note: SkipNote, locale: Locale): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: SKIPPED_CODE,
    message: text('notScanned', locale, { reason: text(SKIP_REASONS[note.reason], locale), detail: note.detail }),
  };
}

/** The diagnostic code of a "not scanned" notice (no rule has it). */
export const SKIPPED_CODE = 'not-scanned';

const SKIP_REASONS = {
  'too-large': 'skipTooLarge',
  binary: 'skipBinary',
  minified: 'skipMinified',
  unreadable: 'skipUnreadable',
  'time-budget': 'skipTimeBudget',
} as const;
