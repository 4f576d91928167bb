/**
 * `rulebook scan --cache`: an unchanged file's results come from the cache, keyed by its content, the effective
 * rulebook and the engine; any rulebook change starts over; the cache holds no flagged text.
 */
import * as assert from 'assert';
import { readFileSync, readdirSync, existsSync } from 'fs';
import * as path from 'path';
import { removeTempDirs, runCli, tempDir, writeFile } from './repo';

const FILES: Record<string, string> = {
  'src/a.c': 'void f(char *d, const char *s) { strcpy(d, s); }\n',
  'src/b.c': 'void g(char *b) { gets(b); }\n',
  'src/c.py': 'import os\nDB_PASSWORD = "Zq7!vK2#pLm9"\n',
  'src/d.c': 'int clean;\n',
};

function workspace(): string {
  const root = tempDir('rulebook-cache-');
  for (const [rel, text] of Object.entries(FILES)) writeFile(root, rel, text);
  writeFile(root, '.secure-coding/rulebook.yaml', 'name: cache test\n');
  return root;
}

describe('rulebook scan --cache', function () {
  this.timeout(60_000);
  after(removeTempDirs);

  const scan = async (root: string, cache: string, extra: string[] = []): Promise<{ findings: unknown; stderr: string }> => {
    const result = await runCli(root, ['scan', '--cache', '--cache-location', cache, '--format', 'json', '--exit-zero', ...extra]);
    assert.strictEqual(result.code, 0, result.stderr);
    return { findings: (JSON.parse(result.stdout) as { findings: unknown }).findings, stderr: result.stderr };
  };

  it('reuses the results of unchanged files, and gives the same findings as a scan without it', async function () {
    const root = workspace();
    const cache = path.join(tempDir(), 'scan-cache.json');
    const plain = JSON.parse((await runCli(root, ['scan', '--format', 'json', '--exit-zero'])).stdout) as { findings: unknown };
    const first = await scan(root, cache);
    assert.match(first.stderr, /4 files scanned(?! \()/);
    const second = await scan(root, cache);
    assert.match(second.stderr, /4 files scanned \(4 from the cache\)/);
    assert.deepStrictEqual(second.findings, plain.findings);
    assert.deepStrictEqual(first.findings, plain.findings);

    writeFile(root, 'src/d.c', 'void h(char *d) { sprintf(d, "%d", 1); }\n');
    const third = await scan(root, cache);
    assert.match(third.stderr, /4 files scanned \(3 from the cache\)/);
    assert.ok(JSON.stringify(third.findings).includes('c.banned.sprintf'), 'the changed file is scanned again');
  });

  it('starts over whenever the rulebook changes, even a comment', async function () {
    const root = workspace();
    const cache = path.join(tempDir(), 'c.json');
    await scan(root, cache);
    writeFile(root, '.secure-coding/rulebook.yaml', 'name: cache test\n# a comment\n');
    assert.doesNotMatch((await scan(root, cache)).stderr, /from the cache/);
    writeFile(root, '.secure-coding/rulebook.yaml', 'name: cache test\ndisable: [c.banned.gets]\n');
    const changed = await scan(root, cache);
    assert.doesNotMatch(changed.stderr, /from the cache/);
    assert.ok(!JSON.stringify(changed.findings).includes('c.banned.gets'));
  });

  it('keeps a folder of caches, one per workspace, and never the flagged text', async function () {
    const root = workspace();
    const folder = tempDir();
    await scan(root, `${folder}/`);
    const files = readdirSync(folder);
    assert.strictEqual(files.length, 1);
    const text = readFileSync(path.join(folder, files[0]), 'utf8');
    assert.ok(text.includes('secret.hardcoded-password'), 'the cache holds the finding');
    for (const flagged of ['Zq7!vK2#pLm9', 'strcpy(d, s)', 'gets(b)']) assert.ok(!text.includes(flagged), `the cache holds ${flagged}`);
  });

  it('lives in the user cache folder by default', async function () {
    const root = workspace();
    const home = tempDir();
    const result = await runCli(root, ['scan', '--cache', '--exit-zero', '-q'], { XDG_CACHE_HOME: home });
    assert.strictEqual(result.code, 0, result.stderr);
    assert.ok(existsSync(path.join(home, 'secure-coding-rulebook')));
    assert.strictEqual(readdirSync(path.join(home, 'secure-coding-rulebook')).length, 1);
  });
});
