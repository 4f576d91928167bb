/**
 * Reads the rulebook files of an `extends` chain, depth first and in order, and collects their rules and settings
 * with where each was written. Every problem is kept with its file, line and column; a broken part (a YAML error,
 * a schema error) drops only that part — the rule, the override, the path section — never the whole file.
 */
import * as path from 'path';
import { FileReader } from '../reader';
import { ReviewPolicy, buildReviewPolicy } from '../review/policy';
import { PATH_CLASSES, PathClass } from '../path-classes';
import type { ClassGlob } from './path-class-config';
import type { OverrideEntry, PathSectionEntry, Provenance, RuleSwitch } from './rulebook';
import { validateRulebook } from './schema';
import { didYouMean } from './suggest';
import { Rule, RulebookDocument, RuleOverride } from './types';
import { PrecompiledRules, builtinRuleFiles, knownFile, relativeRuleFile } from './precompiled';
import { KeyPath, KnownYaml, RulebookProblem, YamlSource } from './yaml-source';

export const RULEBOOK_RELATIVE_PATH = '.secure-coding/rulebook.yaml';
export const BUILTIN_DEFAULT = 'builtin:default';
export const BUILTIN_NONE = 'builtin:none';

export interface RuleEntry {
  readonly rule: Rule;
  readonly source: YamlSource;
  readonly keyPath: KeyPath;
  /** `builtin`, or the rulebook file that defined the rule. */
  readonly origin: string;
}

/** An `overrides` entry (top-level or in a path section) with where it was written, to compile its `allow`. */
export interface OverrideSite {
  readonly selector: string;
  readonly override: RuleOverride;
  readonly source: YamlSource;
  readonly keyPath: KeyPath;
}

/** A rule selector as written (in `disable`, `enable` or as an `overrides` key), to warn when it selects nothing. */
export interface SelectorSite {
  readonly selector: string;
  /** What it is, for the warning: `disable`, `paths "vendor/**" overrides`… */
  readonly what: string;
  readonly at: RulebookProblem;
}

export interface Collected {
  readonly rules: RuleEntry[];
  readonly problems: RulebookProblem[];
  readonly files: string[];
  readonly texts: string[];
  readonly switches: Provenance<RuleSwitch>[];
  readonly overrides: Provenance<OverrideEntry>[];
  readonly pathSections: Provenance<PathSectionEntry>[];
  /** Every `path_classes` glob, in load order. */
  readonly classGlobs: Provenance<ClassGlob>[];
  /** The last `path_classes.<class>.conventions` written, per class. */
  readonly classConventions: Map<PathClass, boolean>;
  readonly overrideSites: OverrideSite[];
  readonly selectorSites: SelectorSite[];
  /** Every rule id written, broken rules' too (an override of a broken rule is not a typo). */
  readonly declaredIds: Set<string>;
  settings: RulebookDocument['settings'];
  review?: ReviewPolicy;
  name?: string;
}

/** A key path is invalid when a problem lies inside it, or on one of its (non-root) ancestors. */
function isInvalid(invalid: readonly KeyPath[], keyPath: KeyPath): boolean {
  const startsWith = (long: KeyPath, short: KeyPath): boolean => short.every((segment, i) => long[i] === segment);
  return invalid.some((bad) => startsWith(bad, keyPath) || (bad.length > 0 && startsWith(keyPath, bad)));
}

const asArray = <T>(value: readonly T[] | undefined): readonly T[] => (Array.isArray(value) ? (value as readonly T[]) : []);
const asRecord = <T>(value: Readonly<Record<string, T>> | undefined): Readonly<Record<string, T>> =>
  value && typeof value === 'object' && !Array.isArray(value) ? value : {};

function provenance<T>(source: YamlSource, keyPath: KeyPath, value: T): Provenance<T> {
  const at = source.locationOf(keyPath);
  return { value, from: `${at.file}:${at.line}`, location: { file: at.file, line: at.line, column: at.column } };
}

/** Where an `extends` entry may point: a rulebook file, or a folder holding one (a submodule, an npm package). */
function candidatesFor(target: string): string[] {
  if (/\.ya?ml$/i.test(target)) return [target];
  return [path.join(target, RULEBOOK_RELATIVE_PATH), path.join(target, 'rulebook.yaml'), path.join(target, 'rulebook.yml'), `${target}.yaml`, `${target}.yml`];
}

type ReadResult = { kind: 'read'; text: string } | { kind: 'missing' } | { kind: 'unreadable'; reason: string };

export class Collector {
  private readonly loaded = new Set<string>();
  readonly collected: Collected = {
    rules: [],
    problems: [],
    files: [],
    texts: [],
    switches: [],
    overrides: [],
    pathSections: [],
    classGlobs: [],
    classConventions: new Map(),
    overrideSites: [],
    selectorSites: [],
    declaredIds: new Set(),
    settings: undefined,
  };

