/**
 * GitLab's code quality report (a subset of the Code Climate format GitLab reads from an `artifacts:reports:
 * codequality` file): one issue per finding, with the finding's fingerprint so GitLab can tell new issues from
 * old ones between a merge request and its target. Inline-suppressed and approved findings are left out.
 */
import { Finding } from '../../engine';
import { ScanReport, messageOf } from './report';

const SEVERITY: Record<Finding['severity'], string> = { error: 'critical', warning: 'major', info: 'info' };

export function formatCodeQuality(report: ScanReport): string {
  const issues = report.findings
    .filter((f) => !f.suppression && report.reviews?.get(f)?.state !== 'approved')
    .map((f) => ({
      type: 'issue',
      check_name: f.ruleId,
      description: `${messageOf(f, report.locale)} [${f.ruleId}]`,
      categories: ['Security'],
      severity: SEVERITY[f.severity],
      fingerprint: f.fingerprint,
      location: { path: f.path, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
    }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
