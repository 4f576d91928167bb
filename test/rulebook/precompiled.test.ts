/**
 * What the build prepares so that a start does less: the built-in rules parsed (`builtin-rules.json`) must load to
 * exactly the rulebook that parsing their YAML gives — the same rules, locations, problems and version — and a rule
 * file changed after the build must be read from its YAML, not from the stale parse; the rulebook schema's compiled
 * validator must find exactly the errors ajv finds when it compiles the schema at run time.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PRECOMPILED_RULES_FILE, Rulebook, configureBuiltinRulesDirectory, loadRulebook, precompiledRulesFile } from '@secure-coding/server';
import { builtinRulesDirectory } from '@secure-coding/server/out/engine/rulebook/load';
import { builtinRuleFiles, precompileDirectory, readPrecompiled, relativeRuleFile } from '@secure-coding/server/out/engine/rulebook/precompiled';
import { sha256 } from '@secure-coding/server/out/engine/findings';
import { COMPILED_VALIDATOR_FILE, RULEBOOK_SCHEMA } from '@secure-coding/server/out/engine/rulebook/schema';
import Ajv, { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { RULES_DIR } from '../helpers';

/** Everything a load yields that a user or a later step reads, without the compiled matchers. */
function summary(rulebook: Rulebook): unknown {
  return {
    rules: rulebook.rules.map((r) => ({ rule: r.rule, source: r.source, origin: r.origin, languages: r.languages })),
    problems: rulebook.problems,
    version: rulebook.config.version,
    files: rulebook.files,
  };
}

async function loadWith(directory: string, precompiled: string | undefined, checkExamples: boolean): Promise<Rulebook> {
  configureBuiltinRulesDirectory(directory, precompiled);
  return loadRulebook({ checkExamples, checkBuiltin: true });
}

describe('built-in rules parsed at build time', function () {
  this.timeout(120_000);
  const defaults = { directory: builtinRulesDirectory(), precompiled: precompiledRulesFile() };
  let scratch: string;

  before(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'precompiled-rules-'));
  });
  after(async () => {
    configureBuiltinRulesDirectory(defaults.directory, defaults.precompiled);
    await fs.rm(scratch, { recursive: true, force: true });
  });

  it('the build wrote a parse of every built-in rule file, current with its text', async () => {
    assert.ok(defaults.precompiled && path.basename(defaults.precompiled) === PRECOMPILED_RULES_FILE);
    const precompiled = readPrecompiled(defaults.precompiled);
    assert.ok(precompiled, `${defaults.precompiled} is missing or unreadable: \`npm run build\` writes it`);
    const files = await builtinRuleFiles(RULES_DIR);
    assert.ok(files.length > 20);
    for (const file of files) {
      const entry: { sha256: string } | undefined = precompiled.files[relativeRuleFile(RULES_DIR, file)];
      assert.ok(entry, `${file} is not in the build's parse`);
      assert.strictEqual(entry.sha256, sha256(await fs.readFile(file, 'utf8')), `${file} changed after the build`);
    }
  });

  it('loads the same rulebook from the parse as from the YAML, examples checked', async () => {
    const fromYaml = await loadWith(RULES_DIR, undefined, true);
    const fromBuild = await loadWith(RULES_DIR, defaults.precompiled, true);
    assert.strictEqual(fromYaml.problems.length, 0, fromYaml.problems.map((p) => p.message).join('\n'));
    assert.deepStrictEqual(summary(fromBuild), summary(fromYaml));
  });

  describe('a rules folder changed after the build', () => {
    let rules: string;
    let json: string;
    let edited: string;

    before(async () => {
      rules = path.join(scratch, 'rules');
      await fs.cp(RULES_DIR, rules, { recursive: true });
      json = path.join(scratch, PRECOMPILED_RULES_FILE);
      await fs.writeFile(json, JSON.stringify(await precompileDirectory(rules)));
      edited = (await builtinRuleFiles(rules)).find((f) => f.endsWith(`accounts${path.sep}auth-bypass-debug.yaml`))!;
      assert.ok(edited);
    });

    it('reads an edited rule from its YAML: the new message, not the build’s', async () => {
      const text = await fs.readFile(edited, 'utf8');
      await fs.writeFile(edited, text.replace('a debug switch bypasses authentication.', 'a debug switch opens a back door.'));
      const rule = (await loadWith(rules, json, false)).rule('account.auth-bypass-debug');
      assert.match(String((rule?.rule.message as { en: string }).en), /opens a back door/);
      await fs.writeFile(edited, text);
    });

    it('reports a YAML error introduced after the build, at its line', async () => {
      const text = await fs.readFile(edited, 'utf8');
      const lines = text.split('\n');
      const at = lines.findIndex((l) => l.includes('severity: error'));
      lines[at] = '    severity: "error';
      await fs.writeFile(edited, lines.join('\n'));
      const problems = (await loadWith(rules, json, false)).problems.filter((p) => p.file === edited);
      assert.ok(problems.some((p) => p.severity === 'error' && p.line === at + 1 && /YAML/.test(p.message)), JSON.stringify(problems));
      await fs.writeFile(edited, text);
    });

    it('places a problem the parse holds no location for (a failing example) by parsing the file then', async () => {
      // Clean YAML whose bad example is not flagged: the build keeps the file, the example check fails at load.
      const text = await fs.readFile(edited, 'utf8');
      const broken = text.replace('if (DEBUG) return true;', 'if (DEBUG) log(true);');
      assert.notStrictEqual(broken, text);
      await fs.writeFile(edited, broken);
      await fs.writeFile(json, JSON.stringify(await precompileDirectory(rules)));
      assert.ok(readPrecompiled(json)?.files['accounts/auth-bypass-debug.yaml'], 'the edited file is clean YAML: the build keeps it');
      const fromBuild = await loadWith(rules, json, true);
      const fromYaml = await loadWith(rules, undefined, true);
      const problem = fromBuild.problems.find((p) => p.file === edited && /bad example 1 is not flagged/.test(p.message));
      assert.ok(problem, JSON.stringify(fromBuild.problems));
      assert.match(broken.split('\n')[problem.line - 1], /- language: javascript/, `line ${problem.line} is the failing example`);
      assert.deepStrictEqual(summary(fromBuild), summary(fromYaml));
      await fs.writeFile(edited, text);
    });
  });
});

