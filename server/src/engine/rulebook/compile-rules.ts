/**
 * Turns collected rules into compiled ones: duplicate ids, unknown kinds and languages, and each kind's own checks
 * (regexes, queries, allow lists) are reported at the key they are about, and only the broken rule is dropped.
 * Also compiles the `allow` lists of overrides and warns about overrides and switches that select no rule.
 */
import { kindFor, kindNames } from '../kinds';
import { ValuePosition } from '../kinds/kind';
import { LANGUAGE_IDS, LanguageId, languageFamily, resolveLanguageName } from '../languages';
import { Collected, RuleEntry } from './collect';
import { AllowTest, CompiledRule, idSelected } from './rulebook';
import { didYouMean } from './suggest';
import { RuleOverride } from './types';
import { KeyPath } from './yaml-source';

/** The end of the warning for a workspace `pattern` rule skipped because the workspace is not trusted. */
export const UNTRUSTED_RULE_NOTE = 'not run: pattern rules from the workspace run only when the workspace is trusted';

export interface CompileOptions {
  /** Workspace trust: when false, `pattern` rules from the workspace's own rulebooks are not run. */
  readonly trustWorkspaceRules?: boolean;
}

type Report = (keyPath: KeyPath, message: string, at?: ValuePosition) => void;

function resolveLanguages(entry: RuleEntry, report: Report): ReadonlySet<LanguageId> | undefined {
  const names = entry.rule.languages;
  if (!names) return undefined;
  const set = new Set<LanguageId>();
  names.forEach((name, i) => {
    const id = resolveLanguageName(name);
    if (!id) report(['languages', i], `unknown language \`${name}\`${didYouMean(name, LANGUAGE_IDS)}; known: ${LANGUAGE_IDS.join(', ')}`);
    else for (const member of languageFamily(id)) set.add(member);
  });
  return set;
}

/** An example's own `language:` must be known too, or it would silently run as plain text. */
function checkExampleLanguages(entry: RuleEntry, report: Report): void {
  for (const expectation of ['bad', 'good'] as const) {
    (entry.rule.examples?.[expectation] ?? []).forEach((example, i) => {
      if (typeof example === 'string' || example.language === undefined) return;
      if (!resolveLanguageName(example.language)) {
        report(['examples', expectation, i, 'language'], `unknown language \`${example.language}\`${didYouMean(example.language, LANGUAGE_IDS)}`);
      }
    });
  }
}

export async function compileRules(collected: Collected, options: CompileOptions): Promise<CompiledRule[]> {
  const compiled: CompiledRule[] = [];
  const firstDefinition = new Map<string, RuleEntry>();
  for (const entry of collected.rules) {
    let broken = false;
    const report: Report = (keyPath, message, at) => {
      broken = true;
      const full = [...entry.keyPath, ...keyPath];
      const text = `${entry.rule.id}: ${message}`;
      collected.problems.push(at ? entry.source.problemInValue(full, at.offset, at.length ?? 1, text) : entry.source.problemAt(full, text, 'error', 'value'));
    };
    const first = firstDefinition.get(entry.rule.id);
    if (first) {
      const at = first.source.locationOf([...first.keyPath, 'id']);
      report(['id'], `duplicate rule id (first defined at ${at.file}:${at.line}); use \`overrides\` to change a rule without copying it`);
      continue;
    }
    firstDefinition.set(entry.rule.id, entry);
    const kind = kindFor(entry.rule.kind);
    if (!kind) {
      report(['kind'], `unknown kind \`${entry.rule.kind}\`${didYouMean(entry.rule.kind, kindNames())}; known: ${kindNames().join(', ')}`);
      continue;
    }
    const trusted = entry.origin === 'builtin';
    if (!trusted && entry.rule.kind === 'pattern' && options.trustWorkspaceRules === false) {
      collected.problems.push(entry.source.problemAt([...entry.keyPath, 'kind'], `${entry.rule.id}: ${UNTRUSTED_RULE_NOTE}`, 'warning'));
      continue;
    }
    const languages = resolveLanguages(entry, report);
    checkExampleLanguages(entry, report);
    let matcher;
    try {
      matcher = await kind.compile(entry.rule, { trusted, report });
    } catch (err) {
      report([], `could not be compiled: ${(err as Error).message}`);
      continue;
    }
    if (!matcher || broken) continue;
    const source = entry.source.locationOf([...entry.keyPath, 'id']);
    compiled.push({ rule: entry.rule, source: { file: source.file, line: source.line, column: source.column }, languages, matcher, origin: entry.origin });
  }
  return compiled;
}

/**
 * Compiles every override's `allow` list once per kind of rule it selects (an `ip` rule's list holds CIDR ranges,
 * others name flagged texts), reporting bad entries at their line.
 */
export function compileAllowLists(collected: Collected, rules: readonly CompiledRule[]): Map<RuleOverride, Map<string, AllowTest>> {
  const tests = new Map<RuleOverride, Map<string, AllowTest>>();
  for (const site of collected.overrideSites) {
    const entries = site.override.allow;
    if (!entries || entries.length === 0) continue;
    const byKind = new Map<string, AllowTest>();
    for (const rule of rules) {
      const kindName = rule.rule.kind;
      if (!idSelected(site.selector, rule.rule.id) || byKind.has(kindName)) continue;
      const kind = kindFor(kindName);
      const report = (index: number, message: string): void => {
        collected.problems.push(site.source.problemAt([...site.keyPath, 'allow', index], `${message} (in the allow list for ${kindName} rules)`, 'error', 'value'));
      };
      const exact = new Set(entries);
      byKind.set(kindName, kind?.compileAllow ? kind.compileAllow(entries, report) : (token) => exact.has(token));
    }
    tests.set(site.override, byKind);
  }
  return tests;
}

/**
 * A `disable`, `enable` or `overrides` entry that selects no rule is almost always a typo: warn at its line. Rules
 * that failed to compile still count (their own error says what is wrong; "no rule has the id" would mislead).
 */
export function warnUnselected(collected: Collected): void {
  const ids = [...collected.declaredIds];
  for (const { selector, what, at } of collected.selectorSites) {
    if (selector === 'all' || ids.some((id) => idSelected(selector, id))) continue;
    const message = selector.endsWith('*') ? `no rule id starts with \`${selector.slice(0, -1)}\`` : `no rule has the id \`${selector}\`${didYouMean(selector, ids)}`;
    collected.problems.push({ ...at, severity: 'warning', message: `${what}: ${message}` });
  }
}
