/**
 * Decides, for one rule and one file, whether the rule applies and with which severity, message and allow lists —
 * and, when asked, records every step with the rulebook file and line it came from (`rulebook explain`).
 *
 * Precedence (documented in docs/rulebook.md): the rule as defined; then every top-level `disable` / `enable` and
 * `overrides` entry in load order (an extended rulebook before the one that extends it, so the later one wins);
 * then the file's matching per-path sections, in the same order. Within one rulebook file `enable` comes after
 * `disable`, and within one path section an entry of its `overrides` after the section-wide `severity`.
 */
import { Minimatch } from 'minimatch';
import { LanguageId } from '../languages';
import type { ActiveRule, AllowTest, CompiledRule, PathSectionEntry, Provenance, RulebookConfig } from './rulebook';
import { LocalizedText, PathFilter, RuleOverride, Severity, localize } from './types';

const globCache = new Map<string, Minimatch>();

/** minimatch globs relative to the workspace root, dot files included, compiled once per glob. */
export function matchesGlob(relPath: string, glob: string): boolean {
  let matcher = globCache.get(glob);
  if (!matcher) {
    matcher = new Minimatch(glob, { dot: true });
    globCache.set(glob, matcher);
  }
  return matcher.match(relPath);
}

export function pathFilterAllows(filter: PathFilter | undefined, relPath: string): boolean {
  if (!filter) return true;
  if (filter.include && filter.include.length > 0 && !filter.include.some((g) => matchesGlob(relPath, g))) return false;
  return !(filter.exclude ?? []).some((g) => matchesGlob(relPath, g));
}

/** `all`, an exact id, or a prefix ending in `*` (`c.risky.*`). */
export function idSelected(selector: string, ruleId: string): boolean {
  return selector === 'all' || selector === ruleId || (selector.endsWith('*') && ruleId.startsWith(selector.slice(0, -1)));
}

export type Setting = 'severity' | 'message' | 'include' | 'exclude' | 'allow' | 'enabled';

/** One step that set a setting: its new value, the rulebook file:line, and through what (`overrides c.*`). */
export interface SettingStep {
  readonly setting: Setting;
  readonly value: string;
  readonly from: string;
  readonly via: string;
}

export type NotApplied =
  | { readonly reason: 'language'; readonly languages: readonly LanguageId[] }
  | { readonly reason: 'disabled'; readonly step: SettingStep }
  | { readonly reason: 'include'; readonly globs: readonly string[]; readonly step: SettingStep }
  | { readonly reason: 'exclude'; readonly glob: string; readonly step: SettingStep };

export interface RuleDecision {
  readonly compiled: CompiledRule;
  /** The rule as it runs on the file, when it applies. */
  readonly active?: ActiveRule;
  readonly notApplied?: NotApplied;
  /** Every step that shaped the settings, in the order they applied (only when traced). */
  readonly trail: readonly SettingStep[];
}

export interface DecideOptions {
  /** The file's language; undefined decides for every language (the rulebook-wide view). */
  readonly languageId?: LanguageId;
  /** The file and its matching path sections; undefined ignores paths (fixtures, examples, the rulebook-wide view). */
  readonly file?: { readonly path: string; readonly sections: readonly Provenance<PathSectionEntry>[] };
  readonly trace: boolean;
}

const show = (values: readonly string[]): string => `[${values.join(', ')}]`;

/** The mutable state of one decision; `set` records a step when tracing. */
class Decision {
  enabled = true;
  disabledBy?: SettingStep;
  severity: Severity;
  message?: LocalizedText;
  include?: { globs: readonly string[]; step: SettingStep };
  exclude?: { globs: readonly string[]; step: SettingStep };
  readonly allows: AllowTest[] = [];
  readonly trail: SettingStep[] = [];

  constructor(
    readonly compiled: CompiledRule,
    private readonly config: RulebookConfig,
    private readonly trace: boolean,
  ) {
    const rule = compiled.rule;
    const from = `${compiled.source.file}:${compiled.source.line}`;
    this.severity = rule.severity;
    this.step({ setting: 'severity', value: rule.severity, from, via: 'the rule' });
    if (rule.paths?.include?.length) this.include = { globs: rule.paths.include, step: this.step({ setting: 'include', value: show(rule.paths.include), from, via: 'the rule' }) };
    if (rule.paths?.exclude?.length) this.exclude = { globs: rule.paths.exclude, step: this.step({ setting: 'exclude', value: show(rule.paths.exclude), from, via: 'the rule' }) };
  }

