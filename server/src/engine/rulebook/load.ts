/**
 * Loads the effective rulebook: the workspace rulebook and everything it `extends` (the built-in default unless it
 * says otherwise), validated, compiled and self-tested. Every problem is collected with its file, line and column;
 * a bad rule is dropped and reported, the good ones are kept.
 */
import * as path from 'path';
import { sha256 } from '../findings';
import { kindFor, kindNames } from '../kinds';
import { LANGUAGE_IDS, LanguageId, languageFamily, resolveLanguageName } from '../languages';
import { FileReader, diskReader } from '../reader';
import { DEFAULT_LIMITS } from '../source-text';
import { EMPTY_POLICY, ReviewPolicy, buildReviewPolicy } from '../review/policy';
import { checkExamples } from './examples';
import { CompiledRule, Provenance, Rulebook, RulebookConfig } from './rulebook';
import { validateRulebook } from './schema';
import { didYouMean } from './suggest';
import { PathSection, Rule, RulebookDocument, RuleOverride, SourceLocation } from './types';
import { KeyPath, RulebookProblem, YamlSource } from './yaml-source';

export const RULEBOOK_RELATIVE_PATH = '.secure-coding/rulebook.yaml';
export const BUILTIN_DEFAULT = 'builtin:default';
export const BUILTIN_NONE = 'builtin:none';

let builtinDirectory = path.resolve(__dirname, '../../../../rules');

/** Where the default rulebook's rule files are (the bundled extension keeps a copy beside its bundle). */
export function configureBuiltinRulesDirectory(directory: string): void {
  builtinDirectory = directory;
}

export function builtinRulesDirectory(): string {
  return builtinDirectory;
}

export interface LoadOptions {
  /** The workspace rulebook file; if it does not exist the built-in default applies alone. */
  readonly rulebookFile?: string;
  /** The workspace root that path globs are relative to (default: the parent of `.secure-coding/`). */
  readonly root?: string;
  readonly reader?: FileReader;
  /** Run every rule's examples at load (default true). */
  readonly checkExamples?: boolean;
  /** Workspace trust: when false, `pattern` rules from the workspace's own rulebooks are not run. */
  readonly trustWorkspaceRules?: boolean;
}

interface RuleEntry {
  readonly rule: Rule;
  readonly source: YamlSource;
  readonly keyPath: KeyPath;
  readonly origin: string;
}

interface Collected {
  readonly rules: RuleEntry[];
  readonly problems: RulebookProblem[];
  readonly files: string[];
  readonly texts: string[];
  readonly disable: Provenance<string>[];
  readonly overrides: Map<string, Provenance<RuleOverride>[]>;
  readonly pathSections: Provenance<{ glob: string; section: PathSection }>[];
  settings: RulebookDocument['settings'];
  review?: ReviewPolicy;
  name?: string;
}

/** A key path is invalid when a schema error lies inside it, or on one of its (non-root) ancestors. */
function isInvalid(invalid: readonly KeyPath[], keyPath: KeyPath): boolean {
  const startsWith = (long: KeyPath, short: KeyPath): boolean => short.every((segment, i) => long[i] === segment);
  return invalid.some((bad) => startsWith(bad, keyPath) || (bad.length > 0 && startsWith(keyPath, bad)));
}

const asArray = <T>(value: readonly T[] | undefined): readonly T[] => (Array.isArray(value) ? (value as readonly T[]) : []);
const asRecord = <T>(value: Readonly<Record<string, T>> | undefined): Readonly<Record<string, T>> =>
  value && typeof value === 'object' && !Array.isArray(value) ? value : {};

function where(source: YamlSource, keyPath: KeyPath): string {
  const at = source.locationOf(keyPath);
  return `${at.file}:${at.line}`;
}

class Loader {
  private readonly reader: FileReader;
  private readonly loaded = new Set<string>();
  readonly collected: Collected = {
    rules: [],
    problems: [],
    files: [],
    texts: [],
    disable: [],
    overrides: new Map(),
    pathSections: [],
    settings: undefined,
  };

  constructor(options: LoadOptions) {
    this.reader = options.reader ?? diskReader;
  }

  async loadBuiltin(): Promise<void> {
    if (this.loaded.has(BUILTIN_DEFAULT)) return;
    this.loaded.add(BUILTIN_DEFAULT);
    const files = (await this.reader.list(builtinDirectory, ['.yaml', '.yml'])).filter((f) => !/\.fixture\./.test(path.basename(f)));
    for (const file of files) await this.loadFile(file, 'builtin', [], false);
  }

