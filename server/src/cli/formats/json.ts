/**
 * Machine-readable JSON: every finding (suppressed ones flagged as such), skipped files and rulebook problems; for a
 * scan of a change, each finding's `baselineState` and (with `--all-findings`) the findings the change removed.
 */
import { Finding, confidenceReasons } from '../../engine';
import { ScanReport, gatingOf, messageOf } from './report';

export function formatJson(report: ScanReport): string {
  const baseline = report.baseline;
  const findingJson = (f: Finding, state?: string): Record<string, unknown> => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: messageOf(f, report.locale),
    path: f.path,
    start: { line: f.range.start.line + 1, column: f.range.start.character + 1 },
    end: { line: f.range.end.line + 1, column: f.range.end.character + 1 },
    fingerprint: f.fingerprint,
    cwe: f.cwe,
    guide: f.guide,
    pathClass: f.pathClass ?? 'product',
    gating: gatingOf(report, f),
    suppression: f.suppression ? { reason: f.suppression.reason, line: f.suppression.line + 1 } : undefined,
    evidence: f.evidence,
    confidence: f.confidence,
    confidenceReasons: f.confidence ? confidenceReasons(f.evidence ?? [], f.pathClass, report.locale) : undefined,
    baselineState: state,
    commit: commitOf(f),
  });
  const commitOf = (f: Finding): Record<string, string> | undefined => {
    const c = report.commits?.get(f);
    return c ? { id: c.id, author: c.authorName, email: c.authorEmail, date: c.date } : undefined;
  };
  return `${JSON.stringify(
    {
      tool: { name: 'rulebook', version: report.toolVersion },
      rulebook: { version: report.rulebook.config.version, name: report.rulebook.config.name, files: report.rulebook.files },
      scope: baseline?.description,
      history: report.history,
      findings: report.findings.map((f) => findingJson(f, baseline?.states.get(f))),
      absent: baseline?.all ? baseline.absent.map((f) => findingJson(f, 'absent')) : undefined,
      skipped: report.skipped.map((s) => ({ path: s.path, reason: s.skipped?.reason, detail: s.skipped?.detail })),
      problems: report.rulebook.problems,
      filesScanned: report.filesScanned,
    },
    null,
    2,
  )}\n`;
}
