/**
 * Runs git as a child process. Every command is plumbing-level or pinned with `-c` settings, so a user's
 * configuration (colour, external diff drivers, prefixes, quoting) cannot change what the CLI parses.
 */
import { execFile, spawn } from 'child_process';

/** A git command that failed: its arguments, exit code and what git said. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed${code === null ? '' : ` (exit ${code})`}: ${stderr.trim() || 'no message'}`);
  }
}

/** Settings every invocation pins: paths unquoted except for control characters, no pager, no colour. */
export const GIT_PINNED = ['-c', 'core.quotePath=false', '-c', 'color.ui=false', '--no-pager'];

export interface RunGitOptions {
  readonly input?: string | Buffer;
  /** Resolve with undefined instead of rejecting when git exits non-zero (for questions like "is there a HEAD?"). */
  readonly allowFailure?: boolean;
}

export function runGit(cwd: string, args: readonly string[], options: RunGitOptions & { readonly allowFailure: true }): Promise<Buffer | undefined>;
export function runGit(cwd: string, args: readonly string[], options?: RunGitOptions): Promise<Buffer>;
export function runGit(cwd: string, args: readonly string[], options: RunGitOptions = {}): Promise<Buffer | undefined> {
  const full = [...GIT_PINNED, ...args];
  return new Promise((resolve, reject) => {
    const child = execFile('git', full, { cwd, encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024, env: gitEnv() }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      if (options.allowFailure) return resolve(undefined);
      const code = typeof error.code === 'number' ? error.code : null;
      reject(new GitError(args, code, stderr.toString('utf8') || error.message));
    });
    // A git that exits before reading all of stdin must not turn into an unhandled EPIPE.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input);
  });
}

/** `runGit` as text, trimmed of the final newline. */
export async function gitText(cwd: string, args: readonly string[]): Promise<string> {
  return (await runGit(cwd, args)).toString('utf8').replace(/\n$/, '');
}

/**
 * Starts a long-running git command whose output is read as it comes (a history of thousands of commits).
 * The caller reads `stdout`; `done` settles when git exits, rejecting with what it said on failure.
 */
export function spawnGit(cwd: string, args: readonly string[]): { readonly stdout: NodeJS.ReadableStream; readonly done: Promise<void>; kill(): void } {
  const full = [...GIT_PINNED, ...args];
  const child = spawn('git', full, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: gitEnv() });
  const errors: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (err) => reject(new GitError(args, null, err.message)));
    child.on('close', (code, signal) => {
      if (code === 0 || signal === 'SIGTERM') resolve();
      else reject(new GitError(args, code, Buffer.concat(errors).toString('utf8')));
    });
  });
  return { stdout: child.stdout, done, kill: () => child.kill('SIGTERM') };
}

/** The environment for git: the user's, without anything that would open a pager or an editor, or localise output. */
function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_PAGER: 'cat', PAGER: 'cat', LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' };
}
