/**
 * Decides, for one rule and one file, whether the rule applies and with which severity, message and allow lists —
 * and, when asked, records every step with the rulebook file and line it came from (`rulebook explain`).
 *
 * Precedence (documented in docs/rulebook.md): the rule as defined; then every top-level `disable` / `enable` and
 * `overrides` entry in load order (an extended rulebook before the one that extends it, so the later one wins);
 * then what the rule means in the file's path class (`classes`: the rule's, then each override's, per class — `off`
 * or a severity); then the file's matching per-path sections, in the same order (a section is the lead's word on
 * those very files, so it can turn a rule back on in tests). Within one rulebook file `enable` comes after
 * `disable`, and within one path section an entry of its `overrides` after the section-wide `severity`.
 */
import { Minimatch } from 'minimatch';
import { LanguageId } from '../languages';
import { PATH_CLASSES, PathClass } from '../path-classes';
import type { ActiveRule, AllowTest, CompiledRule, PathSectionEntry, Provenance, RulebookConfig } from './rulebook';
import { ClassTreatment, LocalizedText, PathFilter, RuleOverride, Severity, localize } from './types';

/** What a rule means in a class it says nothing about: vendored code is reported apart and never gates. */
export const DEFAULT_CLASS_TREATMENT: Readonly<Record<PathClass, ClassTreatment>> = { product: 'report', test: 'report', docs: 'report', vendored: 'info' };

const globCache = new Map<string, Minimatch>();

function minimatchOf(glob: string): Minimatch {
  let matcher = globCache.get(glob);
  if (!matcher) {
    matcher = new Minimatch(glob, { dot: true });
    globCache.set(glob, matcher);
  }
  return matcher;
}

/** minimatch globs relative to the workspace root, dot files included, compiled once per glob. */
export function matchesGlob(relPath: string, glob: string): boolean {
  return minimatchOf(glob).match(relPath);
}

/**
 * The last answer per glob list (by content), for the path it was asked about: a scan asks every rule about one
 * file before the next, and the default rulebook's 15 item-8 rules share one 24-glob exclude list, so each list
 * is matched once per file instead of once per rule.
 */
const listKeys = new WeakMap<readonly string[], string>();
const lastAnswer = new Map<string, { path: string; glob: string | undefined }>();

/** The first glob of the list that matches the path. */
export function firstMatchingGlob(relPath: string, globs: readonly string[]): string | undefined {
  let key = listKeys.get(globs);
  if (key === undefined) listKeys.set(globs, (key = globs.join('\0')));
  const last = lastAnswer.get(key);
  if (last?.path === relPath) return last.glob;
  const glob = globs.find((g) => matchesGlob(relPath, g));
  if (lastAnswer.size >= 256) lastAnswer.clear();
  lastAnswer.set(key, { path: relPath, glob });
  return glob;
}

export function pathFilterAllows(filter: PathFilter | undefined, relPath: string): boolean {
  if (!filter) return true;
  if (filter.include && filter.include.length > 0 && firstMatchingGlob(relPath, filter.include) === undefined) return false;
  return !filter.exclude || filter.exclude.length === 0 || firstMatchingGlob(relPath, filter.exclude) === undefined;
}

/** `all`, an exact id, or a prefix ending in `*` (`c.risky.*`). */
export function idSelected(selector: string, ruleId: string): boolean {
  return selector === 'all' || selector === ruleId || (selector.endsWith('*') && ruleId.startsWith(selector.slice(0, -1)));
}

export type Setting = 'severity' | 'message' | 'include' | 'exclude' | 'allow' | 'enabled' | 'classes';

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
  /** `classes.<class>: off` for the file's class (the step that set it). */
  | { readonly reason: 'class'; readonly pathClass: PathClass; readonly step: SettingStep }
  | { readonly reason: 'include'; readonly globs: readonly string[]; readonly step: SettingStep }
  | { readonly reason: 'exclude'; readonly glob: string; readonly step: SettingStep };

export interface RuleDecision {
  readonly compiled: CompiledRule;
  /** The rule as it runs on the file, when it applies. */
  readonly active?: ActiveRule;
  readonly notApplied?: NotApplied;
  /** Every step that shaped the settings, in the order they applied (only when traced). */
  readonly trail: readonly SettingStep[];
  /** The include and exclude globs in effect after every layer (what a file's path is checked against). */
  readonly filter: PathFilter;
  /** The treatment per path class after the rule and every override (classes not set keep the default). */
  readonly classes: Readonly<Record<PathClass, ClassTreatment>>;
}

export interface DecideOptions {
  /** The file's language; undefined decides for every language (the rulebook-wide view). */
  readonly languageId?: LanguageId;
  /** The path sections matching the file, in order (none: the rulebook-wide view, fixtures, examples). */
  readonly sections?: readonly Provenance<PathSectionEntry>[];
  /** The file's path class; undefined applies no class treatment (the rulebook-wide view, fixtures, examples). */
  readonly pathClass?: PathClass;
  /** The file's path, checked against the rule's include and exclude globs; undefined skips that check. */
  readonly path?: string;
  readonly trace: boolean;
}

