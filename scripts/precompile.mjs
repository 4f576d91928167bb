#!/usr/bin/env node
/**
 * Part of `npm run build`, after `tsc -b`: work every CLI run and language-server worker would otherwise repeat at
 * start, done once. Writes beside the compiled engine (server/out/engine/rulebook/):
 * - builtin-rules.json: the built-in rule files (rules/) parsed, with the locations a load asks for (~0.8 s a start);
 * - rulebook-validator.js: the rulebook's JSON Schema compiled by ajv into standalone code (~0.2 s a start).
 * Both are checked against what they were made from (file hashes, the schema's hash) and ignored when stale.
 */
import { createRequire } from 'module';
import { writeFileSync } from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'server/out/engine/rulebook');
const require = createRequire(import.meta.url);
const { precompileDirectory, PRECOMPILED_RULES_FILE } = require(path.join(OUT, 'precompiled.js'));
const { validatorModuleSource, COMPILED_VALIDATOR_FILE } = require(path.join(OUT, 'schema.js'));

writeFileSync(path.join(OUT, PRECOMPILED_RULES_FILE), JSON.stringify(await precompileDirectory(path.join(ROOT, 'rules'))));
writeFileSync(path.join(OUT, COMPILED_VALIDATOR_FILE), validatorModuleSource());
