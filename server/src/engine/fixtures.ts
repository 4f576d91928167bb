/**
 * Rule fixtures, semgrep style: a comment `ruleid: ID` marks the next code line as one the rule must flag,
 * `ok: ID` one it must not; `info: ID` one it must flag at `info`, not gating (a copy whose bound is evident), while
 * a `ruleid` line flagged only at `info` by a rule of a higher severity fails; `todoruleid:` / `todook:` record known
 * misses and false alarms without failing.
 * An annotation after code on the same line applies to that line. Any finding of an annotated rule on a line
 * not marked `ruleid` is a failure too, so a fixture pins down every line of its rules.
 */
import { Finding } from './findings';
import { languageForPath } from './languages';
import { Rulebook } from './rulebook/rulebook';
import { scanWithRules } from './scanner';

export const FIXTURE_INFIX = '.fixture.';

export interface FixtureMismatch {
  /** One-based line. */
  readonly line: number;
  readonly ruleId: string;
  readonly problem: 'missed' | 'unexpected' | 'unknown-rule';
  readonly detail: string;
}

export interface FixtureResult {
  readonly path: string;
  /** Annotations checked (ruleid and ok). */
  readonly checked: number;
  /** Known misses recorded with todoruleid / todook. */
  readonly todo: number;
  readonly mismatches: FixtureMismatch[];
}

type Expectation = 'ruleid' | 'info' | 'ok' | 'todoruleid' | 'todook';

const ANNOTATION = /(?:\/\/|<#|#|\/\*|<!--|;|--|\*)\s*(todoruleid|todook|ruleid|info|ok)\s*:\s*([a-z0-9][\w.*-]*(?:\s*,\s*[a-z0-9][\w.*-]*)*)/;

interface Annotation {
  readonly expectation: Expectation;
  readonly ruleIds: readonly string[];
  /** Zero-based line the annotation is about. */
  readonly target: number;
  /** Zero-based line the annotation is written on. */
  readonly line: number;
}

export function parseAnnotations(text: string): Annotation[] {
  const lines = text.split('\n');
  const annotations: Annotation[] = [];
  const pending: Omit<Annotation, 'target'>[] = [];
  lines.forEach((lineText, i) => {
    const m = ANNOTATION.exec(lineText);
    const ruleIds = m ? m[2].split(',').map((s) => s.trim()) : [];
    const codeBefore = m ? lineText.slice(0, m.index).trim() !== '' : lineText.trim() !== '';
    if (m && !codeBefore) {
      pending.push({ expectation: m[1] as Expectation, ruleIds, line: i });
      return;
    }
    if (m) annotations.push({ expectation: m[1] as Expectation, ruleIds, line: i, target: i });
    if (codeBefore) {
      for (const p of pending.splice(0)) annotations.push({ ...p, target: i });
    }
  });
  return annotations;
}

export async function checkFixture(rulebook: Rulebook, relPath: string, text: string): Promise<FixtureResult> {
  const annotations = parseAnnotations(text);
  const languageId = languageForPath(relPath.replace(FIXTURE_INFIX, '.'));
  const rules = rulebook.rulesFor(relPath, languageId, { ignorePaths: true });
  const result = await scanWithRules(rules, { path: relPath, text, languageId });
  const visible = result.findings.filter((f) => !f.suppression);
  const flagged = (ruleId: string, line: number): Finding | undefined =>
    visible.find((f) => f.ruleId === ruleId && f.range.start.line === line);
  const mismatches: FixtureMismatch[] = [];
  const mentioned = new Set<string>();
  const expectedLines = new Map<string, Set<number>>();
  let checked = 0;
  let todo = 0;
  for (const a of annotations) {
    for (const ruleId of a.ruleIds) {
      mentioned.add(ruleId);
      if (!rulebook.rule(ruleId)) {
        mismatches.push({ line: a.line + 1, ruleId, problem: 'unknown-rule', detail: `no rule ${ruleId} in the rulebook (or it does not apply to ${languageId})` });
        continue;
      }
      if (a.expectation === 'todoruleid' || a.expectation === 'todook') {
        todo++;
        if (a.expectation === 'todook') expectedLines.set(ruleId, (expectedLines.get(ruleId) ?? new Set()).add(a.target));
        continue;
      }
      checked++;
      const finding = flagged(ruleId, a.target);
      if (a.expectation === 'ruleid' || a.expectation === 'info') {
        expectedLines.set(ruleId, (expectedLines.get(ruleId) ?? new Set()).add(a.target));
        const ruleSeverity = rules.find((r) => r.compiled.rule.id === ruleId)?.severity;
        if (!finding) mismatches.push({ line: a.target + 1, ruleId, problem: 'missed', detail: `expected ${ruleId} on line ${a.target + 1}, got nothing` });
        else if (a.expectation === 'info' && finding.severity !== 'info') {
          mismatches.push({ line: a.target + 1, ruleId, problem: 'unexpected', detail: `expected ${ruleId} at info on line ${a.target + 1}, got ${finding.severity}: ${finding.message}` });
        } else if (a.expectation === 'ruleid' && finding.severity === 'info' && ruleSeverity !== 'info') {
          mismatches.push({ line: a.target + 1, ruleId, problem: 'missed', detail: `expected ${ruleId} at ${ruleSeverity} on line ${a.target + 1}, got info: ${finding.message}` });
        }
      } else if (finding) {
        mismatches.push({ line: a.target + 1, ruleId, problem: 'unexpected', detail: `line ${a.target + 1} is marked ok but ${ruleId} flagged it: ${finding.message}` });
        expectedLines.set(ruleId, (expectedLines.get(ruleId) ?? new Set()).add(a.target));
      }
    }
  }
  for (const finding of visible) {
    if (!mentioned.has(finding.ruleId)) continue;
    if (expectedLines.get(finding.ruleId)?.has(finding.range.start.line)) continue;
    const line = finding.range.start.line + 1;
    mismatches.push({ line, ruleId: finding.ruleId, problem: 'unexpected', detail: `${finding.ruleId} flagged unannotated line ${line}: ${finding.message}` });
  }
  for (const failure of result.failures) {
    mismatches.push({ line: 1, ruleId: failure.ruleId, problem: 'unexpected', detail: `rule threw: ${failure.message}` });
  }
  mismatches.sort((a, b) => a.line - b.line);
  return { path: relPath, checked, todo, mismatches };
}