const show = (values: readonly string[]): string => `[${values.join(', ')}]`;

/** What an untraced decision cites: scans only need the outcome, so no step is built for them. */
const UNTRACED: SettingStep = { setting: 'enabled', value: '', from: '', via: 'untraced' };

type StepOf = () => SettingStep;

/** The state of one decision; each change records a step when tracing (built lazily: scans never trace). */
class Decision {
  enabled = true;
  disabledBy?: SettingStep;
  severity: Severity;
  message?: LocalizedText;
  include?: { globs: readonly string[]; step: SettingStep };
  exclude?: { globs: readonly string[]; step: SettingStep };
  allows: AllowTest[] = [];
  /** The treatment per path class, with the step that set it (classes the rule says nothing about are absent). */
  classes: Partial<Record<PathClass, { treatment: ClassTreatment; step: SettingStep }>> = {};
  /** Set when the file's class turned the rule off. */
  offInClass?: { pathClass: PathClass; step: SettingStep };
  trail: SettingStep[] = [];

  constructor(
    readonly compiled: CompiledRule,
    private readonly config: RulebookConfig,
    readonly trace: boolean,
  ) {
    const rule = compiled.rule;
    const from = (): string => `${compiled.source.file}:${compiled.source.line}`;
    this.severity = rule.severity;
    this.step(() => ({ setting: 'severity', value: rule.severity, from: from(), via: 'the rule' }));
    const { include, exclude } = rule.paths ?? {};
    if (include?.length) this.include = { globs: include, step: this.step(() => ({ setting: 'include', value: show(include), from: from(), via: 'the rule' })) };
    if (exclude?.length) this.exclude = { globs: exclude, step: this.step(() => ({ setting: 'exclude', value: show(exclude), from: from(), via: 'the rule' })) };
    this.setClasses(rule.classes, from, () => 'the rule');
  }

  /**
   * Records what the rule means per class. The declaration is not a step of the trail by itself (most files are
   * product code, where it changes nothing); `applyClass` cites it when it shapes the file's decision.
   */
  setClasses(classes: RuleOverride['classes'], from: () => string, via: () => string): void {
    for (const pathClass of PATH_CLASSES) {
      const treatment = classes?.[pathClass];
      if (treatment === undefined) continue;
      const step: SettingStep = this.trace ? { setting: 'classes', value: `${pathClass}: ${treatment}`, from: from(), via: via() } : UNTRACED;
      this.classes = { ...this.classes, [pathClass]: { treatment, step } };
    }
  }

  /** What the rule means in the file's class: nothing to do, off, or another severity. */
  applyClass(pathClass: PathClass): void {
    const set = this.classes[pathClass];
    const treatment = set?.treatment ?? DEFAULT_CLASS_TREATMENT[pathClass];
    if (treatment === 'report') return;
    // The default for a class the rule says nothing about is cited at the rule, which could have said otherwise.
    const from = set?.step.from ?? `${this.compiled.source.file}:${this.compiled.source.line}`;
    const via = set ? `classes: ${pathClass}: ${treatment}` : `classes: ${pathClass}: ${treatment} (the default)`;
    if (treatment === 'off') {
      const step = this.step(() => ({ setting: 'enabled', value: 'false', from, via }));
      this.enabled = false;
      this.disabledBy = step;
      this.offInClass = { pathClass, step };
      return;
    }
    this.severity = treatment;
    this.step(() => ({ setting: 'severity', value: treatment, from, via }));
  }

  /** A copy to continue from (the top-level state is shared by every file without a path section). */
  clone(): Decision {
    const copy = Object.create(Decision.prototype) as Decision;
    Object.assign(copy, this);
    copy.allows = [...this.allows];
    copy.trail = [...this.trail];
    return copy;
  }

  /** The step, kept in the trail when tracing; reasons cite it. */
  step(make: StepOf): SettingStep {
    if (!this.trace) return UNTRACED;
    const step = make();
    this.trail.push(step);
    return step;
  }

  switchTo(enabled: boolean, from: string, via: () => string): void {
    const step = this.step(() => ({ setting: 'enabled', value: String(enabled), from, via: via() }));
    this.enabled = enabled;
    this.disabledBy = enabled ? undefined : step;
    this.offInClass = undefined;
  }

  applyOverride(override: RuleOverride, from: string, via: () => string): void {
    if (override.severity) {
      const severity = override.severity;
      this.severity = severity;
      this.step(() => ({ setting: 'severity', value: severity, from, via: via() }));
    }
    if (override.message !== undefined) {
      const message = override.message;
      this.message = message;
      this.step(() => ({ setting: 'message', value: JSON.stringify(localize(message)), from, via: via() }));
    }
    // An override's `paths` replaces the rule's include or exclude list (each on its own); narrowing a rule to
    // fewer files is what per-path sections (`disable`) are for.
    const { include, exclude } = override.paths ?? {};
    if (include) this.include = { globs: include, step: this.step(() => ({ setting: 'include', value: show(include), from, via: via() })) };
    if (exclude) this.exclude = { globs: exclude, step: this.step(() => ({ setting: 'exclude', value: show(exclude), from, via: via() })) };
    this.setClasses(override.classes, () => from, via);
    const allow = override.allow;
    if (allow && allow.length > 0) {
      const test = this.config.allowTests.get(override)?.get(this.compiled.rule.kind);
      if (test) this.allows.push(test);
      this.step(() => ({ setting: 'allow', value: show(allow), from, via: via() }));
    }
  }
}

