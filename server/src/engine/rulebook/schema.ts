/**
 * Validation against the rulebook's JSON Schema (`rulebook.schema.json` beside this file), the same file the editor
 * uses for completion. ajv's errors become problems at the offending key, in words a lead can act on: "did you mean"
 * for unknown keys, "a `pattern` rule needs `regex` or `query`" instead of three branch failures.
 */
import type { ErrorObject, Options, ValidateFunction } from 'ajv';
import * as path from 'path';
import { sha256 } from '../findings';
import schemaJson from './rulebook.schema.json';
import { didYouMean } from './suggest';
import { KeyPath, RulebookProblem, YamlSource } from './yaml-source';

export const RULEBOOK_SCHEMA = schemaJson as Record<string, unknown>;

/**
 * `verbose` gives each error its parent schema (for the keys allowed where an unknown key was written);
 * `strict: false` lets the schema carry editor-only annotations such as `x-description-ja`.
 */
const AJV_OPTIONS: Options = { allErrors: true, strict: false, verbose: true };

/** The validator the build compiled (`npm run build`), beside this module; see `validatorModuleSource`. */
export const COMPILED_VALIDATOR_FILE = 'rulebook-validator.js';

let validator: ValidateFunction | undefined;

function schemaHash(): string {
  return sha256(JSON.stringify(RULEBOOK_SCHEMA));
}

/**
 * The build's compiled validator, when it was compiled from this very schema. Compiling the schema with ajv took
 * ~150 ms (and loading ajv ~60 ms) of every CLI run with a workspace rulebook; a missing or stale module only
 * costs that time again.
 */
function compiledValidator(): ValidateFunction | undefined {
  try {
    // A path built at run time: the extension's bundler must not try to include a file only the build writes.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous, and only if the file exists
    const compiled = require(path.join(__dirname, COMPILED_VALIDATOR_FILE)) as { schemaHash?: string; validate?: ValidateFunction };
    return compiled.schemaHash === schemaHash() ? compiled.validate : undefined;
  } catch {
    return undefined;
  }
}

function validate(): ValidateFunction {
  validator ??= compiledValidator() ?? newAjv().compile(RULEBOOK_SCHEMA);
  return validator;
}

function newAjv(options: Options = {}): import('ajv').default {
  // Loaded only when the build's validator is missing or stale, or to write it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load on first use
  const { default: Ajv } = require('ajv') as typeof import('ajv');
  return new Ajv({ ...AJV_OPTIONS, ...options });
}

/** The validator as a CommonJS module for the build to write beside this one (ajv's standalone code). */
export function validatorModuleSource(): string {
  const ajv = newAjv({ code: { source: true } });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build alone needs it
  const { default: standaloneCode } = require('ajv/dist/standalone') as typeof import('ajv/dist/standalone');
  const code = standaloneCode(ajv, ajv.compile(RULEBOOK_SCHEMA));
  return `${code}\nmodule.exports.validate = module.exports;\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash())};\n`;
}

function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function valueAt(data: unknown, path: KeyPath): unknown {
  let node = data;
  for (const segment of path) node = (node as Record<string | number, unknown> | null | undefined)?.[segment];
  return node;
}

/** How a message names the thing at a path: "rule `a.b`", "`severity`", "item 2 of `languages`". */
function nameOf(data: unknown, path: KeyPath): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the rulebook';
  if (path.length === 2 && path[0] === 'rules' && typeof last === 'number') {
    const id = (valueAt(data, path) as { id?: unknown } | undefined)?.id;
    return typeof id === 'string' ? `rule \`${id}\`` : `rule ${last + 1}`;
  }
  if (typeof last === 'number') return `item ${last + 1} of \`${String(path[path.length - 2])}\``;
  return `\`${last}\``;
}

const TYPE_WORDS: Record<string, string> = {
  array: 'a list (e.g. `[a, b]`)',
  object: 'a mapping of keys',
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: '`true` or `false`',
};

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');
}

function allowedKeys(error: ErrorObject): string[] {
  return Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
}

interface Described {
  readonly path: KeyPath;
  readonly message: string;
  readonly target: 'key' | 'value';
}