  /** Loads one rulebook file; returns false when it could not be read at all. */
  async loadFile(file: string, origin: string, stack: readonly string[], isRulebook = true): Promise<boolean> {
    const bytes = await this.reader.read(file);
    if (bytes === undefined) return false;
    this.loaded.add(file);
    const text = bytes.toString('utf8');
    this.collected.files.push(file);
    this.collected.texts.push(text);
    const source = new YamlSource(file, text);
    this.collected.problems.push(...source.problems);
    if (!source.ok) return true;
    const data = source.toJS();
    if (data === null || data === undefined) return true;
    if (typeof data !== 'object' || Array.isArray(data)) {
      this.collected.problems.push(source.problemAt([], 'a rulebook is a mapping of keys such as `rules:` and `extends:`'));
      return true;
    }
    const { problems, invalid } = validateRulebook(source, data);
    this.collected.problems.push(...problems);
    const doc = data as RulebookDocument;
    if (isRulebook && !isInvalid(invalid, ['extends'])) {
      await this.loadExtends(source, doc.extends === undefined ? [BUILTIN_DEFAULT] : asArray(doc.extends), doc.extends !== undefined, [...stack, file]);
    }
    asArray(doc.rules).forEach((rule, i) => {
      if (!isInvalid(invalid, ['rules', i])) this.collected.rules.push({ rule, source, keyPath: ['rules', i], origin });
    });
    this.collectSettings(source, doc, invalid);
    return true;
  }

  private async loadExtends(source: YamlSource, entries: readonly string[], written: boolean, stack: readonly string[]): Promise<void> {
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const at: KeyPath = written ? ['extends', i] : [];
      if (entry === BUILTIN_DEFAULT) {
        await this.loadBuiltin();
        continue;
      }
      if (entry === BUILTIN_NONE) continue;
      if (entry.startsWith('builtin:')) {
        this.collected.problems.push(source.problemAt(at, `unknown built-in rulebook \`${entry}\`${didYouMean(entry, [BUILTIN_DEFAULT, BUILTIN_NONE])}`, 'error', 'value'));
        continue;
      }
      const target = path.resolve(path.dirname(source.file), entry);
      const candidates = /\.ya?ml$/i.test(target) ? [target] : [path.join(target, RULEBOOK_RELATIVE_PATH), path.join(target, 'rulebook.yaml'), `${target}.yaml`];
      const cycle = candidates.find((c) => stack.includes(c));
      if (cycle) {
        this.collected.problems.push(source.problemAt(at, `\`extends\` makes a cycle: ${[...stack.slice(stack.indexOf(cycle)), cycle].map((f) => path.basename(path.dirname(f)) + '/' + path.basename(f)).join(' → ')}`, 'error', 'value'));
        continue;
      }
      let found = false;
      for (const candidate of candidates) {
        if (this.loaded.has(candidate)) {
          found = true;
          break;
        }
        if (await this.loadFile(candidate, candidate, stack)) {
          found = true;
          break;
        }
      }
      if (!found) {
        this.collected.problems.push(source.problemAt(at, `extended rulebook not found: ${entry} (looked for ${candidates.map((c) => path.relative(path.dirname(source.file), c)).join(', ')})`, 'error', 'value'));
      }
    }
  }

  private collectSettings(source: YamlSource, doc: RulebookDocument, invalid: readonly KeyPath[]): void {
    const at = <T>(value: T, keyPath: KeyPath): Provenance<T> => {
      const { file, line, column } = source.locationOf(keyPath);
      return { value, from: `${file}:${line}`, location: { file, line, column } };
    };
    asArray(doc.disable).forEach((id, i) => {
      if (!isInvalid(invalid, ['disable', i])) this.collected.disable.push(at(id, ['disable', i]));
    });
    for (const [id, override] of Object.entries(asRecord(doc.overrides))) {
      if (isInvalid(invalid, ['overrides', id])) continue;
      const list = this.collected.overrides.get(id) ?? [];
      list.push(at(override, ['overrides', id]));
      this.collected.overrides.set(id, list);
    }
    for (const [glob, section] of Object.entries(asRecord(doc.paths))) {
      if (!isInvalid(invalid, ['paths', glob])) this.collected.pathSections.push(at({ glob, section }, ['paths', glob]));
    }
    if (doc.settings && !isInvalid(invalid, ['settings'])) this.collected.settings = { ...this.collected.settings, ...doc.settings };
    if (doc.review !== undefined) {
      // Only errors at or above a reviewer drop it, so one bad reviewer leaves the others able to approve.
      const atOrAbove = (keyPath: KeyPath): boolean => invalid.some((bad) => bad.length > 0 && bad.every((segment, i) => keyPath[i] === segment));
      const report = (keyPath: KeyPath, message: string, severity: 'error' | 'warning' = 'error'): void => {
        this.collected.problems.push(source.problemAt(keyPath, message, severity, 'value'));
      };
      this.collected.review = buildReviewPolicy(doc.review, atOrAbove, report);
    }
    if (doc.name) this.collected.name = doc.name;
  }
}

