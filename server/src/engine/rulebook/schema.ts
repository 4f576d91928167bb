/**
 * Validation against the rulebook's JSON Schema (`rulebook.schema.json` beside this file), the same file the editor
 * uses for completion. ajv's errors become problems at the offending key, with "did you mean" for unknown keys.
 */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import schemaJson from './rulebook.schema.json';
import { didYouMean } from './suggest';
import { KeyPath, RulebookProblem, YamlSource } from './yaml-source';

export const RULEBOOK_SCHEMA = schemaJson as Record<string, unknown>;

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(RULEBOOK_SCHEMA);
  return validator;
}

function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function keyName(path: KeyPath): string {
  const last = path[path.length - 1];
  return last === undefined ? 'the rulebook' : typeof last === 'number' ? `item ${last + 1}` : `\`${last}\``;
}

function allowedKeys(schemaPath: string): string[] {
  // schemaPath looks like '#/definitions/rule/additionalProperties'; its parent holds `properties`.
  const parts = schemaPath.replace(/^#\//, '').split('/').slice(0, -1);
  let node: unknown = RULEBOOK_SCHEMA;
  for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
  return Object.keys(((node as { properties?: object } | undefined)?.properties ?? {}));
}

function describe(error: ErrorObject, path: KeyPath): { path: KeyPath; message: string; target: 'key' | 'value' } {
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      return { path: [...path, key], message: `unknown key \`${key}\`${didYouMean(key, allowedKeys(error.schemaPath))}`, target: 'key' };
    }
    case 'required':
      return { path, message: `${keyName(path)} is missing required key \`${(error.params as { missingProperty: string }).missingProperty}\``, target: 'key' };
    case 'enum':
      return {
        path,
        message: `${keyName(path)} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`,
        target: 'value',
      };
    case 'type':
      return { path, message: `${keyName(path)} must be ${error.message?.replace(/^must be /, '') ?? 'of another type'}`, target: 'value' };
    case 'pattern':
      return { path, message: `${keyName(path)} has the wrong form (expected to match ${(error.params as { pattern: string }).pattern})`, target: 'value' };
    case 'anyOf':
      return { path, message: `${keyName(path)} needs one of the keys its kind requires (see the rulebook reference)`, target: 'key' };
    default:
      return { path, message: `${keyName(path)} ${error.message ?? 'is invalid'}`, target: 'value' };
  }
}

/**
 * Validates the parsed document. Returns the problems and the key paths that are invalid, so the loader can drop
 * just those parts (one bad rule never disables the others).
 */
export function validateRulebook(source: YamlSource, data: unknown): { problems: RulebookProblem[]; invalid: KeyPath[] } {
  const check = validate();
  if (check(data)) return { problems: [], invalid: [] };
  const errors = check.errors ?? [];
  // A `oneOf` reports every branch's failure; keep the specific ones and fold the rest into one message.
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const specific = new Set(['additionalProperties', 'required', 'enum', 'pattern']);
  const kept = errors.filter((e) => {
    if (e.keyword === 'if') return false;
    if (!oneOfPaths.has(e.instancePath)) return e.keyword !== 'oneOf';
    const siblings = errors.filter((o) => o.instancePath === e.instancePath && specific.has(o.keyword));
    if (siblings.length > 0) return specific.has(e.keyword);
    return e.keyword === 'oneOf';
  });
  const problems: RulebookProblem[] = [];
  const invalid: KeyPath[] = [];
  const seen = new Set<string>();
  for (const error of kept) {
    const path = pathOf(error.instancePath);
    const described =
      error.keyword === 'oneOf'
        ? { path, message: `${keyName(path)} has the wrong form: expected text, or { en: …, ja: … }, or see the rulebook reference`, target: 'value' as const }
        : describe(error, path);
    const key = `${described.path.join('/')}\0${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(source.problemAt(described.path, described.message, 'error', described.target));
    invalid.push(path);
  }
  return { problems, invalid };
}