function describe(error: ErrorObject, data: unknown, path: KeyPath): Described {
  const params = error.params as Record<string, unknown>;
  const name = nameOf(data, path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const where = path.length === 0 ? '' : ` in ${name}`;
      return { path: [...path, key], message: `unknown key \`${key}\`${where}${didYouMean(key, allowedKeys(error))}`, target: 'key' };
    }
    case 'required':
      return { path, message: `${name} is missing required key \`${String(params.missingProperty)}\``, target: 'key' };
    case 'enum':
      return { path, message: `${name} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`, target: 'value' };
    case 'const':
      return { path, message: `${name} must be ${JSON.stringify(params.allowedValue)}`, target: 'value' };
    case 'type':
      return { path, message: `${name} must be ${typeWords(params.type)}`, target: 'value' };
    case 'pattern':
      return { path, message: `${name} has the wrong form (expected to match ${String(params.pattern)})`, target: 'value' };
    case 'minItems':
      return { path, message: `${name} needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`, target: 'value' };
    case 'minLength':
      return { path, message: `${name} must not be empty`, target: 'value' };
    case 'minimum':
    case 'maximum':
      return { path, message: `${name} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}`, target: 'value' };
    default:
      return { path, message: `${name} ${error.message ?? 'is invalid'}`, target: 'value' };
  }
}

/** `anyOf` of `required` branches (a kind's alternative keys) becomes one message naming the alternatives. */
function describeAnyOf(error: ErrorObject, all: readonly ErrorObject[], data: unknown, path: KeyPath): Described {
  const branches = all.filter((e) => e.keyword === 'required' && e.instancePath === error.instancePath && e.schemaPath.startsWith(`${error.schemaPath}/`));
  const keys = [...new Set(branches.map((e) => `\`${String((e.params as { missingProperty: string }).missingProperty)}\``))];
  const kind = (valueAt(data, path) as { kind?: unknown } | undefined)?.kind;
  const subject = typeof kind === 'string' ? `${nameOf(data, path)} (kind \`${kind}\`)` : nameOf(data, path);
  if (keys.length === 0) return { path, message: `${subject} is missing a key its kind requires (see the rulebook reference)`, target: 'key' };
  return { path, message: `${subject} needs ${keys.length === 1 ? keys[0] : `${keys.slice(0, -1).join(', ')} or ${keys[keys.length - 1]}`}`, target: 'key' };
}

/** Text or { en, ja }: the `localized` definition's two branches would otherwise both report. */
function describeOneOf(data: unknown, path: KeyPath): Described {
  return { path, message: `${nameOf(data, path)} has the wrong form: expected text, or \`{ en: …, ja: … }\``, target: 'value' };
}

/** Keeps the errors a lead can act on: drops `if` bookkeeping, branch failures folded into `anyOf` / `oneOf`. */
function actionable(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => `${e.instancePath}\0${e.schemaPath}/`);
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const specific = new Set(['additionalProperties', 'required', 'enum', 'pattern', 'minLength', 'minimum', 'maximum']);
  return errors.filter((e) => {
    if (e.keyword === 'if') return false;
    if (e.keyword === 'required' && anyOfPaths.some((p) => `${e.instancePath}\0${e.schemaPath}`.startsWith(p))) return false;
    if (!oneOfPaths.has(e.instancePath)) return e.keyword !== 'oneOf';
    // Inside a oneOf, a specific failure (an unknown key in `{ en, ja }`) says more than "wrong form".
    const siblings = errors.filter((o) => o.instancePath === e.instancePath && specific.has(o.keyword));
    if (siblings.length > 0) return specific.has(e.keyword);
    return e.keyword === 'oneOf';
  });
}

/**
 * Validates the parsed document. Returns the problems and the key paths that are invalid, so the loader can drop
 * just those parts (one bad rule never disables the others). Errors inside `skip` paths are not reported.
 */
export function validateRulebook(source: YamlSource, data: unknown, skip: readonly KeyPath[] = []): { problems: RulebookProblem[]; invalid: KeyPath[] } {
  const check = validate();
  if (check(data)) return { problems: [], invalid: [] };
  // Parts a YAML error already broke are reported once, as that error.
  const skipped = (path: KeyPath): boolean => skip.some((s) => s.every((segment, i) => path[i] === segment));
  const errors = (check.errors ?? []).filter((e) => !skipped(pathOf(e.instancePath)));
  const problems: RulebookProblem[] = [];
  const invalid: KeyPath[] = [];
  const seen = new Set<string>();
  for (const error of actionable(errors)) {
    const path = pathOf(error.instancePath);
    const described =
      error.keyword === 'oneOf' ? describeOneOf(data, path) : error.keyword === 'anyOf' ? describeAnyOf(error, errors, data, path) : describe(error, data, path);
    const key = `${described.path.join('/')}\0${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(source.problemAt(described.path, described.message, 'error', described.target));
    invalid.push(path);
  }
  return { problems, invalid };
}
