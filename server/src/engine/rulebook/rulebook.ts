/**
 * The effective rulebook: the compiled rules of every rulebook in the `extends` chain, and the settings that decide,
 * per file, which rules run and at what severity (rule paths, `disable` / `enable`, `overrides`, per-path sections).
 * The decision itself, with where each setting came from, is in `effective-rule.ts`.
 */
import { Matcher } from '../kinds/kind';
import { LanguageId } from '../languages';
import { PathClass, PathClassification } from '../path-classes';
import { EMPTY_POLICY, ReviewPolicy } from '../review/policy';
import { DEFAULT_LIMITS, ScanLimits } from '../source-text';
import { RuleDecision, decideRule, matchesGlob, pathFilterAllows } from './effective-rule';
import { EMPTY_PATH_CLASSES, PathClassConfig, classifyPath } from './path-class-config';
import { LoadedRule, LocalizedText, PathSection, RuleOverride, Severity, SourceLocation } from './types';
import { RulebookProblem } from './yaml-source';

export { firstMatchingGlob, idSelected, matchesGlob, pathFilterAllows } from './effective-rule';

export interface CompiledRule extends LoadedRule {
  readonly matcher: Matcher;
  /** `builtin` for the default rulebook, else the rulebook file that defined the rule. */
  readonly origin: string;
}

/** A test of a flagged text against an override's `allow` list (true: the finding is dropped). */
export type AllowTest = (token: string) => boolean;

export interface ActiveRule {
  readonly compiled: CompiledRule;
  readonly severity: Severity;
  /** A message from `overrides`, replacing the rule's own. */
  readonly message?: LocalizedText;
  /** `allow` lists from `overrides`: a finding whose flagged text one of them allows is dropped. */
  readonly allows?: readonly AllowTest[];
  /** The class of the file the rule was decided for (undefined for fixtures and examples: product code). */
  readonly pathClass?: PathClass;
}

/** A setting and the rulebook file (and line) it came from, for `rulebook explain`. */
export interface Provenance<T> {
  readonly value: T;
  /** `file:line`, for messages. */
  readonly from: string;
  readonly location: SourceLocation;
}

/** One entry of a `disable:` (enabled false) or `enable:` (enabled true) list: `all`, an id, or `prefix*`. */
export interface RuleSwitch {
  readonly selector: string;
  readonly enabled: boolean;
}

export interface OverrideEntry {
  /** The key of the `overrides` entry: an id, `prefix*` or `all`. */
  readonly selector: string;
  readonly override: RuleOverride;
}

export interface PathSectionEntry {
  readonly glob: string;
  readonly section: PathSection;
}

export interface RulebookConfig {
  /** Every `disable` and `enable` entry of every rulebook file, in load order (later wins). */
  readonly switches: readonly Provenance<RuleSwitch>[];
  /** Every top-level `overrides` entry, in load order (later wins). */
  readonly overrides: readonly Provenance<OverrideEntry>[];
  /** Every per-path section, in load order; a file's matching sections apply after the top-level settings. */
  readonly pathSections: readonly Provenance<PathSectionEntry>[];
  /** The leads' `path_classes`: globs per class and conventions turned off. */
  readonly pathClasses: PathClassConfig;
  /** Compiled `allow` lists, per override object and rule kind (an IP allow list understands CIDR ranges). */
  readonly allowTests: ReadonlyMap<RuleOverride, ReadonlyMap<string, AllowTest>>;
  readonly limits: ScanLimits;
  /** The `review:` section: reviewers and sign-off policy (empty when the rulebook has none). */
  readonly review: ReviewPolicy;
  /** The rulebook's name, and a short hash of all its files: the "rulebook version" reports cite. */
  readonly name?: string;
  readonly version: string;
}

export class Rulebook {
  private readonly byId: ReadonlyMap<string, CompiledRule>;
  /**
   * Each rule's decision before its globs are checked, per set of matching path sections: the same for every file
   * with that set (most files match none), so a scan decides each rule once per set, not once per file.
   */
  private readonly bySections = new Map<string, Map<CompiledRule, RuleDecision>>();

  constructor(
    readonly rules: readonly CompiledRule[],
    readonly problems: readonly RulebookProblem[],
    readonly config: RulebookConfig,
    /** The workspace root that path globs are relative to. */
    readonly root: string,
    /** Every rulebook file read, in the order they apply (an extended one before the one extending it); to watch them. */
    readonly files: readonly string[],
  ) {
    this.byId = new Map(rules.map((rule) => [rule.rule.id, rule]));
  }

  rule(id: string): CompiledRule | undefined {
    return this.byId.get(id);
  }

  get hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }

  /** Which class a workspace-relative path is in (product, test, docs, vendored), and why. */
  classify(relPath: string): PathClassification {
    return classifyPath(this.config.pathClasses, relPath);
  }

  /** The per-path sections whose glob matches a workspace-relative path, in the order they apply. */
  sectionsFor(relPath: string): Provenance<PathSectionEntry>[] {
    return this.config.pathSections.filter((s) => matchesGlob(relPath, s.value.glob));
  }

  /** The rules that apply to a file, with their effective settings. `ignorePaths` is for fixtures and examples. */
  rulesFor(relPath: string, languageId: LanguageId, options: { ignorePaths?: boolean } = {}): ActiveRule[] {
    const sections = options.ignorePaths ? [] : this.sectionsFor(relPath);
    const pathClass = options.ignorePaths ? undefined : this.classify(relPath).pathClass;
    const key = `${pathClass ?? ''}:${sections.map((s) => this.config.pathSections.indexOf(s)).join(',')}`;
    let decisions = this.bySections.get(key);
    if (!decisions) {
      if (this.bySections.size >= 1024) this.bySections.clear();
      this.bySections.set(key, (decisions = new Map<CompiledRule, RuleDecision>()));
    }
    const active: ActiveRule[] = [];
    for (const compiled of this.rules) {
      if (compiled.languages && !compiled.languages.has(languageId)) continue;
      let decision = decisions.get(compiled);
      if (!decision) decisions.set(compiled, (decision = decideRule(compiled, this.config, { sections, pathClass, trace: false })));
      if (decision.active && (options.ignorePaths || pathFilterAllows(decision.filter, relPath))) active.push(decision.active);
    }
    return active;
  }

  /**
   * Why each rule does or does not apply, with the file and line of every setting that shaped it. Without a path,
   * the rulebook-wide view: top-level settings only, every language.
   */
  explain(relPath?: string, languageId?: LanguageId): RuleDecision[] {
    const sections = relPath === undefined ? [] : this.sectionsFor(relPath);
    const pathClass = relPath === undefined ? undefined : this.classify(relPath).pathClass;
    return this.rules.map((compiled) => decideRule(compiled, this.config, { languageId, sections, pathClass, path: relPath, trace: true }));
  }
}

export const DEFAULT_CONFIG: RulebookConfig = {
  switches: [],
  overrides: [],
  pathSections: [],
  pathClasses: EMPTY_PATH_CLASSES,
  allowTests: new Map(),
  limits: DEFAULT_LIMITS,
  review: EMPTY_POLICY,
  version: 'none',
};
