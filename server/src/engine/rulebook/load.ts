/**
 * Loads the effective rulebook: the workspace rulebook and everything it `extends` (the built-in default unless it
 * says otherwise), validated, compiled and self-tested. Every problem is collected with its file, line and column;
 * a bad rule is dropped and reported, the good ones are kept.
 */
import * as path from 'path';
import { sha256 } from '../findings';
import { diskReader, FileReader } from '../reader';
import { EMPTY_POLICY } from '../review/policy';
import { DEFAULT_LIMITS } from '../source-text';
import { BUILTIN_DEFAULT, BUILTIN_NONE, Collector, RULEBOOK_RELATIVE_PATH } from './collect';
import { compileAllowLists, compileRules, warnUnselected } from './compile-rules';
import { checkExamples } from './examples';
import { PRECOMPILED_RULES_FILE, readPrecompiled } from './precompiled';
import { Rulebook, RulebookConfig } from './rulebook';
import { RulebookProblem } from './yaml-source';

export { BUILTIN_DEFAULT, BUILTIN_NONE, RULEBOOK_RELATIVE_PATH };
export { UNTRUSTED_RULE_NOTE } from './compile-rules';

let builtinDirectory = path.resolve(__dirname, '../../../../rules');
/** The build's parse of the built-in rule files (`npm run build` writes it beside this module). */
let precompiledFile: string | undefined = path.resolve(__dirname, PRECOMPILED_RULES_FILE);

/**
 * Where the default rulebook's rule files are (the bundled extension keeps a copy beside its bundle), and the
 * build's parse of them, if there is one for that folder.
 */
export function configureBuiltinRulesDirectory(directory: string, precompiled?: string): void {
  builtinDirectory = directory;
  precompiledFile = precompiled;
}

export function builtinRulesDirectory(): string {
  return builtinDirectory;
}

export function precompiledRulesFile(): string | undefined {
  return precompiledFile;
}

export interface LoadOptions {
  /** The workspace rulebook file; if it does not exist the built-in default applies alone. */
  readonly rulebookFile?: string;
  /** The workspace root that path globs are relative to (default: the parent of `.secure-coding/`). */
  readonly root?: string;
  readonly reader?: FileReader;
  /**
   * Run every rule's examples at load (default true); `'own'` runs only those of the workspace's own rulebooks
   * (a scan: the built-in rules' examples are checked when the product is built, and cost a second per scan).
   */
  readonly checkExamples?: boolean | 'own';
  /** Workspace trust: when false, `pattern` rules from the workspace's own rulebooks are not run. */
  readonly trustWorkspaceRules?: boolean;
  /**
   * The files were just loaded and found free of errors by another thread (a scan's main thread, which stops on any
   * error): skip the schema check. Compare `config.version` (a hash of the files read) with that load's to be sure
   * they are still the same files.
   */
  readonly validated?: boolean;
  /**
   * Check the built-in rulebook's files against the schema (default true). A scan passes false: the built-in rules
   * are checked when the product is built and tested, like their examples (`checkExamples: 'own'`).
   */
  readonly checkBuiltin?: boolean;
}

/** Problems in load order of their files, then by line and column: the order a lead reads and fixes them. */
function sortProblems(problems: RulebookProblem[], files: readonly string[]): RulebookProblem[] {
  const order = (file: string): number => {
    const i = files.indexOf(file);
    return i < 0 ? files.length : i;
  };
  return problems
    .map((problem, i) => ({ problem, i }))
    .sort((a, b) => order(a.problem.file) - order(b.problem.file) || a.problem.line - b.problem.line || a.problem.column - b.problem.column || a.i - b.i)
    .map(({ problem }) => problem);
}

export async function loadRulebook(options: LoadOptions = {}): Promise<Rulebook> {
  const skipSchema = options.validated ? 'all' : options.checkBuiltin === false ? 'builtin' : 'none';
  const collector = new Collector(options.reader ?? diskReader, builtinDirectory, skipSchema, readPrecompiled(precompiledFile));
  const file = options.rulebookFile;
  const found = file ? await collector.loadRoot(file) : false;
  if (!found) await collector.loadBuiltin();
  const collected = collector.collected;
  const rules = await compileRules(collected, options);
  const examples = options.checkExamples ?? true;
  if (examples) {
    const entries = examples === 'own' ? collected.rules.filter((entry) => entry.origin !== 'builtin') : collected.rules;
    collected.problems.push(...(await checkExamples(rules, entries)));
  }
  const allowTests = compileAllowLists(collected, rules);
  warnUnselected(collected);
  const root = options.root ?? (file ? rootOf(file) : process.cwd());
  const config: RulebookConfig = {
    switches: collected.switches,
    overrides: collected.overrides,
    pathSections: collected.pathSections,
    pathClasses: {
      globs: collected.classGlobs,
      conventionsOff: new Set([...collected.classConventions].filter(([, on]) => !on).map(([pathClass]) => pathClass)),
    },
    allowTests,
    limits: {
      maxFileSize: collected.settings?.max_file_size ?? DEFAULT_LIMITS.maxFileSize,
      maxLineLength: collected.settings?.max_line_length ?? DEFAULT_LIMITS.maxLineLength,
      maxScanSeconds: collected.settings?.max_scan_seconds ?? DEFAULT_LIMITS.maxScanSeconds,
    },
    review: collected.review ?? EMPTY_POLICY,
    name: collected.name,
    version: sha256(collected.texts.join('\0')).slice(0, 12),
  };
  return new Rulebook(rules, sortProblems(collected.problems, collected.files), config, root, collected.files);
}

/** `repo/.secure-coding/rulebook.yaml` → `repo`; any other file → its directory. */
export function rootOf(rulebookFile: string): string {
  const dir = path.dirname(path.resolve(rulebookFile));
  return path.basename(dir) === '.secure-coding' ? path.dirname(dir) : dir;
}
