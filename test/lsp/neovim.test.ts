/**
 * A real third-party LSP client: Neovim 0.7 (headless, no user config) attaches to `rulebook lsp --stdio`, receives
 * the diagnostics for a C file with `strcpy`, and an edit that removes the call clears them.
 * Needs `nvim` on PATH (Debian: `apt-get install -y neovim`).
 */
import * as assert from 'assert';
import { spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { CLI, REPO_ROOT } from '../helpers';
import { workspace } from './client';

const RULEBOOK = `extends: [builtin:default]
disable: [c.banned.strcpy]
rules:
  - id: org.no-strcpy
    kind: call
    severity: error
    message: "{name} copies without a bound"
    rationale: strcpy writes past the end of the destination when the source is longer.
    cwe: [120]
    functions: [strcpy]
`;

const SOURCE = `#include <string.h>

void copy_name(char *dst, const char *src) {
    strcpy(dst, src);
}
`;

interface Seen {
  attached: boolean;
  received?: boolean;
  cleared?: boolean;
  before?: { lnum: number; col: number; message: string; source: string; code: string }[];
  after?: unknown[];
  error?: string;
}

describe('Neovim as a client', function () {
  this.timeout(60000);
  let root: string;

  before(async function () {
    root = await workspace({ '.secure-coding/rulebook.yaml': RULEBOOK, 'copy.c': SOURCE });
  });

  after(async function () {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('shows the strcpy finding, and clears it when the call is removed', async function () {
    const out = path.join(root, 'nvim-result.json');
    const script = path.join(REPO_ROOT, 'test/lsp/neovim/attach.lua');
    const nvim = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`], {
      cwd: root,
      env: { ...process.env, RULEBOOK_CLI: CLI, RULEBOOK_FILE: path.join(root, 'copy.c'), RULEBOOK_NVIM_OUT: out },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    nvim.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      nvim.on('error', reject);
      nvim.on('exit', resolve);
    });
    assert.strictEqual(code, 0, stderr);
    const seen = JSON.parse(await fs.readFile(out, 'utf8')) as Seen;
    assert.strictEqual(seen.error, undefined);
    assert.strictEqual(seen.attached, true);
    assert.strictEqual(seen.received, true, 'diagnostics arrived');
    const line = SOURCE.split('\n').findIndex((l) => l.includes('strcpy('));
    assert.deepStrictEqual(
      seen.before?.map((d) => [d.lnum, d.col, d.source, d.code]),
      [[line, SOURCE.split('\n')[line].indexOf('strcpy'), 'secure-coding', 'org.no-strcpy']],
    );
    assert.match(seen.before[0].message, /strcpy copies without a bound/);
    assert.strictEqual(seen.cleared, true, 'the edit cleared them');
    assert.deepStrictEqual(seen.after, []);
  });
});