describe('the rulebook schema compiled by the build', () => {
  const compiledFile = path.join(path.dirname(require.resolve('@secure-coding/server/out/engine/rulebook/schema')), COMPILED_VALIDATOR_FILE);

  it('is written by the build from the current schema', async () => {
    const compiled = (await import(compiledFile)) as { schemaHash: string; validate: ValidateFunction };
    assert.strictEqual(compiled.schemaHash, sha256(JSON.stringify(RULEBOOK_SCHEMA)), '`npm run build` writes it from the schema');
    assert.strictEqual(typeof compiled.validate, 'function');
  });

  it('finds the same errors as ajv compiling the schema at run time', async () => {
    const compiled = ((await import(compiledFile)) as { validate: ValidateFunction }).validate;
    const atRunTime = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(RULEBOOK_SCHEMA);
    const documents: unknown[] = [
      {},
      { rules: [{ id: 'x.y', kind: 'pattern', severity: 'loud', languagez: ['c'] }] },
      { extends: 3, overrides: { 'c.*': { severity: 'error', classes: { test: 'maybe' } } }, paths: { 'a/**': { disable: 'x' } } },
      { review: { reviewers: [{ id: 'alice' }], require: ['fatal'] }, settings: { max_file_size: -1 } },
      { rules: [{ id: 'p.q', kind: 'secret', severity: 'warning', message: { en: 'm', ja: 5 }, examples: { bad: [{ code: 1 }] } }] },
    ];
    for (const file of await builtinRuleFiles(RULES_DIR)) documents.push(parse(await fs.readFile(file, 'utf8')));
    for (const document of documents) {
      const valid = compiled(document);
      assert.strictEqual(valid, atRunTime(document), JSON.stringify(document).slice(0, 200));
      assert.deepStrictEqual(compiled.errors ?? null, atRunTime.errors ?? null);
    }
  });
});
