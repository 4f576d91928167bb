/**
 * The built-in rulebook, parsed when the product is built instead of at every start. Parsing ~60 rule files of YAML
 * with positions took 0.7–1 s of every CLI run and of every language-server worker; their values and the locations a
 * load asks for (each rule's keys) are written to one JSON file by the build (`scripts/precompile.mjs`).
 *
 * Each file is keyed by its path under the rules folder and the hash of its text: a rule file edited after the build
 * (a checkout, a developer at work) simply misses and is parsed as before, so a stale or missing JSON costs time,
 * never correctness. Only files that parsed without a problem are kept: a problem must be reported from the YAML.
 */
import * as fs from 'fs';
import * as path from 'path';
import { sha256 } from '../findings';
import { FileReader, diskReader } from '../reader';
import { KeyPath, KnownYaml, SourceSpan, YamlSource, locationKey } from './yaml-source';

const FORMAT = 1;

/** The JSON's name beside the compiled loader (and beside the extension's bundle). */
export const PRECOMPILED_RULES_FILE = 'builtin-rules.json';

interface PrecompiledFile extends KnownYaml {
  readonly sha256: string;
}

export interface PrecompiledRules {
  readonly format: number;
  /** By path under the rules folder, with `/` separators. */
  readonly files: Readonly<Record<string, PrecompiledFile>>;
}

/** The rule files of a built-in rules folder, as the loader reads them: YAML, never the fixtures beside them. */
export async function builtinRuleFiles(directory: string, reader: FileReader = diskReader): Promise<string[]> {
  return (await reader.list(directory, ['.yaml', '.yml'])).filter((f) => !/\.fixture\./.test(path.basename(f)));
}

export function relativeRuleFile(directory: string, file: string): string {
  return path.relative(directory, file).split(path.sep).join('/');
}

/**
 * Key paths whose location a load of a rule file asks for: every key down to a rule's own keys (`rules`, `rules[3]`,
 * `rules[3].id`…), each as key and as value. Deeper ones (a problem inside an example) are found by parsing then.
 */
function locatedPaths(data: unknown, prefix: KeyPath = [], depth = 3): KeyPath[] {
  if (depth === 0 || data === null || typeof data !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(data) ? data.map((value, i) => [i, value]) : Object.entries(data);
  return entries.flatMap(([segment, value]) => {
    const here = [...prefix, segment];
    return [here, ...locatedPaths(value, here, depth - 1)];
  });
}

/** What the build keeps of one rule file, or undefined when it has a problem (the loader must report it). */
export function precompileText(file: string, text: string): PrecompiledFile | undefined {
  const source = new YamlSource(file, text);
  if (source.problems.length > 0) return undefined;
  const data = source.toJS();
  const locations: Record<string, SourceSpan> = {};
  for (const keyPath of [[], ...locatedPaths(data)]) {
    for (const target of ['key', 'value'] as const) {
      const { line, column, endLine, endColumn } = source.locationOf(keyPath, target);
      locations[locationKey(keyPath, target)] = { line, column, endLine: endLine ?? line, endColumn: endColumn ?? column };
    }
  }
  return { sha256: sha256(text), data, locations };
}

export async function precompileDirectory(directory: string, reader: FileReader = diskReader): Promise<PrecompiledRules> {
  const files: Record<string, PrecompiledFile> = {};
  for (const file of await builtinRuleFiles(directory, reader)) {
    const bytes = await reader.read(file);
    const compiled = bytes && precompileText(file, bytes.toString('utf8'));
    if (compiled) files[relativeRuleFile(directory, file)] = compiled;
  }
  return { format: FORMAT, files };
}

/** The build's JSON, or undefined when it is missing or unreadable (every file is then parsed). */
export function readPrecompiled(jsonFile: string | undefined): PrecompiledRules | undefined {
  if (!jsonFile) return undefined;
  try {
    const parsed = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as PrecompiledRules;
    return parsed.format === FORMAT && parsed.files && typeof parsed.files === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** What the build knew of this file, if its text is still the one the build read. */
export function knownFile(precompiled: PrecompiledRules | undefined, relative: string, text: string): KnownYaml | undefined {
  const entry = precompiled && Object.prototype.hasOwnProperty.call(precompiled.files, relative) ? precompiled.files[relative] : undefined;
  return entry && entry.sha256 === sha256(text) ? entry : undefined;
}
