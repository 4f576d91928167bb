/**
 * No output format ever prints a secret whole. The secret rules' own fixtures (and the examples inside the rule
 * files) hold hundreds of realistic fake secrets: the engine says which text it flagged, then the real CLI scans the
 * same folder in every format, and none of that text may appear in what it prints.
 */
import * as assert from 'assert';
import { execFile } from 'child_process';
import { promises as fs, mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { Rulebook, TextIndex, diskReader, languageForPath, loadRulebook } from '@secure-coding/server';
import { scanWithRules } from '@secure-coding/server/out/engine/scanner';
import { CLI, REPO_ROOT, RULES_DIR } from '../helpers';

const run = promisify(execFile);
const SECRETS_DIR = path.join(RULES_DIR, 'secrets');
/** Shorter flagged values (a 4-character password) could occur in unrelated text by chance. */
const MIN_CHECKED_LENGTH = 6;

async function flaggedSecrets(rulebook: Rulebook): Promise<Set<string>> {
  const secrets = new Set<string>();
  for (const file of await diskReader.list(SECRETS_DIR, [''])) {
    const text = await fs.readFile(file, 'utf8');
    const rel = path.relative(REPO_ROOT, file).split(path.sep).join('/');
    const languageId = languageForPath(rel.replace('.fixture.', '.'));
    const rules = rulebook.rulesFor(rel, languageId, { ignorePaths: true });
    const result = await scanWithRules(rules, { path: rel, text, languageId });
    const index = new TextIndex(text);
    for (const f of result.findings) {
      if (!f.ruleId.startsWith('secret.')) continue;
      const value = text.slice(index.offsetAt(f.range.start), index.offsetAt(f.range.end));
      if (value.length >= MIN_CHECKED_LENGTH) secrets.add(value);
    }
  }
  return secrets;
}

describe('secret masking in every output format', function () {
  this.timeout(120000);
  let secrets: Set<string>;

  before(async function () {
    secrets = await flaggedSecrets(await loadRulebook({ root: REPO_ROOT }));
  });

  it('the fixtures hold many flagged secrets to check', function () {
    assert.ok(secrets.size > 150, `only ${secrets.size} secrets flagged in ${SECRETS_DIR}`);
  });

  for (const format of ['text', 'json', 'sarif'] as const) {
    it(`${format}: prints findings but no flagged secret whole`, async function () {
      // Low-confidence findings too: shown on request, they must be masked like the others.
      const { stdout, stderr } = await run(process.execPath, [CLI, 'scan', 'rules/secrets', '--format', format, '--exit-zero', '--jobs', '0', '--show-low-confidence'], {
        cwd: REPO_ROOT,
        maxBuffer: 64 * 1024 * 1024,
      });
      const output = stdout + stderr;
      assert.ok(output.includes('secret.github-token') && output.includes('secret.hardcoded-password'), 'the output lists secret findings');
      const leaked = [...secrets].filter((secret) => output.includes(secret));
      assert.deepStrictEqual(leaked.map((s) => `${s.slice(0, 4)}… (${s.length} chars)`), [], 'secrets printed unmasked');
    });
  }

  it('rulebook explain FILE: lists a file\'s findings but no flagged secret whole', async function () {
    this.timeout(300000); // seven CLI processes, each loading the rulebook
    // One process per file and format: a sample of fixtures with every kind of shape (explain prints the same masked
    // messages a scan does, and reasons that never quote a value).
    const files = ['hardcoded-password.fixture.py', 'command-line.fixture.sh', 'prose.fixture.md', 'key-containers.fixture.yaml', 'provider-formats.fixture.json', 'crypto-constants.fixture.py'].map((f) => path.join(SECRETS_DIR, f));
    let output = '';
    // Text for every file, JSON for one: both print the same masked messages and reasons (one process each).
    for (const [i, file] of files.entries()) {
      for (const format of i === 0 ? ['text', 'json'] : ['text']) {
        const { stdout } = await run(process.execPath, [CLI, 'explain', path.relative(REPO_ROOT, file), '--format', format], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
        output += stdout;
      }
    }
    assert.ok(output.includes('secret.hardcoded-password') && output.includes('confidence'), 'explain lists secret findings with their confidence');
    const leaked = [...secrets].filter((secret) => output.includes(secret));
    assert.deepStrictEqual(leaked.map((s) => `${s.slice(0, 4)}… (${s.length} chars)`), [], 'secrets printed unmasked');
  });

  it('--cache: keeps findings but no flagged secret whole', async function () {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rulebook-cache-'));
    try {
      const cacheFile = path.join(dir, 'cache.json');
      await run(process.execPath, [CLI, 'scan', 'rules/secrets', '--cache', '--cache-location', cacheFile, '--exit-zero', '-q', '--jobs', '0'], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
      const cached = await fs.readFile(cacheFile, 'utf8');
      assert.ok(cached.includes('secret.github-token') && cached.includes('secret.hardcoded-password'), 'the cache holds secret findings');
      const leaked = [...secrets].filter((secret) => cached.includes(secret));
      assert.deepStrictEqual(leaked.map((s) => `${s.slice(0, 4)}… (${s.length} chars)`), [], 'secrets cached unmasked');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
