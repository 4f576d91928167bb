/** Compiler-style text: `path:line:col: severity: message [rule-id]`, one finding a line, one-based positions. */
import { ScanReport, blocks, classMarker, countBySeverity, messageOf } from './report';

export function formatText(report: ScanReport): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    const approval = report.reviews?.get(f);
    const approved = approval?.state === 'approved';
    if ((f.suppression || approved) && !report.showSuppressed) continue;
    const where = `${f.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
    const suppressed = f.suppression ? ` (suppressed: ${f.suppression.reason})` : '';
    const reviewed = approved ? ` (approved by ${approval.reviewer?.name ?? approval.entry?.entry.reviewer}${approval.expires ? ` until ${approval.expires.toISOString().slice(0, 10)}` : ''})` : '';
    lines.push(`${where}: ${f.severity}: ${messageOf(f, report.locale)} [${f.ruleId}]${classMarker(f)}${suppressed}${reviewed}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function summaryLine(report: ScanReport): string {
  const approved = report.findings.filter((f) => !f.suppression && report.reviews?.get(f)?.state === 'approved').length;
  const visible = report.findings.filter((f) => !f.suppression && report.reviews?.get(f)?.state !== 'approved');
  const counts = countBySeverity(visible);
  const suppressed = report.findings.length - visible.length - approved;
  const gating = visible.filter((f) => blocks(report, f)).length;
  const vendored = visible.filter((f) => f.pathClass === 'vendored').length;
  const parts = [
    `${visible.length} finding${visible.length === 1 ? '' : 's'} (${counts.error} error, ${counts.warning} warning, ${counts.info} info; ${gating} gating)`,
    `${report.filesScanned} file${report.filesScanned === 1 ? '' : 's'} scanned`,
  ];
  if (vendored > 0) parts.push(`${vendored} in vendored code`);
  if (suppressed > 0) parts.push(`${suppressed} suppressed inline`);
  if (approved > 0) parts.push(`${approved} approved by reviewers`);
  if (report.skipped.length > 0) parts.push(`${report.skipped.length} skipped`);
  return parts.join(', ');
}