function resolveLanguages(entry: RuleEntry, report: (keyPath: KeyPath, message: string) => void): ReadonlySet<LanguageId> | undefined {
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

async function compileRules(collected: Collected, options: LoadOptions): Promise<CompiledRule[]> {
  const compiled: CompiledRule[] = [];
  const firstDefinition = new Map<string, RuleEntry>();
  for (const entry of collected.rules) {
    const problemsBefore = collected.problems.length;
    const report = (keyPath: KeyPath, message: string): void => {
      collected.problems.push(entry.source.problemAt([...entry.keyPath, ...keyPath], `${entry.rule.id}: ${message}`));
    };
    const first = firstDefinition.get(entry.rule.id);
    if (first) {
      report(['id'], `duplicate rule id (first defined at ${where(first.source, [...first.keyPath, 'id'])}); use \`overrides\` to change a rule`);
      continue;
    }
    firstDefinition.set(entry.rule.id, entry);
    const kind = kindFor(entry.rule.kind);
    if (!kind) {
      report(['kind'], `unknown kind \`${entry.rule.kind}\`${didYouMean(entry.rule.kind, kindNames())}; known: ${kindNames().join(', ')}`);
      continue;
    }
    const trusted = entry.origin === 'builtin';
    if (!trusted && entry.rule.kind === 'pattern' && options.trustWorkspaceRules === false) continue;
    const languages = resolveLanguages(entry, report);
    let matcher;
    try {
      matcher = await kind.compile(entry.rule, { trusted, report });
    } catch (err) {
      report([], `could not be compiled: ${(err as Error).message}`);
      continue;
    }
    if (!matcher || collected.problems.length > problemsBefore) continue;
    const source = entry.source.locationOf([...entry.keyPath, 'id']);
    compiled.push({ rule: entry.rule, source: { file: source.file, line: source.line, column: source.column }, languages, matcher, origin: entry.origin });
  }
  return compiled;
}

function warnUnknownIds(collected: Collected, known: ReadonlySet<string>): void {
  const ids = [...known];
  const check = (id: string, location: SourceLocation): void => {
    if (id === 'all' || id.endsWith('*') || known.has(id)) return;
    collected.problems.push({ ...location, severity: 'warning', message: `no rule has the id \`${id}\`${didYouMean(id, ids)}` });
  };
  for (const d of collected.disable) check(d.value, d.location);
  for (const [id, list] of collected.overrides) for (const o of list) check(id, o.location);
}

export async function loadRulebook(options: LoadOptions = {}): Promise<Rulebook> {
  const loader = new Loader(options);
  const file = options.rulebookFile;
  const found = file ? await loader.loadFile(file, file, []) : false;
  if (!found) await loader.loadBuiltin();
  const collected = loader.collected;
  const rules = await compileRules(collected, options);
  if (options.checkExamples ?? true) collected.problems.push(...(await checkExamples(rules, collected.rules)));
  warnUnknownIds(collected, new Set(rules.map((r) => r.rule.id)));
  const root = options.root ?? (file ? rootOf(file) : process.cwd());
  const config: RulebookConfig = {
    disable: collected.disable,
    overrides: collected.overrides,
    pathSections: collected.pathSections,
    limits: {
      maxFileSize: collected.settings?.max_file_size ?? DEFAULT_LIMITS.maxFileSize,
      maxLineLength: collected.settings?.max_line_length ?? DEFAULT_LIMITS.maxLineLength,
    },
    review: collected.review ?? EMPTY_POLICY,
    name: collected.name,
    version: sha256(collected.texts.join('\0')).slice(0, 12),
  };
  return new Rulebook(rules, collected.problems, config, root, collected.files);
}

/** `repo/.secure-coding/rulebook.yaml` → `repo`; any other file → its directory. */
export function rootOf(rulebookFile: string): string {
  const dir = path.dirname(path.resolve(rulebookFile));
  return path.basename(dir) === '.secure-coding' ? path.dirname(dir) : dir;
}