  /** A step is always returned (reasons cite it); it is only kept in the trail when tracing. */
  step(step: SettingStep): SettingStep {
    if (this.trace) this.trail.push(step);
    return step;
  }

  switchTo(enabled: boolean, from: string, via: string): void {
    const step = this.step({ setting: 'enabled', value: String(enabled), from, via });
    this.enabled = enabled;
    this.disabledBy = enabled ? undefined : step;
  }

  applyOverride(override: RuleOverride, from: string, via: string): void {
    if (override.severity) {
      this.severity = override.severity;
      this.step({ setting: 'severity', value: override.severity, from, via });
    }
    if (override.message !== undefined) {
      this.message = override.message;
      this.step({ setting: 'message', value: JSON.stringify(localize(override.message)), from, via });
    }
    // An override's `paths` replaces the rule's include or exclude list (each on its own); narrowing a rule to
    // fewer files is what per-path sections (`disable`) are for.
    if (override.paths?.include) this.include = { globs: override.paths.include, step: this.step({ setting: 'include', value: show(override.paths.include), from, via }) };
    if (override.paths?.exclude) this.exclude = { globs: override.paths.exclude, step: this.step({ setting: 'exclude', value: show(override.paths.exclude), from, via }) };
    if (override.allow && override.allow.length > 0) {
      const test = this.config.allowTests.get(override)?.get(this.compiled.rule.kind);
      if (test) this.allows.push(test);
      this.step({ setting: 'allow', value: show(override.allow), from, via });
    }
  }
}

function applyTopLevel(decision: Decision, config: RulebookConfig, id: string): void {
  for (const s of config.switches) {
    if (idSelected(s.value.selector, id)) decision.switchTo(s.value.enabled, s.from, `${s.value.enabled ? 'enable' : 'disable'}: ${s.value.selector}`);
  }
  for (const o of config.overrides) {
    if (idSelected(o.value.selector, id)) decision.applyOverride(o.value.override, o.from, `overrides: ${o.value.selector}`);
  }
}

function applySection(decision: Decision, entry: Provenance<PathSectionEntry>, id: string): void {
  const { glob, section } = entry.value;
  const via = `paths: "${glob}"`;
  for (const selector of section.disable ?? []) if (idSelected(selector, id)) decision.switchTo(false, entry.from, `${via} disable: ${selector}`);
  for (const selector of section.enable ?? []) if (idSelected(selector, id)) decision.switchTo(true, entry.from, `${via} enable: ${selector}`);
  if (section.severity) {
    decision.severity = section.severity;
    decision.step({ setting: 'severity', value: section.severity, from: entry.from, via });
  }
  for (const [selector, override] of Object.entries(section.overrides ?? {})) {
    if (idSelected(selector, id)) decision.applyOverride(override, entry.from, `${via} overrides: ${selector}`);
  }
}

function pathReason(decision: Decision, relPath: string): NotApplied | undefined {
  const { include, exclude } = decision;
  if (include && include.globs.length > 0 && !include.globs.some((g) => matchesGlob(relPath, g))) {
    return { reason: 'include', globs: include.globs, step: include.step };
  }
  const excluded = exclude?.globs.find((g) => matchesGlob(relPath, g));
  return excluded !== undefined && exclude ? { reason: 'exclude', glob: excluded, step: exclude.step } : undefined;
}

export function decideRule(compiled: CompiledRule, config: RulebookConfig, options: DecideOptions): RuleDecision {
  const { languageId, file, trace } = options;
  if (languageId !== undefined && compiled.languages && !compiled.languages.has(languageId)) {
    return { compiled, notApplied: { reason: 'language', languages: [...compiled.languages] }, trail: [] };
  }
  const id = compiled.rule.id;
  const decision = new Decision(compiled, config, trace);
  applyTopLevel(decision, config, id);
  for (const section of file?.sections ?? []) applySection(decision, section, id);
  let notApplied: NotApplied | undefined;
  if (!decision.enabled && decision.disabledBy) notApplied = { reason: 'disabled', step: decision.disabledBy };
  else if (file) notApplied = pathReason(decision, file.path);
  if (notApplied) return { compiled, notApplied, trail: decision.trail };
  const active: ActiveRule = {
    compiled,
    severity: decision.severity,
    message: decision.message,
    allows: decision.allows.length > 0 ? decision.allows : undefined,
  };
  return { compiled, active, trail: decision.trail };
}
