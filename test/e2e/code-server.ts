/**
 * A real VS Code for the end-to-end test: code-server installed from npm into `.e2e/` (outside the product's
 * dependencies), the packaged .vsix installed into it, and one isolated instance started per run. Every step that
 * can fail says what failed, with the tail of the output and the usual fix.
 */
import { spawn, spawnSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as net from 'net';
import * as path from 'path';
import { REPO_ROOT } from '../helpers';

export const CODE_SERVER_VERSION = '4.100.3';
// code-server's @vscode/ripgrep downloads ripgrep in its postinstall; offline, it takes the tarball from this cache.
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const tail = (text: string, lines = 40): string => text.trimEnd().split('\n').slice(-lines).join('\n');

export function codeServerDirectory(): string {
  return process.env.E2E_CODE_SERVER_DIR ?? path.join(REPO_ROOT, '.e2e', `code-server-${CODE_SERVER_VERSION}`);
}

function which(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

function installedVersion(directory: string): string | undefined {
  const manifest = path.join(directory, 'node_modules/code-server/package.json');
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
}

/** Installs code-server once (about a minute); later runs reuse it. Returns the path of its launcher. */
export function ensureCodeServer(log: (line: string) => void): string {
  const directory = codeServerDirectory();
  const launcher = path.join(directory, 'node_modules/.bin/code-server');
  if (installedVersion(directory) === CODE_SERVER_VERSION && existsSync(launcher)) return launcher;

  const ripgrep = which('rg');
  if (!ripgrep) throw new Error('ripgrep is not installed; code-server needs it and cannot download it here: apt-get install -y ripgrep');
  const tmp = path.join(directory, 'tmp');
  mkdirSync(path.join(tmp, RIPGREP_CACHE), { recursive: true });
  const tarball = path.join(tmp, RIPGREP_CACHE, RIPGREP_TARBALL);
  const tar = spawnSync('tar', ['-czf', tarball, '-C', path.dirname(ripgrep), path.basename(ripgrep)], { encoding: 'utf8' });
  if (tar.status !== 0) throw new Error(`could not pack ${ripgrep} for code-server's ripgrep cache:\n${tar.stderr}`);
  writeFileSync(path.join(directory, 'package.json'), JSON.stringify({ name: 'e2e-code-server', private: true }, null, 2));

  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(REPO_ROOT, directory)} …`);
  const started = Date.now();
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: directory,
    encoding: 'utf8',
    // node-pty's build runs `npx node-gyp`: answer its prompt. code-server's postinstall refuses to run as root
    // unless npm was given --unsafe-perm, which it reads from this variable.
    env: { ...process.env, TMPDIR: tmp, npm_config_yes: 'true', npm_config_unsafe_perm: 'true' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${install.stdout}\n${install.stderr}`;
  writeFileSync(path.join(directory, 'install.log'), output);
  if (install.status !== 0 || installedVersion(directory) !== CODE_SERVER_VERSION) {
    throw new Error(
      `installing code-server ${CODE_SERVER_VERSION} failed (exit ${install.status}); full log in ${path.join(directory, 'install.log')}.\n` +
        'It needs: apt-get install -y libkrb5-dev ripgrep, a C++ toolchain for node-pty, and the npm registry.\n' +
        tail(output),
    );
  }
  log(`installed code-server in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return launcher;
}

/** The directories one code-server instance keeps to itself, so a run never sees the user's own VS Code state. */
export interface Profile {
  readonly home: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
}

export function createProfile(root: string, settings: Record<string, unknown>): Profile {
  const profile = { home: path.join(root, 'home'), userDataDir: path.join(root, 'user-data'), extensionsDir: path.join(root, 'extensions') };
  for (const dir of Object.values(profile)) mkdirSync(dir, { recursive: true });
  mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(profile.userDataDir, 'User/settings.json'), JSON.stringify(settings, null, 2));
  return profile;
}

function environment(profile: Profile): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: profile.home,
    XDG_CONFIG_HOME: path.join(profile.home, '.config'),
    XDG_DATA_HOME: path.join(profile.home, '.local/share'),
    XDG_CACHE_HOME: path.join(profile.home, '.cache'),
  };
}

const profileArgs = (profile: Profile): string[] => ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];

export function installExtension(launcher: string, profile: Profile, vsix: string): void {
  if (!existsSync(vsix)) throw new Error(`no extension package at ${vsix}: run npm run package`);
  const result = spawnSync(launcher, [...profileArgs(profile), '--install-extension', vsix], { encoding: 'utf8', env: environment(profile), timeout: 120_000 });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server could not install ${path.basename(vsix)} (exit ${result.status ?? result.signal}):\n${tail(output)}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningCodeServer {
  readonly url: string;
  output(): string;
  stop(): Promise<void>;
}

/** Starts code-server on a free local port and resolves once it listens; rejects with its output if it exits or stalls. */
export async function startCodeServer(launcher: string, profile: Profile, timeoutMs = 60_000): Promise<RunningCodeServer> {
  const port = await freePort();
  const args = [
    ...profileArgs(profile),
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--bind-addr', `127.0.0.1:${port}`,
  ];
  // Its own process group, so that stopping it also stops the extension host and the language server it started.
  const child = spawn(launcher, args, { env: environment(profile), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    process.kill(-child.pid, 'SIGTERM');
    const killTimer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(killTimer);
  };

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`code-server did not start listening within ${timeoutMs / 1000} s:\n${tail(output)}`));
    }, timeoutMs);
    const onData = (): void => {
      if (!/HTTP server listening on/.test(output)) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`code-server could not be run (${launcher}): ${err.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code ?? signal}) before it listened:\n${tail(output)}`));
    });
  });
  return { url: `http://127.0.0.1:${port}/`, output: () => output, stop };
}
