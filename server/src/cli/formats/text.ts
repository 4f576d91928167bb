/** Compiler-style text: `path:line:col: severity: message [rule-id]`, one finding a line, one-based positions. */
import { Finding } from '../../engine';
import { ScanReport, blocks, classMarker, countBySeverity, messageOf } from './report';

function findingLine(report: ScanReport, f: Finding, state?: string): string {
  const approval = report.reviews?.get(f);
  const approved = approval?.state === 'approved';
  const commit = report.commits?.get(f);
  // A line of history is `commit:path:line:col`, as `git show commit:path` names the file in that commit.
  const where = `${commit ? `${commit.id.slice(0, 12)}:` : ''}${f.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
  const suppressed = f.suppression ? ` (suppressed: ${f.suppression.reason})` : '';
  const reviewed = approved ? ` (approved by ${approval.reviewer?.name ?? approval.entry?.entry.reviewer}${approval.expires ? ` until ${approval.expires.toISOString().slice(0, 10)}` : ''})` : '';
  const baseline = state ? ` (${state})` : '';
  const added = commit ? ` (added by ${commit.authorName} <${commit.authorEmail}> on ${commit.date.slice(0, 10)})` : '';
  // A low-confidence finding (shown with --show-low-confidence) says so: a reviewer reads it differently.
  const confidence = f.confidence === 'low' ? ' (low confidence)' : '';
  return `${where}: ${f.severity}: ${messageOf(f, report.locale)} [${f.ruleId}]${classMarker(f)}${confidence}${suppressed}${reviewed}${baseline}${added}`;
}

export function formatText(report: ScanReport): string {
  const lines: string[] = [];
  const all = report.baseline?.all === true;
  for (const f of report.findings) {
    const approved = report.reviews?.get(f)?.state === 'approved';
    if ((f.suppression || approved) && !report.showSuppressed) continue;
    lines.push(findingLine(report, f, all ? report.baseline?.states.get(f) : undefined));
  }
  if (all) for (const f of report.baseline?.absent ?? []) lines.push(findingLine(report, f, 'absent: removed by the change'));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function summaryLine(report: ScanReport): string {
  const approved = report.findings.filter((f) => !f.suppression && report.reviews?.get(f)?.state === 'approved').length;
  const visible = report.findings.filter((f) => !f.suppression && report.reviews?.get(f)?.state !== 'approved');
  const counts = countBySeverity(visible);
  const suppressed = report.findings.length - visible.length - approved;
  const gating = visible.filter((f) => blocks(report, f)).length;
  const vendored = visible.filter((f) => f.pathClass === 'vendored').length;
  const baseline = report.baseline;
  const what = baseline && !baseline.all ? ` on lines added or changed by ${baseline.description}` : '';
  const parts = [
    `${visible.length} finding${visible.length === 1 ? '' : 's'}${what} (${counts.error} error, ${counts.warning} warning, ${counts.info} info; ${gating} gating)`,
    `${report.filesScanned} file${report.filesScanned === 1 ? '' : 's'} scanned${report.fromCache ? ` (${report.fromCache} from the cache)` : ''}`,
  ];
  if (vendored > 0) parts.push(`${vendored} in vendored code`);
  if (baseline?.all) {
    const introduced = report.findings.filter((f) => ['new', 'updated'].includes(baseline.states.get(f) ?? '')).length;
    parts.push(`${introduced} new or updated by ${baseline.description}, ${baseline.absent.length} removed`);
  }
  if (report.history) {
    const { commits, seconds, range } = report.history;
    const with_ = new Set(visible.map((f) => report.commits?.get(f)?.id)).size;
    parts[1] = `${commits} commit${commits === 1 ? '' : 's'} of ${range} read in ${seconds.toFixed(1)} s (${Math.round(commits / Math.max(seconds, 0.001))} commits/s), secrets in ${with_}`;
  }
  if (suppressed > 0) parts.push(`${suppressed} suppressed inline`);
  if (approved > 0) parts.push(`${approved} approved by reviewers`);
  if (report.skipped.length > 0) parts.push(`${report.skipped.length} skipped`);
  if (report.hiddenLowConfidence) parts.push(`${report.hiddenLowConfidence} low-confidence not shown (--show-low-confidence)`);
  return parts.join(', ');
}
