/**
 * Real things for review tests: temporary git repositories with commits by named authors, SSH keys made by
 * `ssh-keygen`, and the `rulebook` CLI run as a separate process.
 */
import { execFile, execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI } from '../helpers';

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

export const ALICE: Person = { id: 'alice', name: 'Alice Ito', email: 'alice@example.com' };
export const BOB: Person = { id: 'bob', name: 'Bob Sato', email: 'bob@example.com' };
export const CAROL: Person = { id: 'carol', name: 'Carol Mori', email: 'carol@example.com' };

export interface KeyPair {
  readonly privatePath: string;
  readonly publicPath: string;
  readonly publicLine: string;
}

const made: string[] = [];

export function tempDir(prefix = 'rulebook-review-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A key made by the real `ssh-keygen`, unencrypted unless a passphrase is given. */
export function keygen(dir: string, name: string, type: 'ed25519' | 'rsa', comment: string, passphrase = ''): KeyPair {
  const privatePath = path.join(dir, name);
  const args = ['-q', '-t', type, '-N', passphrase, '-C', comment, '-f', privatePath];
  if (type === 'rsa') args.unshift('-b', '3072');
  execFileSync('ssh-keygen', args);
  const publicPath = `${privatePath}.pub`;
  return { privatePath, publicPath, publicLine: readFileSync(publicPath, 'utf8').trim() };
}

export function git(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('git', [...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
}

/** A fresh repository whose local git user (for uncommitted lines) is `local`. */
export function gitRepo(local: Person): string {
  const dir = tempDir('rulebook-repo-');
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'user.name', local.name]);
  git(dir, ['config', 'user.email', local.email]);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  return dir;
}

export function writeFile(root: string, rel: string, text: string): void {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Commits everything as `author`: real authorship for `git blame`. */
export function commitAs(root: string, author: Person, message: string): void {
  git(root, ['add', '-A']);
  git(root, ['-c', `user.name=${author.name}`, '-c', `user.email=${author.email}`, 'commit', '-q', '-m', message]);
}

export interface ReviewerSpec {
  readonly person: Person;
  readonly key: KeyPair;
}

/**
 * A rulebook with the default rules, a warning-level `strcpy` rule and the given review section. The default
 * strcpy and strcat rules are disabled so that the test's own rule is the only one on those lines.
 */
export function rulebookYaml(reviewers: readonly ReviewerSpec[], extra = '', strcpyFunctions = '[strcpy]'): string {
  const list = reviewers.map((r) => `    - { id: ${r.person.id}, name: ${r.person.name}, email: ${r.person.email}, key: "${r.key.publicLine}" }`).join('\n');
  return `name: Review test
disable: [c.banned.strcpy, c.banned.strcat]
rules:
  - id: c.test.strcpy
    kind: call
    severity: warning
    languages: [c]
    message: "\`{name}\` copies without a bound"
    rationale: "Unbounded copies overflow buffers."
    functions: ${strcpyFunctions}
review:
  reviewers:
${list || '    []'}
${extra}`;
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, LANG: 'C', ...env }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
