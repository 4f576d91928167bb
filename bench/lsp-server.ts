/**
 * The CLI's language server over stdio, for the benchmarks that talk to it (`lsp-edit-latency.ts`, `memory.ts`):
 * started in a workspace, initialised as an editor would, and read from outside through `/proc`.
 */
import { spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ProtocolConnection, PublishDiagnosticsParams, StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node';

export const CLI = path.resolve(__dirname, '../../server/bin/rulebook.js');

export interface BenchServer {
  readonly connection: ProtocolConnection;
  readonly pid: number;
  /** Settles with the next publish of `uri` at `version` (at any version when undefined). */
  published(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

/** Starts the server in `root`; `nodeArgs` go before the script (e.g. `--cpu-prof`). */
export async function startServer(root: string, options: { nodeArgs?: readonly string[]; stderr?: 'inherit' | 'ignore' } = {}): Promise<BenchServer> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', options.stderr ?? 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<string, (p: PublishDiagnosticsParams) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    for (const key of [`${p.uri}@${p.version}`, `${p.uri}@any`]) {
      const resolve = waiting.get(key);
      if (resolve) {
        waiting.delete(key);
        resolve(p);
      }
    }
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const rootUri = pathToFileURL(root).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities: { workspace: { configuration: true } } });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    pid: child.pid!,
    published: (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version ?? 'any'}`, resolve)),
    stop: async () => {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
    },
  };
}

/** VmRSS and VmHWM (peak) of a live process, in MiB. */
export async function memoryOf(pid: number): Promise<{ rss: number; peak: number } | undefined> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const rss = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  const peak = /VmHWM:\s+(\d+)/.exec(status)?.[1];
  return rss && peak ? { rss: Number(rss) / 1024, peak: Number(peak) / 1024 } : undefined;
}