  constructor(
    private readonly reader: FileReader,
    private readonly builtinDirectory: string,
    /** Which files skip the schema check (see `LoadOptions.validated` and `checkBuiltin`). */
    private readonly skipSchema: 'none' | 'builtin' | 'all' = 'none',
    /** The built-in rule files as the build parsed them (see `precompiled.ts`). */
    private readonly precompiled?: PrecompiledRules,
  ) {}

  async loadBuiltin(): Promise<void> {
    if (this.loaded.has(BUILTIN_DEFAULT)) return;
    this.loaded.add(BUILTIN_DEFAULT);
    for (const file of await builtinRuleFiles(this.builtinDirectory, this.reader)) {
      const read = await this.read(file);
      if (read.kind !== 'read') continue;
      const known = knownFile(this.precompiled, relativeRuleFile(this.builtinDirectory, file), read.text);
      await this.loadText(file, read.text, 'builtin', [], false, known);
    }
  }

  private async read(file: string): Promise<ReadResult> {
    try {
      const bytes = await this.reader.read(file);
      return bytes === undefined ? { kind: 'missing' } : { kind: 'read', text: bytes.toString('utf8') };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { kind: 'unreadable', reason: code === 'EISDIR' ? 'it is a folder' : (err as Error).message };
    }
  }

  /** Loads the workspace rulebook; false when it does not exist (the built-in default then applies alone). */
  async loadRoot(file: string): Promise<boolean> {
    const read = await this.read(file);
    if (read.kind === 'missing') return false;
    if (read.kind === 'unreadable') {
      this.collected.problems.push({ file, line: 1, column: 1, severity: 'error', message: `cannot read the rulebook: ${read.reason}` });
      return true;
    }
    await this.loadText(file, read.text, file, [], true);
    return true;
  }