function applyTopLevel(decision: Decision, config: RulebookConfig, id: string): void {
  for (const s of config.switches) {
    const { selector, enabled } = s.value;
    if (idSelected(selector, id)) decision.switchTo(enabled, s.from, () => `${enabled ? 'enable' : 'disable'}: ${selector}`);
  }
  for (const o of config.overrides) {
    const { selector, override } = o.value;
    if (idSelected(selector, id)) decision.applyOverride(override, o.from, () => `overrides: ${selector}`);
  }
}

function applySection(decision: Decision, entry: Provenance<PathSectionEntry>, id: string): void {
  const { glob, section } = entry.value;
  const via = `paths: "${glob}"`;
  for (const selector of section.disable ?? []) if (idSelected(selector, id)) decision.switchTo(false, entry.from, () => `${via} disable: ${selector}`);
  for (const selector of section.enable ?? []) if (idSelected(selector, id)) decision.switchTo(true, entry.from, () => `${via} enable: ${selector}`);
  const severity = section.severity;
  if (severity) {
    decision.severity = severity;
    decision.step(() => ({ setting: 'severity', value: severity, from: entry.from, via }));
  }
  for (const [selector, override] of Object.entries(section.overrides ?? {})) {
    if (idSelected(selector, id)) decision.applyOverride(override, entry.from, () => `${via} overrides: ${selector}`);
  }
}

/** Untraced top-level states per rulebook configuration: the same for every file, so computed once. */
const topLevelCache = new WeakMap<RulebookConfig, Map<CompiledRule, Decision>>();

function topLevelState(compiled: CompiledRule, config: RulebookConfig, trace: boolean): Decision {
  if (trace) {
    const decision = new Decision(compiled, config, true);
    applyTopLevel(decision, config, compiled.rule.id);
    return decision;
  }
  let perRule = topLevelCache.get(config);
  if (!perRule) topLevelCache.set(config, (perRule = new Map<CompiledRule, Decision>()));
  let decision = perRule.get(compiled);
  if (!decision) {
    decision = new Decision(compiled, config, false);
    applyTopLevel(decision, config, compiled.rule.id);
    perRule.set(compiled, decision);
  }
  return decision;
}

function pathReason(decision: Decision, relPath: string): NotApplied | undefined {
  const { include, exclude } = decision;
  if (include && include.globs.length > 0 && firstMatchingGlob(relPath, include.globs) === undefined) {
    return { reason: 'include', globs: include.globs, step: include.step };
  }
  const excluded = exclude ? firstMatchingGlob(relPath, exclude.globs) : undefined;
  return excluded !== undefined && exclude ? { reason: 'exclude', glob: excluded, step: exclude.step } : undefined;
}

export function decideRule(compiled: CompiledRule, config: RulebookConfig, options: DecideOptions): RuleDecision {
  const { languageId, path, trace } = options;
  if (languageId !== undefined && compiled.languages && !compiled.languages.has(languageId)) {
    return { compiled, notApplied: { reason: 'language', languages: [...compiled.languages] }, trail: [], filter: {}, classes: DEFAULT_CLASS_TREATMENT };
  }
  const id = compiled.rule.id;
  const sections = options.sections ?? [];
  const base = topLevelState(compiled, config, trace);
  const decision = (sections.length > 0 || options.pathClass !== undefined) && !trace ? base.clone() : base;
  if (options.pathClass !== undefined) decision.applyClass(options.pathClass);
  for (const section of sections) applySection(decision, section, id);
  const filter: PathFilter = { include: decision.include?.globs, exclude: decision.exclude?.globs };
  const classes = { ...DEFAULT_CLASS_TREATMENT };
  for (const pathClass of PATH_CLASSES) classes[pathClass] = decision.classes[pathClass]?.treatment ?? classes[pathClass];
  let notApplied: NotApplied | undefined;
  if (!decision.enabled && decision.offInClass) notApplied = { reason: 'class', ...decision.offInClass };
  else if (!decision.enabled && decision.disabledBy) notApplied = { reason: 'disabled', step: decision.disabledBy };
  else if (path !== undefined) notApplied = pathReason(decision, path);
  if (notApplied) return { compiled, notApplied, trail: decision.trail, filter, classes };
  const active: ActiveRule = {
    compiled,
    severity: decision.severity,
    message: decision.message,
    allows: decision.allows.length > 0 ? decision.allows : undefined,
    pathClass: options.pathClass,
  };
  return { compiled, active, trail: decision.trail, filter, classes };
}
