/**
 * SARIF 2.1.0 for code scanning: rules with help text and CWE tags, results on the flagged token with
 * `partialFingerprints`, inline suppressions kept as `suppressions` (kind inSource) so a viewer can show them, and
 * for a scan of a change with `--all-findings`, each result's `baselineState` (the removed ones as `absent`).
 * Findings in vendored code go to a second run of their own category (`automationDetails.id`
 * `rulebook-vendored/`), always written so the category never disappears from code scanning; every result says its
 * path class and whether it gates in `properties`.
 */
import type * as Sarif from 'sarif';
import { pathToFileURL } from 'url';
import { CompiledRule, Confidence, Finding, confidenceReasons, localize } from '../../engine';
import { ScanReport, gatingOf, messageOf } from './report';
import { approvalSuppression } from './sarif-review';

const RANK: Readonly<Record<Confidence, number>> = { high: 90, medium: 60, low: 30 };

const LEVEL: Record<Finding['severity'], Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

export function helpUriOf(rule: CompiledRule['rule']): string | undefined {
  if (rule.helpUri) return rule.helpUri;
  const cwe = rule.cwe?.[0];
  return cwe ? `https://cwe.mitre.org/data/definitions/${cwe}.html` : undefined;
}

function sarifRule(compiled: CompiledRule): Sarif.ReportingDescriptor {
  const rule = compiled.rule;
  const rationale = localize(rule.rationale, 'en');
  const fix = localize(rule.fix, 'en');
  const tags = ['security', ...(rule.tags ?? []), ...(rule.cwe ?? []).map((c) => `external/cwe/cwe-${c}`)];
  if (rule.guide) tags.push(`ipa-guide/item-${rule.guide}`);
  const help = fix ? `${rationale}\n\nFix: ${fix}` : rationale;
  return {
    id: rule.id,
    name: rule.id.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
    shortDescription: { text: localize(rule.message, 'en').replace(/\{\w+\}/g, '…').replace(/`/g, '') },
    fullDescription: { text: rationale },
    help: { text: help, markdown: help },
    helpUri: helpUriOf(rule),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags,
      precision: rule.confidence === 'low' ? 'low' : rule.confidence === 'medium' ? 'medium' : 'high',
      ...(rule.guide ? { ipaGuideItem: rule.guide } : {}),
      ...(typeof rule.rationale === 'object' && rule.rationale.ja ? { 'rationale-ja': rule.rationale.ja } : {}),
    },
  };
}

/** The category of the run holding findings in vendored code. */
export const VENDORED_CATEGORY = 'rulebook-vendored/';

export function formatSarif(report: ScanReport): string {
  const rules = report.rulebook.rules;
  const index = new Map(rules.map((r, i) => [r.rule.id, i]));
  const resultOf = (f: Finding, baselineState?: Sarif.Result.baselineState): Sarif.Result => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: messageOf(f, report.locale) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(f.path), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: f.range.start.line + 1,
            startColumn: f.range.start.character + 1,
            endLine: f.range.end.line + 1,
            endColumn: f.range.end.character + 1,
          },
        },
      },
    ],
    partialFingerprints: { 'rulebookFingerprint/v1': f.fingerprint },
    ...(baselineState ? { baselineState } : {}),
    // SARIF's rank (0–100) orders results by how sure they are; only findings with a confidence have one.
    ...(f.confidence ? { rank: RANK[f.confidence] } : {}),
    ...suppressionsOf(f, report),
    properties: {
      pathClass: f.pathClass ?? 'product',
      gating: gatingOf(report, f),
      ...(f.pathClass ? { tags: [f.pathClass] } : {}),
      ...(f.evidence ? { evidence: [...f.evidence] } : {}),
      ...(f.confidence ? { confidence: f.confidence, confidenceReasons: confidenceReasons(f.evidence ?? [], f.pathClass, report.locale) } : {}),
      ...commitProperties(f, report),
    },
  });
  // A scan of a change with every finding asked for carries SARIF's baseline states, and the findings it removed.
  const baseline = report.baseline?.all ? report.baseline : undefined;
  const resultsOf = (findings: readonly Finding[], absent: readonly Finding[]): Sarif.Result[] => [
    ...findings.map((f) => resultOf(f, baseline?.states.get(f))),
    ...absent.map((f) => resultOf(f, 'absent')),
  ];
  const absent = baseline?.absent ?? [];
  const driver: Sarif.ToolComponent = {
    name: 'rulebook',
    fullName: 'Secure Coding Rulebook',
    version: report.toolVersion,
    semanticVersion: report.toolVersion,
    informationUri: 'https://www.ipa.go.jp/security/',
    rules: rules.map(sarifRule),
  };
  const originalUriBaseIds = { '%SRCROOT%': { uri: pathToFileUri(report.rulebook.root) } };
  const main: Sarif.Run = {
    tool: { driver },
    originalUriBaseIds,
    invocations: [
      {
        executionSuccessful: true,
        toolExecutionNotifications: report.skipped.map((s) => ({
          level: 'note' as const,
          message: { text: `skipped: ${s.skipped?.detail ?? ''}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(s.path), uriBaseId: '%SRCROOT%' } } }],
        })),
      },
    ],
    results: resultsOf(report.findings.filter((f) => f.pathClass !== 'vendored'), absent.filter((f) => f.pathClass !== 'vendored')),
  };
  const vendored: Sarif.Run = {
    automationDetails: { id: VENDORED_CATEGORY, description: { text: 'Findings in vendored third-party code' } },
    tool: { driver },
    originalUriBaseIds,
    invocations: [{ executionSuccessful: true }],
    results: resultsOf(report.findings.filter((f) => f.pathClass === 'vendored'), absent.filter((f) => f.pathClass === 'vendored')),
  };
  const log: Sarif.Log = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [main, vendored] };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function suppressionsOf(f: Finding, report: ScanReport): { suppressions?: Sarif.Suppression[] } {
  const suppressions: Sarif.Suppression[] = [
    ...(f.suppression ? [{ kind: 'inSource' as const, justification: f.suppression.reason }] : []),
    ...approvalSuppression(report.reviews?.get(f)),
  ];
  return suppressions.length > 0 ? { suppressions } : {};
}

/** A finding of a history scan says which commit added it, by whom and when. */
function commitProperties(f: Finding, report: ScanReport): Sarif.PropertyBag {
  const c = report.commits?.get(f);
  return c ? { commit: c.id, author: c.authorName, authorEmail: c.authorEmail, date: c.date } : {};
}

function pathToFileUri(dir: string): string {
  const uri = pathToFileURL(dir).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}