  private async loadText(file: string, text: string, origin: string, stack: readonly string[], isRulebook: boolean, known?: KnownYaml): Promise<void> {
    this.loaded.add(file);
    this.collected.texts.push(text);
    const source = new YamlSource(file, text, known);
    this.collected.problems.push(...source.problems);
    const broken = source.brokenKeyPaths();
    if (broken === 'all') {
      this.collected.files.push(file);
      return;
    }
    let data: unknown;
    try {
      data = source.toJS();
    } catch (err) {
      this.collected.files.push(file);
      this.collected.problems.push(source.problemAt([], `YAML: ${(err as Error).message}`));
      return;
    }
    if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
      // An empty file is an empty rulebook (which still extends the default); anything else is a mistake.
      if (data !== null && data !== undefined) this.collected.problems.push(source.problemAt([], 'a rulebook is a mapping of keys such as `extends:`, `rules:` and `overrides:`'));
      else if (isRulebook) await this.loadExtends(source, [BUILTIN_DEFAULT], false, [...stack, file]);
      this.collected.files.push(file);
      return;
    }
    const skip = this.skipSchema === 'all' || (this.skipSchema === 'builtin' && origin === 'builtin');
    const { problems, invalid } = skip ? { problems: [], invalid: [] } : validateRulebook(source, data, broken);
    this.collected.problems.push(...problems);
    invalid.push(...broken);
    const doc = data as RulebookDocument;
    if (isRulebook && !isInvalid(invalid, ['extends'])) {
      const written = doc.extends !== undefined;
      await this.loadExtends(source, written ? asArray(doc.extends) : [BUILTIN_DEFAULT], written, [...stack, file]);
    }
    this.collected.files.push(file);
    asArray(doc.rules).forEach((rule, i) => {
      const id = (rule as { id?: unknown } | null)?.id;
      if (typeof id === 'string') this.collected.declaredIds.add(id);
      if (!isInvalid(invalid, ['rules', i])) this.collected.rules.push({ rule, source, keyPath: ['rules', i], origin });
    });
    this.collectSettings(source, doc, invalid);
  }

  private async resolve(target: string): Promise<string | undefined> {
    for (const candidate of candidatesFor(target)) {
      if (this.loaded.has(candidate) || (await this.reader.size(candidate)) !== undefined) return candidate;
    }
    return undefined;
  }

  private async loadExtends(source: YamlSource, entries: readonly string[], written: boolean, stack: readonly string[]): Promise<void> {
    const problem = (i: number, message: string): void => {
      this.collected.problems.push(source.problemAt(written ? ['extends', i] : [], message, 'error', 'value'));
    };
    const here = path.dirname(source.file);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (entry === BUILTIN_DEFAULT) {
        await this.loadBuiltin();
        continue;
      }
      if (entry === BUILTIN_NONE) continue;
      if (entry.startsWith('builtin:')) {
        problem(i, `unknown built-in rulebook \`${entry}\`${didYouMean(entry, [BUILTIN_DEFAULT, BUILTIN_NONE])}; known: ${BUILTIN_DEFAULT}, ${BUILTIN_NONE}`);
        continue;
      }
      const target = path.resolve(here, entry);
      const file = await this.resolve(target);
      if (!file) {
        const looked = candidatesFor(target).map((c) => path.relative(here, c));
        problem(i, `extended rulebook not found: ${entry} (looked for ${looked.join(', ')})`);
        continue;
      }
      if (stack.includes(file)) {
        const chain = [...stack.slice(stack.indexOf(file)), file].map((f) => path.relative(here, f) || path.basename(f));
        problem(i, `\`extends\` makes a cycle: ${chain.join(' → ')}`);
        continue;
      }
      // A rulebook reached twice (two team rulebooks extending one organization rulebook) applies once, first.
      if (this.loaded.has(file)) continue;
      const read = await this.read(file);
      if (read.kind !== 'read') {
        problem(i, `cannot read extended rulebook ${entry}: ${read.kind === 'unreadable' ? read.reason : 'it vanished'}`);
        continue;
      }
      await this.loadText(file, read.text, file, stack, true);
    }
  }

  private collectSettings(source: YamlSource, doc: RulebookDocument, invalid: readonly KeyPath[]): void {
    const c = this.collected;
    const site = (selector: string, what: string, keyPath: KeyPath): void => {
      c.selectorSites.push({ selector, what, at: source.locationOf(keyPath) });
    };
    const switches = (key: 'disable' | 'enable', enabled: boolean): void => {
      asArray(doc[key]).forEach((selector, i) => {
        if (isInvalid(invalid, [key, i])) return;
        c.switches.push(provenance(source, [key, i], { selector, enabled }));
        site(selector, key, [key, i]);
      });
    };
    // Within one file, `enable` comes after `disable`: "disable c.risky.*, enable c.risky.strncpy" keeps strncpy.
    switches('disable', false);
    switches('enable', true);
    for (const [selector, override] of Object.entries(asRecord(doc.overrides))) {
      if (isInvalid(invalid, ['overrides', selector])) continue;
      c.overrides.push(provenance(source, ['overrides', selector], { selector, override }));
      c.overrideSites.push({ selector, override, source, keyPath: ['overrides', selector] });
      site(selector, 'overrides', ['overrides', selector]);
    }
    for (const [glob, section] of Object.entries(asRecord(doc.paths))) {
      if (isInvalid(invalid, ['paths', glob])) continue;
      c.pathSections.push(provenance(source, ['paths', glob], { glob, section }));
      for (const key of ['disable', 'enable'] as const) {
        asArray(section[key]).forEach((selector, i) => site(selector, `paths "${glob}" ${key}`, ['paths', glob, key, i]));
      }
      for (const [selector, override] of Object.entries(asRecord(section.overrides))) {
        c.overrideSites.push({ selector, override, source, keyPath: ['paths', glob, 'overrides', selector] });
        site(selector, `paths "${glob}" overrides`, ['paths', glob, 'overrides', selector]);
        if (override && typeof override === 'object' && override.classes !== undefined) {
          // A section names its files itself; a class treatment there would be a second, conflicting answer.
          c.problems.push(
            source.problemAt(
              ['paths', glob, 'overrides', selector, 'classes'],
              '`classes` has no effect inside a `paths:` section: the section already says what happens in these files (use `disable`, `enable`, `severity` or a top-level `overrides`)',
              'error',
              'key',
            ),
          );
        }
      }
    }
    // In the order written: when globs of two classes match a path, the later one wins.
    for (const [key, definition] of Object.entries(asRecord(doc.path_classes))) {
      const pathClass = key as PathClass;
      if (!PATH_CLASSES.includes(pathClass) || !definition || isInvalid(invalid, ['path_classes', pathClass])) continue;
      asArray(definition.globs).forEach((glob, i) => {
        if (!isInvalid(invalid, ['path_classes', pathClass, 'globs', i])) c.classGlobs.push(provenance(source, ['path_classes', pathClass, 'globs', i], { pathClass, glob }));
      });
      if (typeof definition.conventions === 'boolean') c.classConventions.set(pathClass, definition.conventions);
    }
    if (doc.settings && !isInvalid(invalid, ['settings'])) c.settings = { ...c.settings, ...doc.settings };
    if (doc.review !== undefined) {
      // Only errors at or above a reviewer drop it, so one bad reviewer leaves the others able to approve.
      const atOrAbove = (keyPath: KeyPath): boolean => invalid.some((bad) => bad.length > 0 && bad.every((segment, i) => keyPath[i] === segment));
      const report = (keyPath: KeyPath, message: string, severity: 'error' | 'warning' = 'error'): void => {
        c.problems.push(source.problemAt(keyPath, message, severity, 'value'));
      };
      c.review = buildReviewPolicy(doc.review, atOrAbove, report);
    }
    if (doc.name && !isInvalid(invalid, ['name'])) c.name = doc.name;
  }
}
