/**
 * The effective rulebook: the compiled rules of every rulebook in the `extends` chain, and the settings that decide,
 * per file, which rules run and at what severity (rule paths, `disable`, `overrides`, per-path sections).
 */
import { Minimatch } from 'minimatch';
import { Matcher } from '../kinds/kind';
import { LanguageId } from '../languages';
import { EMPTY_POLICY, ReviewPolicy } from '../review/policy';
import { DEFAULT_LIMITS, ScanLimits } from '../source-text';
import { LoadedRule, PathFilter, PathSection, RuleOverride, Severity, SourceLocation } from './types';
import { RulebookProblem } from './yaml-source';

export interface CompiledRule extends LoadedRule {
  readonly matcher: Matcher;
  /** `builtin` for the default rulebook, else the rulebook file that defined the rule. */
  readonly origin: string;
}

export interface ActiveRule {
  readonly compiled: CompiledRule;
  readonly severity: Severity;
}

/** A setting and the rulebook file (and line) it came from, for `rulebook explain`. */
export interface Provenance<T> {
  readonly value: T;
  /** `file:line` of the key that set it. */
  readonly from: string;
  readonly location: SourceLocation;
}

export interface RulebookConfig {
  readonly disable: readonly Provenance<string>[];
  readonly overrides: ReadonlyMap<string, Provenance<RuleOverride>[]>;
  readonly pathSections: readonly Provenance<{ glob: string; section: PathSection }>[];
  readonly limits: ScanLimits;
  /** The `review:` section: reviewers and sign-off policy (empty when the rulebook has none). */
  readonly review: ReviewPolicy;
  /** The rulebook's name, and a short hash of all its files: the "rulebook version" reports cite. */
  readonly name?: string;
  readonly version: string;
}

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

export class Rulebook {
  private readonly byId: ReadonlyMap<string, CompiledRule>;

  constructor(
    readonly rules: readonly CompiledRule[],
    readonly problems: readonly RulebookProblem[],
    readonly config: RulebookConfig,
    /** The workspace root that path globs are relative to. */
    readonly root: string,
    /** Every rulebook file read, in load order (to watch them). */
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

  /** The rules that apply to a file, with their effective severity. `ignorePaths` is for fixtures and examples. */
  rulesFor(relPath: string, languageId: LanguageId, options: { ignorePaths?: boolean } = {}): ActiveRule[] {
    const active: ActiveRule[] = [];
    const sections = options.ignorePaths ? [] : this.config.pathSections.filter((s) => matchesGlob(relPath, s.value.glob));
    for (const compiled of this.rules) {
      const id = compiled.rule.id;
      if (compiled.languages && !compiled.languages.has(languageId)) continue;
      if (this.config.disable.some((d) => idSelected(d.value, id))) continue;
      const overrides = this.config.overrides.get(id) ?? [];
      if (!options.ignorePaths) {
        if (!pathFilterAllows(compiled.rule.paths, relPath)) continue;
        if (overrides.some((o) => !pathFilterAllows(o.value.paths, relPath))) continue;
      }
      let severity = compiled.rule.severity;
      for (const o of overrides) severity = o.value.severity ?? severity;
      let disabled = false;
      for (const { value } of sections) {
        if ((value.section.disable ?? []).some((d) => idSelected(d, id))) disabled = true;
        severity = value.section.severity ?? severity;
        severity = value.section.overrides?.[id]?.severity ?? severity;
      }
      if (!disabled) active.push({ compiled, severity });
    }
    return active;
  }
}

export const DEFAULT_CONFIG: RulebookConfig = {
  disable: [],
  overrides: new Map(),
  pathSections: [],
  limits: DEFAULT_LIMITS,
  review: EMPTY_POLICY,
  version: 'none',
};
